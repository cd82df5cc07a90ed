/**
 * Editing a panel: pure operations that each take a Panel and return a new one (structural
 * sharing; the input is never changed). Every result passes `panelSchema`: an operation given a
 * value the schema refuses (an empty query, a bad duration or colour) throws a SchemaError whose
 * problems name each field and what to write there, and the caller keeps its old panel; an index
 * that does not exist or a refId in use throws an InvalidArgumentError.
 * Threshold steps stay sorted with the base step (value null) first.
 */
import { InvalidArgumentError, SchemaError } from '../prometheus/errors.js';
import { parsePanel } from './parse.js';
import { type FieldDefaults, type Panel, type PanelLink, type PanelOptions, type PanelType, type Target, type Thresholds, type ValueMapping } from './schema.js';

/** The panel options each panel type reads; the others are dropped when the type changes. */
export const PANEL_TYPE_OPTIONS: Readonly<Record<PanelType, readonly (keyof PanelOptions)[]>> = {
  timeseries: ['legend', 'tooltip'],
  stat: ['reduceOptions', 'graphMode'],
  gauge: ['reduceOptions'],
  bargauge: ['reduceOptions', 'orientation'],
  table: ['sortBy'],
  heatmap: ['calculate', 'calculation'],
  piechart: ['reduceOptions', 'legend', 'pieType', 'displayLabels'],
  'state-timeline': ['mergeValues', 'showValue', 'rowHeight', 'legend'],
  'status-history': ['showValue', 'rowHeight', 'legend'],
  barchart: ['reduceOptions', 'legend', 'tooltip', 'orientation', 'stacking', 'showValue', 'groupWidth', 'barWidth', 'xTickLabelRotation'],
  histogram: ['legend', 'tooltip', 'bucketCount', 'bucketSize', 'bucketOffset', 'combine'],
  alertlist: ['viewMode', 'alertName', 'alertInstanceLabelFilter', 'stateFilter', 'sortOrder', 'maxItems', 'showInstances'],
  text: ['content', 'mode'],
};

/** Panel types whose field defaults read `custom` (line style, stacking, axis). */
const CUSTOM_FIELD_TYPES: readonly PanelType[] = ['timeseries'];

type Override = Panel['fieldConfig']['overrides'][number];
/** What an override selects: series by name, by name pattern, or by the query they came from. */
export type OverrideMatcher = Override['matcher'];
/** One threshold step. */
export type ThresholdStepInput = Thresholds['steps'][number];

/**
 * `panel` when it passes the schema; otherwise throws a SchemaError whose problems have paths
 * into the panel (`targets[0].expr`), so an editor can show each beside its field.
 */
function checked(panel: Panel, what: string): Panel {
  try {
    parsePanel(panel);
    return panel;
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    const list = error.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new SchemaError(`Cannot ${what}: ${list}. Change the value and try again.`, error.problems, { cause: error });
  }
}

/** A copy of `item` with `changes` applied; a key given as undefined is removed. */
function withKeys<T extends object>(item: T, changes: Partial<T>): T {
  const out = { ...item } as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out as T;
}

/** A list index that must exist. */
function at<T>(list: readonly T[], index: number, what: string): T {
  const item = list[index];
  if (!Number.isInteger(index) || item === undefined) throw new InvalidArgumentError(`There is no ${what} ${index} (the panel has ${list.length}).`);
  return item;
}

function replaced<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

/**
 * Changes the panel type, keeping what still applies: targets, title, field defaults and
 * overrides stay; options the new type does not read are dropped (see PANEL_TYPE_OPTIONS), and
 * so are the field defaults' `custom` settings when the new type draws no lines.
 */
export function changeType(panel: Panel, type: PanelType): Panel {
  if (panel.type === type) return panel;
  const keep = new Set<string>(PANEL_TYPE_OPTIONS[type]);
  const options = Object.fromEntries(Object.entries(panel.options).filter(([key]) => keep.has(key))) as PanelOptions;
  let defaults = panel.fieldConfig.defaults;
  if (defaults.custom !== undefined && !CUSTOM_FIELD_TYPES.includes(type)) {
    const { custom: _dropped, ...rest } = defaults;
    defaults = rest;
  }
  const fieldConfig = defaults === panel.fieldConfig.defaults ? panel.fieldConfig : { ...panel.fieldConfig, defaults };
  return checked({ ...panel, type, options, fieldConfig }, `make the panel a ${type} panel`);
}

