/**
 * One series' field settings and the name it is shown by, in Grafana's order: the defaults'
 * `displayName` (expanded) names the series first; overrides then match that name (`byName`,
 * `byRegexp`) or the query (`byFrameRefID`); an override's `displayName`, if any, names it last.
 */
import type { Labels } from '../prometheus/schemas.js';
import type { FieldDefaults, Panel } from '../dashboard/schema.js';
import type { InterpolateOptions, VariableValues } from '../promql/interpolate.js';
import { fieldFor } from './overrides.js';
import { displayName } from './display-name.js';

/** A series as a panel shows it. */
export interface SeriesField {
  /** The display name: legends, tooltips, stat names, table column titles. */
  name: string;
  field: FieldDefaults;
}

/** What names a series. */
export interface SeriesIdentity {
  /** The series' name from its legend format (`${__series.name}`). */
  seriesName: string;
  refId: string;
  labels: Labels;
  /** The samples, for `byValue` overrides. */
  values?: ArrayLike<number> | undefined;
  variables?: VariableValues | undefined;
  interpolate?: InterpolateOptions | undefined;
}

/** The series' display name and its field settings with matching overrides applied. */
export function seriesField(panel: Pick<Panel, 'fieldConfig'>, series: SeriesIdentity): SeriesField {
  const matchName = displayName(panel.fieldConfig.defaults.displayName, series);
  const field = fieldFor(panel, matchName, series.refId, series.values);
  const name = field.displayName === panel.fieldConfig.defaults.displayName ? matchName : displayName(textOrUndefined(field.displayName), series);
  return { name, field };
}

/** An override's value is unchecked: a display name that is not text names nothing. */
function textOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
