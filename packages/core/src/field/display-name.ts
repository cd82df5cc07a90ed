/**
 * Display names: a field's `displayName` template, expanded for one series as Grafana does.
 *
 * - `${__series.name}`: the name the series has without a display name (its legend format);
 * - `${__field.name}`: the value field's name, `Value` (as Grafana names Prometheus values);
 * - `${__field.labels}`: every label, sorted by name, as `a="1", b="2"`;
 * - `${__field.labels.X}`: the value of label `X`;
 * - `$var`, `${var}`, `${var:format}`, `[[var]]`: dashboard variables, as text (interpolateText).
 *
 * One pass: a label value or a variable's value is never expanded again. A `${__…}` that names
 * nothing (`${__field.displayName}`, a label the series lacks) stays as written, as in Grafana;
 * so does a variable the dashboard lacks. `${__from}`, `${__interval}` and the like are variables. The
 * result is plain text from Prometheus and the dashboard: render it as text, never as HTML.
 */
import type { Labels } from '../prometheus/schemas.js';
import { interpolateText, type InterpolateOptions, type VariableValues } from '../promql/interpolate.js';

/** The name Grafana gives the value field of a Prometheus series (`${__field.name}`). */
export const VALUE_FIELD_NAME = 'Value';

/** What a display name template is expanded from. */
export interface DisplayNameSource {
  /** The series' name without a display name: its legend format result. */
  seriesName: string;
  labels: Labels;
  /** Dashboard variables (a repeated panel's own values included). */
  variables?: VariableValues | undefined;
  /** For `${__from:date:…}` and the like. */
  interpolate?: InterpolateOptions | undefined;
}

/** `${__series…}` and `${__field…}`; other `${__…}` (`${__from}`, `${__interval}`) are variables. */
const MACRO = /\$\{(__(?:series|field)(?:\.[^}]*)?)\}/g;

/**
 * The name a series is shown by: `template` expanded (see the module's comment), or
 * `seriesName` when the template is undefined or empty.
 */
export function displayName(template: string | undefined, source: DisplayNameSource): string {
  if (template === undefined || template === '') return source.seriesName;
  return expandMacros(template, MACRO, (path) => fieldMacro(path, source), source.variables, source.interpolate);
}

/**
 * `template` with each `pattern` match (its first group the macro's path) replaced by `macro`'s
 * value, kept as written when that is undefined, and the text between filled in with variables.
 * One pass: nothing a macro or a variable gives is expanded again.
 */
export function expandMacros(template: string, pattern: RegExp, macro: (path: string) => string | undefined, variables: VariableValues = {}, options?: InterpolateOptions): string {
  let out = '';
  let last = 0;
  for (const match of template.matchAll(pattern)) {
    out += interpolateText(template.slice(last, match.index), variables, options);
    out += macro(match[1]!) ?? match[0];
    last = match.index + match[0].length;
  }
  return out + interpolateText(template.slice(last), variables, options);
}

/** Labels as Grafana writes them in `${__field.labels}`: sorted by name, `a="1", b="2"`. */
export function formatLabels(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(', ');
}

/** The value of one `${__series…}` or `${__field…}` macro for `source`, undefined when it names nothing. */
export function fieldMacro(path: string, source: Pick<DisplayNameSource, 'seriesName' | 'labels'>): string | undefined {
  if (path === '__series.name') return source.seriesName;
  if (path === '__field.name') return VALUE_FIELD_NAME;
  if (path === '__field.labels') return formatLabels(source.labels);
  if (path.startsWith('__field.labels.')) {
    const label = path.slice('__field.labels.'.length);
    return Object.hasOwn(source.labels, label) ? source.labels[label] : undefined;
  }
  return undefined;
}
