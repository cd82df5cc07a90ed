import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_VARIABLE_NAMES, lintPromQL, promqlStandIns } from '../src/promql/lint.js';
import { checkPromQL } from '../src/promql/parse.js';

const variables = ['job', 'k', 'threshold', 'q', 'labelfilter', 'metric', 'a', 'b', 'shift', 'grouping', 'agg', 'days', 'instance', 'label'];
const lint = (template: string) => lintPromQL(template, { variables });

describe('lintPromQL: placeholders where they stand', () => {
  it.each([
    'sum(rate(http_requests_total[$__rate_interval]))',
    'sum by ($grouping) (rate(x[5m]))',
    'topk($k, x)',
    'bottomk(${k}, sum by (job) (x))',
    'x > $threshold',
    '$threshold < x',
    'quantile($q, x)',
    'histogram_quantile($q, sum by (le) (rate(h_bucket[$__rate_interval])))',
    'clamp_max(x, $threshold)',
    'up{job=~"$job"}',
    'up{job="$job", instance=~"${instance:regex}"}',
    "up{job='[[job]]'}",
    'up{job=`$job`}',
    'x{$labelfilter}',
    'x{job="a", $labelfilter}',
    'x{$label="a"}',
    '$metric{job="a"}',
    '${metric}_total',
    'node_${metric}',
    'rate($metric[5m])',
    'sum by ($a, $b) (x)',
    'sum without ($a) (x)',
    'sum(x) by ($a)',
    'x / on ($a) group_left ($b) y',
    'rate(x[$__rate_interval:$__interval])',
    'max_over_time(rate(x[5m])[$__range:])',
    'x offset $shift',
    'x offset -$shift',
    'x @ $__to',
    'x @ ${__to:date:seconds}',
    'increase(x[${days}d])',
    'x[${__range_s}s]',
    '$agg by (job) (x)',
    '$agg(x)',
    'label_replace(x, "dst", "$1", "src", "(.*)")',
    'label_replace(x, "dst", "${1}-$2", "src", "(.*)-(.*)")',
    'sum(x) / $__interval_ms',
    'x * ${__range_ms}',
    '# comment with $unknown and don\'t\nrate(x[$__rate_interval])',
    'SUM BY ($a) (x)',
    'topk by ($a) ($k, x)',
  ])('%s lints clean', (template) => {
    expect(lint(template)).toEqual([]);
  });

  it('every case stands in with text Prometheus grammar reads, and no placeholder is left', () => {
    const { text } = promqlStandIns('sum by ($a) (rate($metric{job=~"$job", $labelfilter}[$__rate_interval:$__interval] offset $shift)) > $threshold');
    expect(text).toBe('sum by (__v0) (rate(__v{job=~"v", __v3="v"}[1m:1m] offset 1m)) > __v');
    expect(checkPromQL(text)).toBeUndefined();
  });

  it('chooses numbers where Prometheus wants a scalar', () => {
    expect(promqlStandIns('topk($k, x)').text).toBe('topk(1, x)');
    expect(promqlStandIns('topk by (job) ($k, x)').text).toBe('topk by (job) (1, x)');
    expect(promqlStandIns('clamp(x, $a, $b)').text).toBe('clamp(x, 1, 1)');
    expect(promqlStandIns('x @ $__to').text).toBe('x @ 1');
    // Not a whole argument: an identifier, read as a selector.
    expect(promqlStandIns('topk($k + 1, x)').text).toBe('topk(__v + 1, x)');
  });

  it('knows the built-ins', () => {
    expect([...BUILTIN_VARIABLE_NAMES].sort()).toEqual(['__from', '__interval', '__interval_ms', '__range', '__range_ms', '__range_s', '__rate_interval', '__to']);
  });
});

