/** The metrics explorer's search: family metadata for series names, word filtering and match marking. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { filterWords, matchRanges, metadataOf, metricInfos, searchMetrics, splitMarked, type MetricInfo } from '../src/components/metrics-explorer/metric-search.js';

const meta = {
  http_request_duration_seconds: [{ type: 'histogram', help: 'Latency.', unit: 'seconds' }],
  rpc_seconds: [{ type: 'summary', help: 'RPC latency.', unit: '' }],
  jobs: [{ type: 'counter', help: 'Jobs done.', unit: '' }],
  temperature: [{ type: 'gauge', help: 'Room temperature.', unit: 'celsius' }],
};

describe('metadataOf / metricInfos', () => {
  it("finds a series' family: _bucket of histograms, _sum/_count of histograms and summaries, _total of counters", () => {
    const infos = metricInfos(
      ['http_request_duration_seconds_bucket', 'http_request_duration_seconds_count', 'rpc_seconds_sum', 'rpc_seconds_bucket', 'jobs_total', 'temperature', 'temperature_total', 'other', 'jobs_total'],
      meta,
    );
    expect(infos.map((m) => `${m.name}:${m.type}`)).toEqual([
      'http_request_duration_seconds_bucket:histogram',
      'http_request_duration_seconds_count:histogram',
      'jobs_total:counter',
      'other:unknown',
      'rpc_seconds_bucket:unknown', // a summary has no buckets
      'rpc_seconds_sum:summary',
      'temperature:gauge',
      'temperature_total:unknown', // a gauge has no _total
    ]);
    expect(metadataOf('temperature', meta)).toEqual({ type: 'gauge', help: 'Room temperature.', unit: 'celsius' });
  });
});

const word = fc.stringMatching(/^[a-cA-C_]{1,3}$/);
const metric = fc.record({ name: fc.stringMatching(/^[a-c_]{1,12}$/), type: fc.constant('gauge'), help: fc.stringMatching(/^[a-c A-C]{0,16}$/), unit: fc.constant('') });

describe('searchMetrics', () => {
  it('keeps exactly the metrics where every word is in the name or help (case-insensitive), name matches first', () => {
    fc.assert(
      fc.property(fc.array(metric, { maxLength: 12 }), fc.array(word, { maxLength: 3 }), (metrics: MetricInfo[], words) => {
        const filter = words.join(' ');
        const lower = words.map((w) => w.toLowerCase());
        const has = (m: MetricInfo, w: string) => m.name.toLowerCase().includes(w) || m.help.toLowerCase().includes(w);
        const inName = (m: MetricInfo) => lower.every((w) => m.name.toLowerCase().includes(w));
        const kept = metrics.filter((m) => lower.every((w) => has(m, w)));
        const expected = [...kept.filter(inName), ...kept.filter((m) => !inName(m))];
        expect(searchMetrics(metrics, filter).map((r) => r.metric)).toEqual(expected);
      }),
    );
  });

  it('marks every occurrence of every word with sorted, disjoint ranges that cut the text back into itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-cA-C_ ]{0,24}$/), fc.array(word, { maxLength: 3 }), (text, words) => {
        const ws = filterWords(words.join(' '));
        const ranges = matchRanges(text, ws);
        for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBeGreaterThan(ranges[i - 1]![1]);
        const covered = (at: number) => ranges.some(([from, to]) => from <= at && at < to);
        for (const w of ws) {
          for (let at = 0; at + w.length <= text.length; at++) {
            if (text.slice(at, at + w.length).toLowerCase() === w) for (let k = at; k < at + w.length; k++) expect(covered(k)).toBe(true);
          }
        }
        const parts = splitMarked(text, ranges);
        expect(parts.map((p) => p.text).join('')).toBe(text);
        expect(parts.filter((p) => p.marked).length).toBe(ranges.length);
      }),
    );
  });
});