/** Sets the title. */
export function setTitle(panel: Panel, title: string): Panel {
  return { ...panel, title };
}

/** Sets the description; an empty one removes it. */
export function setDescription(panel: Panel, description: string | undefined): Panel {
  const { description: _old, ...rest } = panel;
  return description ? { ...rest, description } : rest;
}

/** The first refId in A, B, …, Z, AA, AB, … that no target uses. */
export function nextRefId(targets: readonly Pick<Target, 'refId'>[]): string {
  const used = new Set(targets.map((t) => t.refId));
  for (let n = 0; ; n++) {
    let id = '';
    for (let k = n; k >= 0; k = Math.floor(k / 26) - 1) id = String.fromCharCode(65 + (k % 26)) + id;
    if (!used.has(id)) return id;
  }
}

/** Adds a target with the next free refId, querying `expr`. */
export function addTarget(panel: Panel, expr: string, settings: Partial<Omit<Target, 'refId' | 'expr'>> = {}): Panel {
  const target: Target = { refId: nextRefId(panel.targets), expr, instant: false, hide: false, ...settings };
  return checked({ ...panel, targets: [...panel.targets, target] }, 'add the query');
}

/** Removes target `index`. */
export function removeTarget(panel: Panel, index: number): Panel {
  at(panel.targets, index, 'query');
  return { ...panel, targets: panel.targets.filter((_, i) => i !== index) };
}

/** Moves target `from` to position `to` (clamped to the list). */
export function moveTarget(panel: Panel, from: number, to: number): Panel {
  const target = at(panel.targets, from, 'query');
  const targets = panel.targets.filter((_, i) => i !== from);
  targets.splice(Math.max(0, Math.min(targets.length, to)), 0, target);
  return { ...panel, targets };
}

/**
 * Changes target `index`. A setting given as undefined is removed (legend format, min interval);
 * a refId another target has is refused.
 */
export function updateTarget(panel: Panel, index: number, changes: Partial<Target>): Panel {
  const target = withKeys(at(panel.targets, index, 'query'), changes);
  const refId = target.refId;
  if (panel.targets.some((t, i) => i !== index && t.refId === refId)) {
    throw new InvalidArgumentError(`Another query already has refId ${JSON.stringify(refId)}: choose a different one.`);
  }
  return checked({ ...panel, targets: replaced(panel.targets, index, target) }, `change query ${index + 1}`);
}

/**
 * Sets a field default by its path (`unit`, `color.mode`, `custom.stacking.mode`); undefined
 * removes it, and objects left empty by a removal go too.
 */
export function setField(panel: Panel, path: string, value: unknown): Panel {
  const keys = path.split('.');
  if (keys.some((k) => k === '' || k === '__proto__' || k === 'constructor' || k === 'prototype')) {
    throw new InvalidArgumentError(`"${path}" is not a field setting: use a path such as "unit" or "custom.fillOpacity".`);
  }
  const defaults = withPath(panel.fieldConfig.defaults, keys, value) as FieldDefaults;
  return checked({ ...panel, fieldConfig: { ...panel.fieldConfig, defaults } }, `set ${path}`);
}

/** A copy of `target` with `value` at `keys` (undefined removes it, pruning emptied objects). */
function withPath(target: unknown, keys: readonly string[], value: unknown): unknown {
  const [head, ...rest] = keys as [string, ...string[]];
  const record: Record<string, unknown> = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...target } : {};
  const next = rest.length === 0 ? value : withPath(record[head], rest, value);
  const empty = next === undefined || (rest.length > 0 && typeof next === 'object' && next !== null && Object.keys(next).length === 0);
  if (empty) delete record[head];
  else record[head] = next;
  return record;
}

