// @ts-check
/**
 * The deterministic history every integration test runs against.
 *
 * One module both writes the OpenMetrics text that `promtool tsdb create-blocks-from openmetrics`
 * backfills and answers "what value does series S have at time t", so tests compute their
 * expectations from the same definition instead of hard-coding numbers.
 */

/** First sample time, in seconds: 2023-11-14T22:00:00Z, aligned to a 2 h block boundary. */
export const T0 = 1_699_999_200;
/** Seconds between samples. */
export const STEP = 15;
/** Samples per series (one hour: T0 … T0 + 3600 inclusive). */
export const SAMPLE_COUNT = 241;
/** Last sample time, in seconds. */
export const T_END = T0 + STEP * (SAMPLE_COUNT - 1);
/** Index at which the reset counter drops back towards zero. */
export const RESET_INDEX = 160;
/** Last sample index of the series that stops half way (staleness tests). */
export const STOP_INDEX = 120;

/**
 * @typedef {Record<string, string>} Labels
 * @typedef {{ name: string, type: 'counter' | 'gauge' | 'histogram', help: string, unit?: string,
 *   series: { labels: Labels, value: (i: number) => number | undefined }[] }} Family
 */

/** Label values that must survive as text: quotes, backslash, unicode, HTML-looking markup. */
export const TRICKY_LABEL_VALUES = [
  'say "hi"',
  'back\\slash',
  '日本語 – ünïcødé ✓',
  '<img src=x onerror=alert(1)>',
];

/**
 * Label values for escaping tests: the first holds `"`, `\` and regex metacharacters; the others
 * are what an unescaped regex of it would also match (`.` as any character, `+` as a repeat, `|`
 * as an alternation), so a query that selects exactly the first proves the escaping.
 */
export const ESCAPING_LABEL_VALUES = ['say "hi" \\ a.b+c|d', 'say "hi" \\ aXb+c|d', 'say "hi" \\ a.bbc', 'd'];

/** Request counter rate per series, in requests per sample interval. */
const REQUEST_SERIES = [
  { instance: 'api-1', method: 'GET', status: '200', perStep: 30 },
  { instance: 'api-1', method: 'GET', status: '500', perStep: 3 },
  { instance: 'api-1', method: 'POST', status: '200', perStep: 15 },
  { instance: 'api-2', method: 'GET', status: '200', perStep: 45 },
  { instance: 'api-2', method: 'POST', status: '500', perStep: 6 },
];

/** Classic histogram bucket bounds and how many observations land in each per interval. */
export const HISTOGRAM_BUCKETS = [
  { le: '0.1', perStep: 8 },
  { le: '0.5', perStep: 4 },
  { le: '1', perStep: 2 },
  { le: '+Inf', perStep: 1 },
];
/** Sum of observed durations added per interval (exact in binary). */
const HISTOGRAM_SUM_PER_STEP = 4.5;

/** @type {Family[]} */
export const FAMILIES = [
  {
    name: 'promkit_http_requests',
    type: 'counter',
    help: 'HTTP requests served.',
    series: REQUEST_SERIES.map((s, n) => ({
      labels: { job: 'api', instance: s.instance, method: s.method, status: s.status },
      // The first series resets at RESET_INDEX, as after a process restart.
      value: (i) => (n === 0 && i >= RESET_INDEX ? (i - RESET_INDEX) * s.perStep : i * s.perStep),
    })),
  },
  {
    name: 'promkit_temperature_celsius',
    type: 'gauge',
    help: 'Room temperature.',
    unit: 'celsius',
    series: [
      { labels: { room: 'lab' }, value: (i) => 20 + (i % 8) * 0.25 },
      { labels: { room: 'office' }, value: (i) => 18.5 - (i % 4) * 0.125 },
    ],
  },
  {
    name: 'promkit_special_value',
    type: 'gauge',
    help: 'Samples that are not ordinary finite numbers.',
    series: [
      { labels: { kind: 'nan' }, value: () => Number.NaN },
      { labels: { kind: 'pos_inf' }, value: () => Number.POSITIVE_INFINITY },
      { labels: { kind: 'neg_inf' }, value: () => Number.NEGATIVE_INFINITY },
      { labels: { kind: 'tiny' }, value: () => 1.5e-300 },
      { labels: { kind: 'huge' }, value: () => -2.5e300 },
    ],
  },
  {
    name: 'promkit_request_duration_seconds',
    type: 'histogram',
    help: 'Request latency.',
    unit: 'seconds',
    series: [
      ...cumulativeBuckets().map(({ le, perStep }) => ({
        labels: { le },
        value: (/** @type {number} */ i) => i * perStep,
      })),
    ],
  },
  {
    name: 'promkit_combo',
    type: 'gauge',
    help: 'One series per label combination.',
    series: Array.from({ length: 100 }, (_, n) => ({
      labels: { a: `a${Math.floor(n / 10)}`, b: `b${n % 10}` },
      value: () => n,
    })),
  },
  {
    name: 'promkit_stopping',
    type: 'gauge',
    help: 'A series that stops half way through the hour.',
    series: [{ labels: { job: 'batch' }, value: (i) => (i <= STOP_INDEX ? i : undefined) }],
  },
  {
    name: 'promkit_label_text',
    type: 'gauge',
    help: 'Label values with quotes, unicode and markup.',
    series: TRICKY_LABEL_VALUES.map((text, n) => ({ labels: { text }, value: () => n + 1 })),
  },
  {
    name: 'promkit_escaping',
    type: 'gauge',
    help: 'Label values that only proper escaping selects alone.',
    series: ESCAPING_LABEL_VALUES.map((name, n) => ({ labels: { name }, value: () => n + 1 })),
  },
];

