import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPromQL, escapeRegex, interpolate, interpolateText, isSeriesSelector, metricNames, variableFormatProblems, variablesIn } from '@promkit/core';

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
    quote: "it's",
    path: 'a/b:c',
    __from: '1594671549254',
    __to: '1594675149254',
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
    ['${job:regex}', '(api\\.v1|web\\|2|say "hi")'],
    ['${job:glob}', '{api.v1,web|2,say "hi"}'],
    ['${job:distributed}', 'api.v1,job=web|2,job=say "hi"'],
    ['${job:doublequote}', '"api.v1","web|2","say \\"hi\\""'],
    ['${job:singlequote}', "'api.v1','web|2','say \"hi\"'"],
    ['${job:sqlstring}', "'api.v1','web|2','say \"hi\"'"],
    ['${job:lucene}', '("api.v1" OR "web\\|2" OR "say\\ \\"hi\\"")'],
    ['${job:percentencode}', '%7Bapi.v1%2Cweb%7C2%2Csay%20%22hi%22%7D'],
    ['${job:text}', 'api.v1 + web|2 + say "hi"'],
    ['${env:text}', 'Production'],
    ['${env:regex}', 'prod'],
    ['${env:glob}', 'prod'],
    ['${env:doublequote}', '"prod"'],
    ['${quote:singlequote}', "'it\\'s'"],
    ['${quote:sqlstring}', "'it''s'"],
    ['${quote:percentencode}', 'it%27s'],
    ['${quote:lucene}', "it's"],
    ['${path:lucene}', 'a\\/b\\:c'],
    ['${all:text}', 'All'],
    ['${all:queryparam}', 'var-all=$__all'],
    ['[[job:csv]]', 'api.v1,web|2,say "hi"'],
    ['${__from}', '1594671549254'],
    ['${__from:date}', '2020-07-13T20:19:09.254Z'],
    ['${__from:date:iso}', '2020-07-13T20:19:09.254Z'],
    ['${__from:date:seconds}', '1594671549'],
    ['${__from:date:YYYY-MM-DD}', '2020-07-13'],
    ['${__from:date:YYYY-MM-DD HH:mm:ss.SSS}', '2020-07-13 20:19:09.254'],
    ['${__from:date:[day] D MMM YY, h A, ddd Z}', 'day 13 Jul 20, 8 PM, Mon +00:00'],
    ['${__to:date:X x}', '1594675149 1594675149254'],
  ])('format %s', (template, expected) => {
    expect(interpolate(template, vars)).toBe(expected);
  });

  it('date patterns follow the time zone asked for', () => {
    expect(interpolate('${__from:date:YYYY-MM-DD HH:mm ZZ}', vars, { timeZone: 'Asia/Kolkata' })).toBe('2020-07-14 01:49 +0530');
    expect(interpolate('${__from:date:iso}', vars, { timeZone: 'Asia/Kolkata' })).toBe('2020-07-13T20:19:09.254Z');
  });

  it('an unknown format never throws: it is written as without a format, and listed as a problem with its place', () => {
    expect(interpolate('up{job=~"${job:yaml}"} + $instance', vars)).toBe(interpolate('up{job=~"${job}"} + $instance', vars));
    expect(interpolateText('On ${env:yaml}', vars)).toBe('On Production');
    const text = 'up{a="${a:csv}", b="${b:yaml}"} [[c:xml]] ${__from:date:YYYY}';
    expect(variableFormatProblems(text)).toEqual([
      { placeholder: '${b:yaml}', format: 'yaml', index: text.indexOf('${b:yaml}'), message: expect.stringMatching(/^\$\{b:yaml\}: unknown format "yaml"; use one of csv, date, distributed, doublequote, glob, json, lucene, percentencode, pipe, queryparam, raw, regex, singlequote, sqlstring, text\.$/) },
      { placeholder: '[[c:xml]]', format: 'xml', index: text.indexOf('[[c:xml]]'), message: expect.stringContaining('unknown format "xml"') },
    ]);
    expect(variableFormatProblems('up{a="$a"} ${b:regex}')).toEqual([]);
  });

  it('a single value is escaped like multi-values: regex and string escaping in =~ and !~, string escaping in = and !=', () => {
    const v = { v: 'a"b\\c.d+e|f' };
    expect(interpolate('x{l=~"$v"}', v)).toBe('x{l=~"a\\"b\\\\\\\\c\\\\.d\\\\+e\\\\|f"}');
    expect(interpolate('x{l !~ "$v"}', v)).toBe('x{l !~ "a\\"b\\\\\\\\c\\\\.d\\\\+e\\\\|f"}');
    expect(interpolate('x{l="$v", m!="${v}"}', v)).toBe('x{l="a\\"b\\\\c.d+e|f", m!="a\\"b\\\\c.d+e|f"}');
    expect(interpolate("x{l='$v'}", v)).toBe("x{l='a\"b\\\\c.d+e|f'}");
    expect(interpolate('x{l=~`$v`}', v)).toBe('x{l=~`a"b\\\\c\\.d\\+e\\|f`}');
    expect(interpolate('$v', v)).toBe('a"b\\c.d+e|f');
    expect(interpolate('x{l=~"${v:raw}"}', v)).toBe('x{l=~"a"b\\c.d+e|f"}');
    for (const q of ['x{l=~"$v"}', 'x{l="$v"}', "x{l='$v'}"]) expect(checkPromQL(interpolate(q, v))).toBeUndefined();
  });

  it('display text: the selection as text, nothing escaped', () => {
    expect(interpolateText('Requests on "$env" for $job, ${job:csv}, $missing', vars)).toBe('Requests on "Production" for api.v1 + web|2 + say "hi", api.v1,web|2,say "hi", $missing');
    expect(interpolateText('Top $all', vars)).toBe('Top All');
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

  it('property: a single value, read back the way Prometheus reads the string, matches only itself in =~ and equals itself in =', () => {
    const unquote = (body: string) => body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string(), (value, other) => {
        const regexQuery = interpolate('up{v=~"$v"}', { v: value });
        expect(checkPromQL(regexQuery)).toBeUndefined();
        const regex = new RegExp(`^(?:${unquote(/^up\{v=~"(.*)"\}$/s.exec(regexQuery)![1]!)})$`, 'u');
        expect(regex.test(value)).toBe(true);
        expect(regex.test(other)).toBe(other === value);
        const equalQuery = interpolate('up{v="$v"}', { v: value });
        expect(checkPromQL(equalQuery)).toBeUndefined();
        expect(unquote(/^up\{v="(.*)"\}$/s.exec(equalQuery)![1]!)).toBe(value);
      }),
    );
  });

  it('knows a bare series selector from other PromQL', () => {
    for (const q of ['kube_node_info', 'up{job="x"}', '{__name__=~"a.*"}']) expect(isSeriesSelector(q)).toBe(true);
    for (const q of ['sum(up)', 'up[5m]', 'label_valuez(job)', 'up offset 1m', '']) expect(isSeriesSelector(q)).toBe(false);
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