/** Sets a panel option (`legend`, `graphMode`, …); undefined removes it. */
export function setOption<K extends keyof PanelOptions>(panel: Panel, key: K, value: PanelOptions[K] | undefined): Panel {
  const { [key]: _old, ...rest } = panel.options;
  const options = (value === undefined ? rest : { ...rest, [key]: value }) as PanelOptions;
  return checked({ ...panel, options }, `set the ${String(key)} option`);
}

// Thresholds ---------------------------------------------------------------------------------

/** The base step first (value null), then the others by value, ties in their order. */
function sortedSteps(steps: readonly ThresholdStepInput[]): ThresholdStepInput[] {
  const [base, ...others] = steps;
  if (!base) return [];
  const rest = others.map((s) => (s.value === null ? { ...s, value: 0 } : s));
  return [{ ...base, value: null }, ...rest.sort((a, b) => (a.value as number) - (b.value as number))];
}

function withThresholds(panel: Panel, thresholds: Thresholds | undefined, what: string): Panel {
  return checked(setFieldRaw(panel, 'thresholds', thresholds), what);
}

function setFieldRaw(panel: Panel, key: keyof FieldDefaults, value: unknown): Panel {
  return { ...panel, fieldConfig: { ...panel.fieldConfig, defaults: withPath(panel.fieldConfig.defaults, [key], value) as FieldDefaults } };
}

/** The panel's thresholds, or the base step alone when it has none. */
export function thresholdsOf(panel: Panel): Thresholds {
  return panel.fieldConfig.defaults.thresholds ?? { mode: 'absolute', steps: [{ value: null, color: 'green' }] };
}

/** Sets whether step values are absolute or percentages of min–max. */
export function setThresholdMode(panel: Panel, mode: Thresholds['mode']): Panel {
  return withThresholds(panel, { ...thresholdsOf(panel), mode }, 'set the thresholds mode');
}

/** Adds a step at `value` (default: 10 above the highest), placed in order. */
export function addThresholdStep(panel: Panel, color = 'red', value?: number): Panel {
  const current = thresholdsOf(panel);
  const highest = Math.max(0, ...current.steps.map((s) => s.value ?? Number.NEGATIVE_INFINITY));
  const step = { value: value ?? (current.steps.length > 1 ? highest + 10 : 80), color };
  return withThresholds(panel, { ...current, steps: sortedSteps([...current.steps, step]) }, 'add the threshold step');
}

/** Changes step `index`'s value or colour; the base step (index 0) keeps value null. Re-sorts. */
export function updateThresholdStep(panel: Panel, index: number, changes: { value?: number; color?: string }): Panel {
  const current = thresholdsOf(panel);
  const step = at(current.steps, index, 'threshold step');
  if (changes.value !== undefined && !Number.isFinite(changes.value)) {
    throw new InvalidArgumentError(`Threshold step ${index + 1} needs a finite number, got ${changes.value}.`);
  }
  const next = { value: index === 0 ? null : changes.value ?? step.value, color: changes.color ?? step.color };
  return withThresholds(panel, { ...current, steps: sortedSteps(replaced(current.steps, index, next)) }, `change threshold step ${index + 1}`);
}

/** Removes step `index`; removing the base makes the next step the base; removing the last removes the thresholds. */
export function removeThresholdStep(panel: Panel, index: number): Panel {
  const current = thresholdsOf(panel);
  at(current.steps, index, 'threshold step');
  const steps = current.steps.filter((_, i) => i !== index);
  return withThresholds(panel, steps.length === 0 ? undefined : { ...current, steps: sortedSteps(steps) }, 'remove the threshold step');
}

// Value mappings -------------------------------------------------------------------------------

/** Appends a value mapping. */
export function addMapping(panel: Panel, mapping: ValueMapping): Panel {
  const mappings = [...(panel.fieldConfig.defaults.mappings ?? []), mapping];
  return checked(setFieldRaw(panel, 'mappings', mappings), 'add the value mapping');
}

/** Replaces mapping `index`. */
export function updateMapping(panel: Panel, index: number, mapping: ValueMapping): Panel {
  const mappings = panel.fieldConfig.defaults.mappings ?? [];
  at(mappings, index, 'value mapping');
  return checked(setFieldRaw(panel, 'mappings', replaced(mappings, index, mapping)), `change value mapping ${index + 1}`);
}