/** Bucket rows of the histogram with cumulative per-interval counts. */
function cumulativeBuckets() {
  let total = 0;
  return HISTOGRAM_BUCKETS.map(({ le, perStep }) => ({ le, perStep: (total += perStep) }));
}

/** The histogram's `_count` and `_sum` at sample index i. */
export function histogramTotals(/** @type {number} */ i) {
  const perStep = HISTOGRAM_BUCKETS.reduce((sum, b) => sum + b.perStep, 0);
  return { count: i * perStep, sum: i * HISTOGRAM_SUM_PER_STEP };
}

/** Sample index at time t (seconds), or undefined when t is not on the sample grid. */
export function indexAt(/** @type {number} */ t) {
  const i = (t - T0) / STEP;
  return Number.isInteger(i) && i >= 0 && i < SAMPLE_COUNT ? i : undefined;
}

/**
 * The value the dataset holds for `name` with exactly `labels` at sample index i.
 * @param {string} name metric name as stored (counters end in _total, histograms in _bucket/_sum/_count)
 * @param {Labels} labels
 * @param {number} i
 */
export function valueOf(name, labels, i) {
  for (const { row, value } of FAMILIES.flatMap(familyRows)) {
    if (row.name === name && sameLabels(row.labels, labels)) return value(i);
  }
  throw new Error(`dataset has no series ${name}${JSON.stringify(labels)}`);
}

/** Every stored series as the name and labels Prometheus will report. */
export function storedSeries() {
  return FAMILIES.flatMap(familyRows).map(({ row }) => row);
}

/**
 * The stored series of one family, named as Prometheus stores them.
 * @param {Family} family
 * @returns {{ row: { name: string, labels: Labels }, value: (i: number) => number | undefined }[]}
 */
function familyRows(family) {
  if (family.type === 'histogram') {
    return [
      ...family.series.map((s) => ({ row: { name: `${family.name}_bucket`, labels: s.labels }, value: s.value })),
      { row: { name: `${family.name}_count`, labels: {} }, value: (i) => histogramTotals(i).count },
      { row: { name: `${family.name}_sum`, labels: {} }, value: (i) => histogramTotals(i).sum },
    ];
  }
  const name = family.type === 'counter' ? `${family.name}_total` : family.name;
  return family.series.map((s) => ({ row: { name, labels: s.labels }, value: s.value }));
}

/** @param {Labels} a @param {Labels} b */
function sameLabels(a, b) {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/**
 * Every stored sample of a family, in ascending time per series.
 * @param {Family} family
 */
function* familySamples(family) {
  for (const { row, value } of familyRows(family)) {
    for (let i = 0; i < SAMPLE_COUNT; i++) {
      const v = value(i);
      if (v !== undefined) yield { row, t: T0 + i * STEP, v };
    }
  }
}

/**
 * One exposition line: a sample with its time in seconds (`scale` 1) or milliseconds (1000).
 * @param {{ row: { name: string, labels: Labels }, t: number, v: number }} sample
 * @param {number} scale
 */
function sampleLine({ row, t, v }, scale) {
  return `${row.name}${formatLabels(row.labels)} ${formatValue(v)} ${t * scale}`;
}

/**
 * OpenMetrics text of the whole dataset (or of other `families` on the same time grid), samples
 * in ascending time per series, ending in `# EOF`.
 * @param {Family[]} [families]
 */
export function toOpenMetrics(families = FAMILIES) {
  const out = [];
  for (const family of families) {
    out.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} ${family.type}`);
    if (family.unit) out.push(`# UNIT ${family.name} ${family.unit}`);
    for (const sample of familySamples(family)) out.push(sampleLine(sample, 1));
  }
  out.push('# EOF', '');
  return out.join('\n');
}

/** The whole dataset as Prometheus text with timestamps in milliseconds, as VictoriaMetrics' `/api/v1/import/prometheus` reads it. */
export function toPrometheusImport() {
  return FAMILIES.flatMap((family) => [...familySamples(family)].map((sample) => sampleLine(sample, 1000))).join('\n') + '\n';
}

/**
 * How many stored samples have a value that `keep` accepts (all of them by default).
 * @param {(v: number) => boolean} [keep]
 */
export function sampleCount(keep = () => true) {
  return FAMILIES.reduce((n, family) => n + [...familySamples(family)].filter((s) => keep(s.v)).length, 0);
}

/** @param {Labels} labels */
export function formatLabels(labels) {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
  return pairs.length ? `{${pairs.join(',')}}` : '';
}

/** @param {string} v */
function escapeLabelValue(v) {
  return v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

/** @param {number} v */
function formatValue(v) {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '+Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(v);
}
