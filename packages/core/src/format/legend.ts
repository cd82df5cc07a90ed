/** Series names: legend templates such as `{{instance}} {{method}}`, or the Prometheus notation. */
import type { Labels } from '../prometheus/schemas.js';

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/**
 * The display name of a series. With a template, each `{{label}}` is replaced by that label's
 * value (empty when absent); without one, the series is written as Prometheus does:
 * `metric{a="1", b="2"}`. The result is plain text: render it as text, never as HTML.
 */
export function seriesName(labels: Labels, template?: string): string {
  if (template !== undefined && template !== '' && template !== '__auto') {
    return template.replace(PLACEHOLDER, (_, name: string) => labels[name] ?? '');
  }
  const { __name__: metric = '', ...rest } = labels;
  const pairs = Object.entries(rest).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return pairs.length ? `${metric}{${pairs.join(', ')}}` : metric || '{}';
}
