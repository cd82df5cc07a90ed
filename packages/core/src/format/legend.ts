/** Series names: legend templates such as `{{instance}} {{method}}`, or the Prometheus notation. */
import type { Labels } from '../prometheus/schemas.js';

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/**
 * The display name of a series. With a template, each `{{label}}` is replaced by that label's
 * value (empty when absent). Without one, or when it comes out empty (its labels are missing), the
 * series is named as Grafana names it: by the value of `onlyLabel` when the panel's series all
 * have that one label alone (see onlySharedLabel), else as Prometheus writes it:
 * `metric{a="1", b="2"}`. The result is plain text: render it as text, never as HTML.
 */
export function seriesName(labels: Labels, template?: string, onlyLabel?: string): string {
  if (template !== undefined && template !== '' && template !== '__auto') {
    const text = template.replace(PLACEHOLDER, (_, name: string) => labels[name] ?? '');
    if (text.trim() !== '') return text;
  }
  if (onlyLabel !== undefined && labels[onlyLabel] !== undefined) return labels[onlyLabel];
  const { __name__: metric = '', ...rest } = labels;
  const pairs = Object.entries(rest).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return pairs.length ? `${metric}{${pairs.join(', ')}}` : metric || '{}';
}

/**
 * The label that every series has as its only one (the metric name counts), when they all share
 * it: `sum by (namespace) (…)` gives `namespace`, and Grafana names each series by its value.
 */
export function onlySharedLabel(labelSets: Iterable<Labels>): string | undefined {
  let shared: string | undefined;
  for (const labels of labelSets) {
    const keys = Object.keys(labels);
    if (keys.length !== 1 || (shared !== undefined && keys[0] !== shared)) return undefined;
    shared = keys[0];
  }
  return shared;
}
