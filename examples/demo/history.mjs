// @ts-check
/**
 * Seven days of the demo's history as OpenMetrics text, for `promtool tsdb create-blocks-from
 * openmetrics`: a sample every 15 seconds in the last 3 hours, every 2 minutes before. The demo
 * dashboards declare a 1-minute scrape interval, so `$__rate_interval` (at least 4 minutes) always
 * spans two samples of the older history.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { formatLabels } from '../../tests/harness/dataset.mjs';
import { FAMILIES, LATENCY_BUCKETS, demoSeries, latencyMean, latencyShareBelow } from './model.mjs';

/** How far back the history goes, in seconds. */
export const HISTORY_SPAN = 7 * 86_400;

/** The labels Prometheus gives the demo exporter's own series (the scrape config pins them). */
export const DEMO_TARGET_LABELS = { job: 'demo', instance: 'demo-app' };

/**
 * Sample times of the history ending at `end` (seconds), ascending.
 * @param {number} end
 */
export function historyTimes(end) {
  const tiers = [
    { from: end - HISTORY_SPAN, step: 120 },
    { from: end - 3 * 3600, step: 15 },
  ];
  /** @type {number[]} */
  const times = [];
  tiers.forEach(({ from, step }, i) => {
    const until = tiers[i + 1]?.from ?? end + 1;
    for (let t = Math.ceil(from / step) * step; t < until; t += step) times.push(t);
  });
  // The history ends exactly at `end`, so the first live scrape follows within seconds: a longer
  // gap would make rate() extrapolate less and dip at the junction.
  if (times.at(-1) !== end) times.push(end);
  return times;
}

/**
 * Writes the history ending at `end` (seconds) to `file`.
 * @param {string} file
 * @param {number} end
 * @returns {Promise<{ samples: number }>}
 */
export async function writeDemoHistory(file, end) {
  const times = historyTimes(end);
  const out = createWriteStream(file);
  let samples = 0;
  /** @param {string} text */
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const series = demoSeries();
  for (const family of Object.values(FAMILIES)) {
    const members = series.filter((s) => s.family === family.name);
    if (!members.length) continue;
    const name = family.kind === 'counter' ? family.name.replace(/_total$/, '') : family.name;
    await write(`# HELP ${name} ${family.help}\n# TYPE ${name} ${family.kind}\n`);
    for (const s of members) {
      for (const row of rowsOf(s, times)) {
        const labels = formatLabels({ ...targetLabels(s.labels), ...row.labels });
        const lines = row.values.map((v, i) => `${row.name}${labels} ${format(v)} ${times[i]}\n`);
        samples += lines.length;
        await write(lines.join(''));
      }
    }
  }
  out.end('# EOF\n');
  await once(out, 'finish');
  return { samples };
}

/**
 * Labels a series gets once scraped: the exporter's target labels unless it names its own job.
 * @param {import('./model.mjs').Labels} labels
 */
function targetLabels(labels) {
  return 'job' in labels ? labels : { ...DEMO_TARGET_LABELS, ...labels };
}

/**
 * The rows (name, extra labels, one value per time) a series writes.
 * @param {import('./model.mjs').Series} s
 * @param {number[]} times
 * @returns {{ name: string, labels: Record<string, string>, values: number[] }[]}
 */
function rowsOf(s, times) {
  if (s.kind === 'gauge') return [{ name: s.family, labels: {}, values: times.map((t) => s.value(t)) }];
  // Each sample adds what happened since the previous one, judged at the middle of that span.
  const spans = times.map((t, i) => {
    const previous = times[i - 1] ?? t;
    return { mid: (t + previous) / 2, seconds: t - previous };
  });
  if (s.kind === 'counter') return [{ name: s.family, labels: {}, values: accumulate(spans.map(({ mid, seconds }) => s.rate(mid) * seconds)) }];
  const requests = spans.map(({ mid, seconds }) => ({ n: s.rate(mid) * seconds, latency: s.latency(mid) }));
  const counts = requests.map(({ n }) => n);
  return [
    ...LATENCY_BUCKETS.map((le) => ({
      name: `${s.family}_bucket`,
      labels: { le: String(le) },
      values: accumulate(requests.map(({ n, latency }) => n * latencyShareBelow(le, latency))),
    })),
    { name: `${s.family}_bucket`, labels: { le: '+Inf' }, values: accumulate(counts) },
    { name: `${s.family}_sum`, labels: {}, values: accumulate(requests.map(({ n, latency }) => n * latencyMean(latency))) },
    { name: `${s.family}_count`, labels: {}, values: accumulate(counts) },
  ];
}

/** @param {number[]} increments */
function accumulate(increments) {
  let total = 0;
  return increments.map((d) => (total += d));
}

/** @param {number} v */
function format(v) {
  return String(Number(v.toPrecision(10)));
}
