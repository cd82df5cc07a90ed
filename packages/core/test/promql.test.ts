import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPromQL, escapeRegex, interpolate, metricNames, variablesIn } from '@promkit/core';

describe('checkPromQL', () => {
  it.each([
    ['sum(rate(x[5m]', { line: 1, column: 15, message: 'unexpected end of input' }],
    ['foo bar', { line: 1, column: 5, message: 'unexpected "bar"' }],
    ['up{job="a"}\n  + on(job) ]', { line: 2, column: 13, message: 'unexpected "]"' }],
    ['up{job="api}', { line: 1, column: 8, message: 'unterminated string' }],
    ['  ', { message: 'the query is empty' }],
  ])('%j fails with its position', (expr, expected) => {
    expect(checkPromQL(expr)).toMatchObject(expected);
  });

  it.each([
    'up',
    'sum by (job) (rate(http_requests_total{status=~"5.."}[5m])) / on(job) group_left sum(x)',
    'histogram_quantile(0.99, sum by (le) (rate(h_bucket[$__rate_interval])))'.replace('$__rate_interval', '1m'),
    '{__name__="up", job="a\\"b"}',
    'x offset 5m @ 1700000000',
    'rate(x[5m:1m])',
  ])('%j parses', (expr) => {
    expect(checkPromQL(expr)).toBeUndefined();
  });
});

describe('metricNames', () => {
  it('lists selected metrics once, including __name__ equality matchers', () => {
    expect(metricNames('sum(rate(a_total[5m])) / sum(rate(a_total[5m])) + on() b{x="y"} * {__name__="c"} + {__name__=~"d.*"}')).toEqual([
      'a_total',
      'b',
      'c',
    ]);
    expect(metricNames('vector(1) + time()')).toEqual([]);
  });
});

describe('interpolate', () => {
  const vars = {
    job: { value: ['api.v1', 'web|2', 'say "hi"'], regex: true },
    instance: 'host:9100',
    env: { value: 'prod', text: 'Production' },
    all: { value: ['a', 'b'], regex: true, isAll: true, allValue: '.*' },
    __interval: '30s',
  };

  it('writes every placeholder syntax', () => {
    expect(interpolate('$instance ${instance} [[instance]] $__interval $unknown', vars)).toBe('host:9100 host:9100 host:9100 30s $unknown');
  });

  it('escapes multi values as a regex alternation, valid inside a PromQL string', () => {
    expect(interpolate('up{job=~"$job"}', vars)).toBe('up{job=~"(api\\\\.v1|web\\\\|2|say \\"hi\\")"}');
    expect(checkPromQL(interpolate('up{job=~"$job"}', vars))).toBeUndefined();
    expect(interpolate("up{job=~'$job'}", vars)).toBe("up{job=~'(api\\\\.v1|web\\\\|2|say \"hi\")'}");
    expect(interpolate('up{job=~`$job`}', vars)).toBe('up{job=~`(api\\.v1|web\\|2|say "hi")`}');
  });

  it('uses the custom all value as it is', () => {
    expect(interpolate('up{x=~"$all"}', vars)).toBe('up{x=~".*"}');
  });

  it.each([
    ['${job:pipe}', 'api.v1|web|2|say "hi"'],
    ['${job:csv}', 'api.v1,web|2,say "hi"'],
    ['${job:json}', '["api.v1","web|2","say \\"hi\\""]'],
    ['${job:raw}', 'api.v1,web|2,say "hi"'],
    ['${job:queryparam}', 'var-job=api.v1&var-job=web%7C2&var-job=say%20%22hi%22'],
    ['${env:text}', 'Production'],
    ['${env:regex}', 'prod'],
    ['[[job:csv]]', 'api.v1,web|2,say "hi"'],
  ])('format %s', (template, expected) => {
    expect(interpolate(template, vars)).toBe(expected);
  });

  it('refuses an unknown format with the list of good ones', () => {
    expect(() => interpolate('${job:yaml}', vars)).toThrow('${job:yaml}: unknown format "yaml"; use one of regex, pipe, csv, json, raw, text, queryparam.');
  });

  it('does not touch $ that is part of a regex, nor escaped quotes', () => {
    expect(interpolate('up{path=~"/a$", x="q\\"$instance"}', vars)).toBe('up{path=~"/a$", x="q\\"host:9100"}');
  });

  it('lists the variables a template uses', () => {
    expect(variablesIn('rate(x{a="$a", b=~"${b:regex}"}[$__rate_interval]) + [[a]]')).toEqual(['a', 'b', '__rate_interval']);
  });

  it('property: a multi-value regex, read back the way Prometheus reads the string, matches exactly its values', () => {
    /** PromQL double-quoted string body → the text Prometheus sees. */
    const unquote = (body: string) => body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 1, maxLength: 5 }), fc.string(), (values, other) => {
        const query = interpolate('up{v=~"$v"}', { v: { value: values, regex: true } });
        expect(checkPromQL(query)).toBeUndefined();
        const body = /^up\{v=~"(.*)"\}$/s.exec(query)![1]!;
        const regex = new RegExp(`^(?:${unquote(body)})$`, 'u');
        for (const value of values) expect(regex.test(value)).toBe(true);
        expect(regex.test(other)).toBe(values.includes(other));
      }),
    );
  });

  it('property: escapeRegex makes any text match only itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (text, other) => {
        const regex = new RegExp(`^${escapeRegex(text)}$`, 'u');
        expect(regex.test(text)).toBe(true);
        expect(regex.test(other)).toBe(other === text);
      }),
    );
  });
});
