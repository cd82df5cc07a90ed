/**
 * The metrics explorer's search: metric names joined with the server's metadata, and a filter
 * where every typed word must appear (case-insensitive) in the name or the help text, with the
 * matched parts of each marked. Pure, so the explorer and the query builder's metric box agree.
 */

/** One metric as the explorer lists it. */
export interface MetricInfo {
  name: string;
  /** counter, gauge, histogram, summary, unknown (or another type the server reports). */
  type: string;
  help: string;
  unit: string;
}

/** One metadata entry as `/api/v1/metadata` gives it. */
export interface MetadataEntry {
  type: string;
  help: string;
  unit: string;
}

/** A `[from, to)` character range of a matched word. */
export type MatchRange = readonly [number, number];

/** A metric that matches the filter, with where each word was found. */
export interface MetricMatch {
  metric: MetricInfo;
  name: MatchRange[];
  help: MatchRange[];
}

/**
 * The suffixes a series of a family carries, with the family types they belong to: metadata is
 * keyed by family (`http_request_duration_seconds`), series by sample name (`…_bucket`).
 */
const SUFFIXES: readonly { suffix: string; types: readonly string[] }[] = [
  { suffix: '_bucket', types: ['histogram', 'gaugehistogram'] },
  { suffix: '_count', types: ['histogram', 'summary', 'gaugehistogram'] },
  { suffix: '_sum', types: ['histogram', 'summary', 'gaugehistogram'] },
  { suffix: '_total', types: ['counter'] },
  { suffix: '_created', types: ['counter', 'histogram', 'summary'] },
];

/** The metadata of `name`: its own, else its family's (`x_bucket` → histogram `x`). */
export function metadataOf(name: string, metadata: Readonly<Record<string, readonly MetadataEntry[]>>): MetadataEntry | undefined {
  const own = metadata[name]?.[0];
  if (own) return own;
  for (const { suffix, types } of SUFFIXES) {
    if (!name.endsWith(suffix)) continue;
    const family = metadata[name.slice(0, -suffix.length)]?.[0];
    if (family && types.includes(family.type)) return family;
  }
  return undefined;
}

/** Names and metadata joined, sorted by name; a name without metadata is of type `unknown`. */
export function metricInfos(names: readonly string[], metadata: Readonly<Record<string, readonly MetadataEntry[]>>): MetricInfo[] {
  return [...new Set(names)].sort().map((name) => {
    const meta = metadataOf(name, metadata);
    return { name, type: meta?.type || 'unknown', help: meta?.help ?? '', unit: meta?.unit ?? '' };
  });
}

/** The words of a filter: lower-cased, split on white space. */
export function filterWords(filter: string): string[] {
  return filter.toLowerCase().split(/\s+/).filter((w) => w !== '');
}

/** Every place each word occurs in `text`, merged where they overlap, in order. */
export function matchRanges(text: string, words: readonly string[]): MatchRange[] {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const word of words) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1)) ranges.push([at, at + word.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * The metrics where every word of `filter` appears in the name or the help text. Metrics whose
 * name holds every word come first (in name order), then those found through their help.
 */
export function searchMetrics(metrics: readonly MetricInfo[], filter: string): MetricMatch[] {
  const words = filterWords(filter);
  if (words.length === 0) return metrics.map((metric) => ({ metric, name: [], help: [] }));
  const byName: MetricMatch[] = [];
  const byHelp: MetricMatch[] = [];
  for (const metric of metrics) {
    const name = metric.name.toLowerCase();
    const help = metric.help.toLowerCase();
    if (!words.every((w) => name.includes(w) || help.includes(w))) continue;
    const match = { metric, name: matchRanges(metric.name, words), help: matchRanges(metric.help, words) };
    (words.every((w) => name.includes(w)) ? byName : byHelp).push(match);
  }
  return [...byName, ...byHelp];
}

/** `text` cut into plain and marked pieces along `ranges`. */
export function splitMarked(text: string, ranges: readonly MatchRange[]): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [from, to] of ranges) {
    if (from > at) parts.push({ text: text.slice(at, from), marked: false });
    parts.push({ text: text.slice(from, to), marked: true });
    at = to;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
