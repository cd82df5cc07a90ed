/**
 * lintPromQL with the real Prometheus (2.42) as the judge: every place a placeholder can stand
 * gets a stand-in the server parses, types included. The same check over thousands of real
 * queries from public dashboards and rule files is `scripts/promql-corpus/check.mjs` (the corpus
 * is fetched, not committed: see scripts/promql-corpus/README.md).
 */
import { describe, expect, inject, it } from 'vitest';
import { lintPromQL, promqlStandIns } from '@promkit/core/edit';
import { mapLimited, serverParses } from '../harness/server-parses.js';

const url = inject('prometheusUrl');


// One template per place a placeholder can stand (the unit tests' list, in short).
const TEMPLATES = [
  'sum(rate(x[$__rate_interval]))',
  'sum by ($grouping) (rate(x[5m]))',
  'topk($k, x)',
  'bottomk(${k}, sum by (job) (x))',
  'x > $threshold',
  'quantile($q, x)',
  'histogram_quantile($q, sum by (le) (rate(h_bucket[$__rate_interval])))',
  'clamp(x, $a, $b)',
  'round(x, $a)',
  'predict_linear(x[1h], $a)',
  'quantile_over_time($q, x[5m])',
  'up{job=~"$job", instance=~"${instance:regex}"}',
  'x{$labelfilter}',
  'x{job="a", $labelfilter}',
  'x{$label="a"}',
  '$metric{job="a"}',
  'rate($metric[5m])',
  'sum without ($a, $b) (x)',
  'x / on ($a) group_left ($b) y',
  'rate(x[$__rate_interval:$__interval])',
  'max_over_time(rate(x[5m])[$__range:])',
  'x offset $shift',
  'x offset -$shift',
  'x @ ${__to:date:seconds}',
  'increase(x[${days}d])',
  '$agg by (job) (x)',
  '$agg(x)',
  'label_replace(x, "dst", "$1", "src", "(.*)")',
  'sum(x) / $__interval_ms',
];

describe('lintPromQL, judged by the real Prometheus', () => {
  it('every stand-in position parses on Prometheus, types included', async () => {
    const verdicts = await mapLimited(TEMPLATES, 8, async (t) => ({ t, text: promqlStandIns(t).text, lint: lintPromQL(t), server: await serverParses(url, promqlStandIns(t).text) }));
    expect(verdicts.filter((v) => v.lint.length > 0 || !v.server.parsed).map((v) => `${v.t} → ${v.text}: ${v.server.error ?? v.lint[0]?.message}`)).toEqual([]);
  });

  it('refuses what Prometheus refuses: the same templates broken at the end and in the middle', async () => {
    const broken = TEMPLATES.flatMap((t) => [`${t} +`, `${t.slice(0, Math.floor(t.length / 2))} ) ${t.slice(Math.floor(t.length / 2))}`]);
    const verdicts = await mapLimited(broken, 8, async (t) => ({ t, lintOk: lintPromQL(t).every((p) => p.severity !== 'error'), server: await serverParses(url, promqlStandIns(t).text) }));
    expect(verdicts.filter((v) => v.lintOk !== v.server.parsed).map((v) => `${v.t}: lint ${v.lintOk ? 'accepts' : 'refuses'}, server ${v.server.parsed ? 'parses' : 'refuses'}`)).toEqual([]);
    expect(verdicts.filter((v) => !v.lintOk).length).toBeGreaterThanOrEqual(TEMPLATES.length);
  });
});