describe('lintPromQL: problems', () => {
  it('warns about an unknown variable, at the placeholder, naming it and what to do', () => {
    const template = 'up{job="$jbo"}';
    const problems = lint(template);
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p).toMatchObject({ severity: 'warning', from: 8, to: 12 });
    expect(template.slice(p!.from, p!.to)).toBe('$jbo');
    expect(p!.message).toContain('"jbo"');
    expect(p!.message).toContain('add it under Variables');
  });

  it('warns about an unknown built-in', () => {
    const [p] = lint('rate(x[$__rate_intervall])');
    expect(p).toMatchObject({ severity: 'warning', from: 7, to: 24 });
    expect(p!.message).toContain('$__rate_interval');
  });

  it('checks no names without a variable list', () => {
    expect(lintPromQL('up{job="$whatever"}')).toEqual([]);
  });

  it('reports an unknown format as an error', () => {
    const [p] = lint('up{job=~"${job:yaml}"}');
    expect(p).toMatchObject({ severity: 'error', from: 9, to: 20 });
    expect(p!.message).toContain('unknown format "yaml"');
  });

  it('maps an unclosed call to the end of the template', () => {
    const template = 'sum(rate(x[$__rate_interval])';
    expect(lint(template)).toEqual([{ from: template.length, to: template.length, message: 'unexpected end of input', severity: 'error' }]);
  });

  it('maps a dangling operator at the end', () => {
    const template = 'rate(x[$__rate_interval]) +';
    expect(lint(template)).toMatchObject([{ from: template.length, to: template.length, message: 'unexpected end of input', severity: 'error' }]);
  });

  it('shifts an error after a long placeholder exactly', () => {
    const template = 'rate(x[${__rate_interval}]) foo';
    const [p] = lint(template);
    expect(p).toMatchObject({ severity: 'error', message: 'unexpected "foo"' });
    expect(template.slice(p!.from, p!.to)).toBe('foo');
  });

  it('an error on a stand-in covers the whole placeholder and quotes it', () => {
    const template = 'up{job=$job}';
    const [p] = lint(template);
    expect(p).toMatchObject({ severity: 'error', from: 7, to: 11 });
    expect(p!.message).toBe('unexpected "$job": a label value is a quoted string, write "$job"');
  });

  it('reports an unterminated string that holds a placeholder', () => {
    const [p] = lint('up{job="$job}');
    expect(p).toMatchObject({ severity: 'error', message: 'unterminated string', from: 7 });
  });
});

describe('promqlStandIns: the way back', () => {
  const VALID = [
    'sum by (job) (rate(x[5m]))',
    'topk(3, x)',
    'x > 2',
    'up{job=~"api"}',
    'x offset 5m',
    'rate(x[5m:1m])',
    'histogram_quantile(0.9, sum by (le) (rate(h_bucket[5m])))',
    'x{a="b"} / on (a) group_left y',
  ];
  // Each valid query with some of its pieces written as placeholders of the matching sort.
  const SWAPS: Array<[RegExp, string[]]> = [
    [/\bjob\b/, ['$grouping', '${grouping}', '[[grouping]]']],
    [/5m|1m/, ['$__rate_interval', '${__interval}', '[[__range]]']],
    [/\b3\b|\b2\b|0\.9/, ['$k', '${threshold}']],
    [/"api"|"b"/, ['"$job"', '"${job:regex}"']],
    [/\bx\b|\by\b/, ['$metric', '${metric}']],
  ];
  const template = fc
    .tuple(fc.constantFrom(...VALID), fc.array(fc.tuple(fc.nat(SWAPS.length - 1), fc.nat(2)), { maxLength: 6 }), fc.option(fc.constantFrom(' +', ')', ' foo', '(', '[', '{', ' by', ',')), fc.nat(40))
    .map(([expr, swaps, junk, at]) => {
      let t = expr;
      for (const [s, k] of swaps) {
        const [re, options] = SWAPS[s]!;
        t = t.replace(re, options[k % options.length]!);
      }
      if (junk === null) return t;
      const cut = at % (t.length + 1);
      return t.slice(0, cut) + junk + t.slice(cut);
    });

  it('valid PromQL with placeholders lints clean', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.array(fc.tuple(fc.nat(SWAPS.length - 1), fc.nat(2)), { maxLength: 6 }), (expr, swaps) => {
        let t = expr;
        for (const [s, k] of swaps) {
          const [re, options] = SWAPS[s]!;
          t = t.replace(re, options[k % options.length]!);
        }
        expect(lint(t)).toEqual([]);
      }),
    );
  });

  it('problems fall inside the template, and the mapping never goes back', () => {
    fc.assert(
      fc.property(template, (t) => {
        for (const p of lint(t)) {
          expect(p.from).toBeGreaterThanOrEqual(0);
          expect(p.to).toBeGreaterThanOrEqual(p.from);
          expect(p.to).toBeLessThanOrEqual(t.length);
        }
        const { text, toTemplate } = promqlStandIns(t);
        let last = { start: 0, end: 0 };
        for (let o = 0; o <= text.length; o++) {
          const start = toTemplate(o, 'start');
          const end = toTemplate(o, 'end');
          expect(start).toBeGreaterThanOrEqual(last.start);
          expect(end).toBeGreaterThanOrEqual(last.end);
          expect(end).toBeGreaterThanOrEqual(start);
          expect(end).toBeLessThanOrEqual(t.length);
          last = { start, end };
        }
        expect(toTemplate(text.length, 'end')).toBe(t.length);
        expect(toTemplate(0, 'start')).toBe(0);
      }),
    );
  });

  it('text outside stand-ins maps back to the same characters', () => {
    fc.assert(
      fc.property(template, (t) => {
        const { text, toTemplate } = promqlStandIns(t);
        for (let o = 0; o < text.length; o++) {
          const start = toTemplate(o, 'start');
          if (toTemplate(o + 1, 'end') === start + 1 && !t.slice(start).match(/^(\$|\[\[)/)) expect(t[start]).toBe(text[o]);
        }
      }),
    );
  });
});