/** Removes mapping `index` (and the list when it is left empty). */
export function removeMapping(panel: Panel, index: number): Panel {
  const mappings = panel.fieldConfig.defaults.mappings ?? [];
  at(mappings, index, 'value mapping');
  const rest = mappings.filter((_, i) => i !== index);
  return setFieldRaw(panel, 'mappings', rest.length === 0 ? undefined : rest);
}

// Data links -----------------------------------------------------------------------------------

/** The link addDataLink adds when given none: to be edited into a URL made from the value. */
export const NEW_DATA_LINK: Readonly<PanelLink> = { title: 'New link', url: '/' };

function withDataLinks(panel: Panel, links: readonly PanelLink[], what: string): Panel {
  return checked(setFieldRaw(panel, 'links', links.length === 0 ? undefined : links), what);
}

/** Appends a data link (default NEW_DATA_LINK) to the field defaults. */
export function addDataLink(panel: Panel, link: PanelLink = NEW_DATA_LINK): Panel {
  return withDataLinks(panel, [...(panel.fieldConfig.defaults.links ?? []), { ...link }], 'add the data link');
}

/** Changes data link `index`: the keys given replace its own; `tooltip` or `targetBlank` undefined removes it. */
export function updateDataLink(panel: Panel, index: number, changes: Partial<PanelLink>): Panel {
  const links = panel.fieldConfig.defaults.links ?? [];
  return withDataLinks(panel, replaced(links, index, withKeys(at(links, index, 'data link'), changes)), `change data link ${index + 1}`);
}

/** Removes data link `index` (and the list when it is left empty). */
export function removeDataLink(panel: Panel, index: number): Panel {
  const links = panel.fieldConfig.defaults.links ?? [];
  at(links, index, 'data link');
  return withDataLinks(panel, links.filter((_, i) => i !== index), 'remove the data link');
}

// Overrides ------------------------------------------------------------------------------------

function withOverrides(panel: Panel, overrides: Override[], what: string): Panel {
  return checked({ ...panel, fieldConfig: { ...panel.fieldConfig, overrides } }, what);
}

/** Appends an override with no properties yet. */
export function addOverride(panel: Panel, matcher: OverrideMatcher): Panel {
  return withOverrides(panel, [...panel.fieldConfig.overrides, { matcher: { ...matcher }, properties: [] }], 'add the override');
}

/** Removes override `index`. */
export function removeOverride(panel: Panel, index: number): Panel {
  at(panel.fieldConfig.overrides, index, 'override');
  return withOverrides(panel, panel.fieldConfig.overrides.filter((_, i) => i !== index), 'remove the override');
}

/** Changes what override `index` selects. */
export function setOverrideMatcher(panel: Panel, index: number, matcher: OverrideMatcher): Panel {
  const override = at(panel.fieldConfig.overrides, index, 'override');
  return withOverrides(panel, replaced(panel.fieldConfig.overrides, index, { ...override, matcher: { ...matcher } }), `change override ${index + 1}`);
}

/**
 * Sets property `id` (a field-defaults path such as `unit` or `custom.fillOpacity`) of override
 * `index` to `value`, or removes it when value is undefined. The value must be one the field
 * defaults accept at that path, so an override never holds what the defaults would refuse.
 */
export function setOverrideProperty(panel: Panel, index: number, id: string, value: unknown): Panel {
  const override = at(panel.fieldConfig.overrides, index, 'override');
  const others = override.properties.filter((p) => p.id !== id);
  let properties = others;
  if (value !== undefined) {
    // Checked as a field default at the same path: the same rules, the same messages.
    setField({ ...panel, fieldConfig: { defaults: {}, overrides: [] } }, id, value);
    const position = override.properties.findIndex((p) => p.id === id);
    properties = [...others];
    properties.splice(position === -1 ? others.length : position, 0, { id, value });
  }
  return withOverrides(panel, replaced(panel.fieldConfig.overrides, index, { ...override, properties }), `set ${id} of override ${index + 1}`);
}
