/**
 * Data links: a field's `links`, their URLs expanded for one value as Grafana expands them.
 *
 * - `${__value.raw}`, `${__value.numeric}`, `${__value.text}`: the value, as a number or as shown;
 * - `${__value.time}`: the value's time in epoch ms (a point of a time series);
 * - `${__data.fields.X}` (or `${__data.fields["X"]}`): column `X` of the value's table row;
 * - `${__series.name}`, `${__field.name}`, `${__field.labels}`, `${__field.labels.X}`: as in display names;
 * - `${__url_time_range}`: `from=…&to=…` of the range shown, in epoch ms;
 * - dashboard variables, as `interpolateText` fills them (`${var:queryparam}` gives `var-var=…`).
 *
 * Every macro's value is percent-encoded, so a label value cannot add a parameter or a path. The
 * result is a link only when it is still http(s), mailto or relative (format/url.ts). A link's title
 * takes the same macros, as text.
 */
import { dashboardLinkUrl } from '../format/dashboard-url.js';
import type { Labels } from '../prometheus/schemas.js';
import type { VariableValues } from '../promql/interpolate.js';
import { isSafeUrl } from '../format/url.js';
import { expandMacros, fieldMacro } from './display-name.js';

/** What a data link's URL is expanded from: one value of one series (and its table row). */
export interface DataLinkSource {
  seriesName: string;
  labels: Labels;
  value: { raw: number | string; text: string; /** Its time, epoch ms (a point of a time series). */ time?: number | undefined };
  /** The value's table row, by column name. */
  row?: Readonly<Record<string, string>> | undefined;
  /** The range shown, epoch ms. */
  range?: { from: number; to: number } | undefined;
  variables?: VariableValues | undefined;
  /** Where links to Grafana dashboards (`/d/<uid>/…`) go instead: a URL with `{uid}` (see dashboardLinkUrl). */
  dashboardUrl?: string | undefined;
}

const MACRO = /\$\{(__(?:series|field|value|data|url_time_range)(?:\.[^}]*)?)\}/g;

/** The link's URL for `source`, or undefined when the expanded URL is not one a page may open. */
export function dataLinkUrl(template: string, source: DataLinkSource): string | undefined {
  const expanded = expandMacros(template, MACRO, (path) => (path === '__url_time_range' ? timeRange(source) : encoded(macroOf(path, source))), source.variables);
  const url = dashboardLinkUrl(expanded, source.dashboardUrl);
  return isSafeUrl(url) ? url : undefined;
}

/** The link's title for `source`: the same macros and variables filled in, as text (not encoded). */
export function dataLinkTitle(template: string, source: DataLinkSource): string {
  return expandMacros(template, MACRO, (path) => (path === '__url_time_range' ? timeRange(source) : macroOf(path, source)), source.variables);
}

const encoded = (value: string | undefined) => (value === undefined ? undefined : encodeURIComponent(value));

function macroOf(path: string, source: DataLinkSource): string | undefined {
  if (path === '__value.raw' || path === '__value.numeric') return String(source.value.raw);
  if (path === '__value.text') return source.value.text;
  if (path === '__value.time') return source.value.time === undefined ? undefined : String(Math.round(source.value.time));
  const column = /^__data\.fields(?:\.(.+)|\["(.+)"\])$/.exec(path);
  if (column) return source.row?.[column[1] ?? column[2]!];
  return fieldMacro(path, source);
}

function timeRange(source: DataLinkSource): string | undefined {
  return source.range ? `from=${Math.round(source.range.from)}&to=${Math.round(source.range.to)}` : undefined;
}
