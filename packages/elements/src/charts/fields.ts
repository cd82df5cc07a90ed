/**
 * Per-series field settings: the panel's defaults with overrides applied (by series name, by
 * regex on the name, or by the target's refId), and threshold colours.
 */
import { matchesGrafanaRegex, type FieldDefaults, type Panel, type Thresholds } from '@promkit/core';

/** A series as the chart builders see it. */
export interface SeriesField {
  name: string;
  refId: string;
  field: FieldDefaults;
}

/** The defaults with every matching override's properties set (ids are paths like `custom.fillOpacity`). */
export function fieldFor(panel: Pick<Panel, 'fieldConfig'>, name: string, refId: string): FieldDefaults {
  let field: FieldDefaults = structuredClone(panel.fieldConfig.defaults);
  for (const override of panel.fieldConfig.overrides) {
    if (!matches(override.matcher, name, refId)) continue;
    for (const { id, value } of override.properties) field = setPath(field, id.split('.'), value);
  }
  return field;
}

function matches(matcher: Panel['fieldConfig']['overrides'][number]['matcher'], name: string, refId: string): boolean {
  switch (matcher.id) {
    case 'byName':
      return matcher.options === name;
    case 'byFrameRefID':
      return matcher.options === refId;
    case 'byRegexp':
      return matchesGrafanaRegex(matcher.options, name);
  }
}

function setPath<T extends object>(target: T, path: string[], value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined || head === '__proto__' || head === 'constructor' || head === 'prototype') return target;
  const record = target as Record<string, unknown>;
  const child = record[head];
  record[head] = rest.length === 0 ? value : setPath(typeof child === 'object' && child !== null ? child : {}, rest, value);
  return target;
}

/** The colour of the threshold step a value falls in (percentage mode uses min/max). */
export function thresholdColor(value: number, thresholds: Thresholds | undefined, min = 0, max = 100): string | undefined {
  if (!thresholds || Number.isNaN(value)) return undefined;
  const level = thresholds.mode === 'percentage' ? ((value - min) / (max - min || 1)) * 100 : value;
  let color = thresholds.steps[0]?.color;
  for (const step of thresholds.steps) if (step.value !== null && level >= step.value) color = step.color;
  return color;
}