describe('lintPromQL: strings Prometheus refuses', () => {
  it('reports an escape Prometheus does not know, at the escape', () => {
    const template = 'up{instance=~"$instance\\d+"}';
    const [p] = lint(template);
    expect(p).toMatchObject({ severity: 'error' });
    expect(template.slice(p!.from, p!.to)).toBe('\\d');
    expect(p!.message).toBe('unknown escape \\d in a string: write \\\\d for a backslash followed by d (a regex \\d is written "\\\\d")');
  });

  it.each(['up{a="\\\\d \\" \\n \\t \\x41 \\u00e9 \\U0001F600 \\101"}', "up{a='\\''}", 'up{a=`\\d`}', 'up{a=~"\\\\d+"}'])('accepts the escapes Prometheus knows: %s', (template) => {
    expect(lint(template)).toEqual([]);
  });

  it('refuses \\" inside single quotes and a short \\x, as Prometheus does', () => {
    expect(lint("up{a='\\\"'}")[0]!.message).toContain('unknown escape \\"');
    expect(lint('up{a="\\x4"}')[0]!.message).toBe('bad escape \\x in a string: \\x takes 2 hex digits');
  });

  it('reports a matcher regex that does not compile, over the whole string', () => {
    const template = 'sum(rate(x{job=~"$job|(api"}[$__rate_interval]))';
    const [p] = lint(template);
    expect(p).toMatchObject({ severity: 'error' });
    expect(template.slice(p!.from, p!.to)).toBe('"$job|(api"');
    expect(p!.message).toMatch(/^invalid regular expression "v\|\(api": /);
  });

  it.each(['up{job=~"(?i)api.*"}', 'up{job!~"(?i:API)|b"}', 'up{job=~"(?P<name>a)b"}', 'up{job=~"a)"} == bool 1'.replace('a)', '[a)]')])('accepts RE2 syntax JavaScript spells otherwise: %s', (template) => {
    expect(lint(template)).toEqual([]);
  });

  it('leaves regexes of functions (checked when run, not when parsed) and plain matchers alone', () => {
    expect(lint('label_replace(up, "a", "$1", "b", "(")')).toEqual([]);
    expect(lint('up{job="(api"}')).toEqual([]);
  });
});
