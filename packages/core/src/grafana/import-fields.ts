/**
 * Field settings from Grafana: `fieldConfig.defaults` and overrides as Grafana 7+ writes them, and
 * the old shapes they replaced (value maps with numeric types, threshold strings, `-Infinity`
 * base steps). Only what promkit draws is carried; the rest is a warning with its path, except
 * settings that are at Grafana's default or only style Grafana's own look.
 */
import type * as z from 'zod/mini';
import { isKnownUnit } from '../format/units.js';
import { REDUCERS } from '../format/reduce.js';
import { COLOR_RULE, isColor } from '../format/color.js';
import { COLOR_MODES } from '../field/color-scheme.js';
import { linksOf } from './import-links.js';
import { matcherSchema, type FieldDefaults, type Thresholds, type ValueMapping } from '../dashboard/schema.js';
import { arrayOf, isObject, numberOf, objectOf, textOf, type ImportContext, type Json } from './import-context.js';

type Custom = NonNullable<FieldDefaults['custom']>;
type Override = { matcher: z.infer<typeof matcherSchema>; properties: { id: string; value: unknown }[] };

const SPECIAL_MATCHES = ['nan', 'null', 'null+nan', 'true', 'false', 'empty'] as const;

/** Grafana field settings that only style Grafana's look, or are Grafana's defaults: left out quietly. */
const QUIET_CUSTOM = new Set([
  'lineInterpolation', 'barAlignment', 'barWidthFactor', 'pointSize', 'axisBorderShow', 'axisCenteredZero',
  'axisColorMode', 'axisGridShow', 'axisWidth', 'insertNulls', 'lineStyle', 'align',
  'inspect', 'width', 'minWidth', 'filterable', 'hidden', 'fillBelowTo', 'scaleDistribution',
]);
const QUIET_DEFAULTS = new Set(['custom', 'links', 'fieldMinMax', 'filterable', 'path', 'writeable', 'interval']);

/** A unit promkit formats; unknown ones are kept as a suffix, as Grafana shows them, with a note (a typo shows too). */
export function unitOf(unit: unknown, path: string, ctx: ImportContext): string | undefined {
  const id = textOf(unit);
  if (id === undefined) return undefined;
  if (!isKnownUnit(id)) ctx.warnOnce(`unit:${id}`, path, `unit "${id}" is no unit id of Grafana's: values show with "${id}" after them, as Grafana shows them (check the spelling if a unit was meant)`);
  return id;
}

/** A colour promkit applies (format/color.ts); any other non-empty value is a warning and left out. */
export function colorOf(value: unknown, path: string, ctx: ImportContext): string | undefined {
  if (isColor(value)) return value;
  if (value !== undefined && value !== null && value !== '') ctx.warn(path, `${JSON.stringify(value)} is not a colour (left out); use ${COLOR_RULE}`);
  return undefined;
}

/** Grafana's reducer ids (and the old singlestat/graph names) as promkit reducers. */
const REDUCER_ALIASES: Record<string, string> = { avg: 'mean', current: 'lastNotNull', total: 'sum', lastNotNull: 'lastNotNull', diffperc: 'diff' };
export function reducerOf(name: unknown, path: string, ctx: ImportContext): (typeof REDUCERS)[number] | undefined {
  const id = typeof name === 'string' ? (REDUCER_ALIASES[name] ?? name) : undefined;
  if (id !== undefined && (REDUCERS as readonly string[]).includes(id)) return id as (typeof REDUCERS)[number];
  ctx.warn(path, `reducer ${JSON.stringify(name)} is not one promkit computes (left out; known: ${REDUCERS.join(', ')})`);
  return undefined;
}

/** `fieldConfig.defaults` (or an override's properties, gathered into the same shape). */
export function fieldDefaultsOf(raw: Json, path: string, ctx: ImportContext): FieldDefaults {
  const out: FieldDefaults = {};
  const unit = unitOf(raw['unit'], `${path}.unit`, ctx);
  if (unit !== undefined) out.unit = unit;
  const decimals = numberOf(raw['decimals']);
  if (decimals !== undefined) out.decimals = Math.min(20, Math.max(0, Math.round(decimals)));
  for (const key of ['min', 'max'] as const) {
    const n = numberOf(raw[key]);
    if (n !== undefined) out[key] = n;
  }
  for (const key of ['displayName', 'noValue'] as const) {
    const text = textOf(raw[key]);
    if (text !== undefined) out[key] = text;
  }
  const thresholds = thresholdsOf(raw['thresholds'], `${path}.thresholds`, ctx);
  if (thresholds) out.thresholds = thresholds;
  if (raw['mappings'] !== undefined) {
    const mappings = mappingsOf(raw['mappings'], `${path}.mappings`, ctx);
    if (mappings.length) out.mappings = mappings;
  }
  if (isObject(raw['color'])) {
    const mode = textOf(raw['color']['mode']);
    const fixedColor = colorOf(raw['color']['fixedColor'], `${path}.color.fixedColor`, ctx);
    const known = (COLOR_MODES as readonly string[]).includes(mode ?? '') ? (mode as (typeof COLOR_MODES)[number]) : undefined;
    const chosen = known ?? (mode === 'shades' && fixedColor ? 'fixed' : 'palette-classic');
    if (!known && mode !== 'palette-classic-by-name') ctx.warn(`${path}.color.mode`, `colour scheme "${mode}" is shown as ${chosen}`);
    const seriesBy = raw['color']['seriesBy'];
    out.color = { mode: chosen, ...(fixedColor ? { fixedColor } : {}), ...(seriesBy === 'last' || seriesBy === 'min' || seriesBy === 'max' ? { seriesBy } : {}) };
  }
  const custom = customOf(objectOf(raw['custom']), `${path}.custom`, ctx);
  if (Object.keys(custom).length) out.custom = custom;
  const links = linksOf(raw['links'], `${path}.links`, ctx);
  if (links.length) out.links = links;
  for (const key of Object.keys(raw)) {
    if (!(key in out) && !QUIET_DEFAULTS.has(key) && !['unit', 'decimals', 'min', 'max', 'displayName', 'noValue', 'thresholds', 'mappings', 'color'].includes(key)) {
      ctx.warn(`${path}.${key}`, 'is not a field setting promkit uses (left out)');
    }
  }
  return out;
}

function customOf(raw: Json, path: string, ctx: ImportContext): Custom {
  const out: Custom = {};
  const drawStyle = raw['drawStyle'];
  if (drawStyle === 'line' || drawStyle === 'bars' || drawStyle === 'points') out.drawStyle = drawStyle;
  const lineWidth = numberOf(raw['lineWidth']);
  if (lineWidth !== undefined) out.lineWidth = Math.min(10, Math.max(0, Math.round(lineWidth)));
  const fillOpacity = numberOf(raw['fillOpacity']);
  if (fillOpacity !== undefined) out.fillOpacity = Math.min(100, Math.max(0, Math.round(fillOpacity)));
  const gradient = raw['gradientMode'];
  if (gradient === 'none' || gradient === 'opacity' || gradient === 'hue' || gradient === 'scheme') out.gradientMode = gradient;
  const showPoints = raw['showPoints'];
  if (showPoints === 'auto' || showPoints === 'always' || showPoints === 'never') out.showPoints = showPoints;
  const spanNulls = raw['spanNulls'];
  if (typeof spanNulls === 'boolean' || (typeof spanNulls === 'number' && spanNulls >= 0)) out.spanNulls = spanNulls;
  const stacking = objectOf(raw['stacking']);
  // `none` is kept as set too: a property set to its default round-trips exactly.
  if (stacking['mode'] === 'none' || stacking['mode'] === 'normal' || stacking['mode'] === 'percent') out.stacking = { mode: stacking['mode'], ...(textOf(stacking['group']) ? { group: stacking['group'] as string } : {}) };
  const scale = objectOf(raw['scaleDistribution']);
  if (scale['type'] === 'log') out.axisScale = { type: 'log', log: scale['log'] === 2 ? 2 : 10 };
  else if (scale['type'] === 'linear') out.axisScale = { type: 'linear' };
  else if (scale['type'] !== undefined) ctx.warn(`${path}.scaleDistribution`, `axis scale "${String(scale['type'])}" is shown linear`);
  const axisLabel = textOf(raw['axisLabel']);
  if (axisLabel !== undefined) out.axisLabel = axisLabel;
  const placement = raw['axisPlacement'];
  if (placement === 'left' || placement === 'right' || placement === 'hidden') out.axisPlacement = placement;
  const thresholdsMode = textOf(objectOf(raw['thresholdsStyle'])['mode']);
  if (thresholdsMode !== undefined) {
    const mode = thresholdsMode.replace('dashed', 'line');
    out.thresholdsStyle = { mode: mode === 'off' || mode === 'line' || mode === 'area' || mode === 'line+area' ? mode : 'line' };
  }
  if (raw['transform'] === 'negative-Y') out.transform = 'negative-Y';
  else if (raw['transform'] === 'constant') ctx.warn(`${path}.transform`, 'a constant series is drawn as its samples');
  if (isObject(raw['hideFrom'])) {
    const hideFrom = raw['hideFrom'];
    out.hideFrom = { legend: hideFrom['legend'] === true, tooltip: hideFrom['tooltip'] === true, viz: hideFrom['viz'] === true };
  }
  const cell = cellOptionsOf(raw, path, ctx);
  if (cell) out.cellOptions = cell;
  const softMin = numberOf(raw['axisSoftMin']);
  if (softMin !== undefined) out.axisSoftMin = softMin;
  const softMax = numberOf(raw['axisSoftMax']);
  if (softMax !== undefined) out.axisSoftMax = softMax;
  const used = new Set(['drawStyle', 'lineWidth', 'fillOpacity', 'gradientMode', 'showPoints', 'spanNulls', 'stacking', 'axisLabel', 'axisPlacement', 'thresholdsStyle', 'transform', 'hideFrom', 'axisSoftMin', 'axisSoftMax', 'cellOptions', 'displayMode']);
  // Grafana 12's defaults, which are what promkit draws: no values written at a time series' points,
  // no footer of a table column (an empty list of reducers), cell text not wrapped.
  if (raw['showValues'] === false) used.add('showValues');
  if (isObject(raw['footer']) && arrayOf(raw['footer']['reducers']).length === 0) used.add('footer');
  if (raw['wrapText'] === false) used.add('wrapText');
  for (const key of Object.keys(raw)) {
    if (!used.has(key) && !QUIET_CUSTOM.has(key)) ctx.warn(`${path}.${key}`, 'is not a setting promkit uses (left out)');
  }
  return out;
}

/** Grafana 7–9's `displayMode` for table cells, as the cellOptions Grafana 10 replaced it with. */
const LEGACY_CELL: Record<string, NonNullable<Custom['cellOptions']>> = {
  auto: { type: 'auto' },
  'color-text': { type: 'color-text' },
  'color-background': { type: 'color-background', mode: 'gradient' },
  'color-background-solid': { type: 'color-background', mode: 'basic' },
  'gradient-gauge': { type: 'gauge', mode: 'gradient' },
  'lcd-gauge': { type: 'gauge', mode: 'lcd' },
  basic: { type: 'gauge', mode: 'basic' },
};

/** A table cell's look: Grafana 10's `cellOptions`, or the older `displayMode`; kinds promkit does not draw are plain, with a warning. */
function cellOptionsOf(raw: Json, path: string, ctx: ImportContext): Custom['cellOptions'] {
  const options = objectOf(raw['cellOptions']);
  const type = textOf(options['type']);
  if (type !== undefined) {
    const mode = options['mode'] === 'basic' || options['mode'] === 'gradient' || options['mode'] === 'lcd' ? options['mode'] : undefined;
    if (type === 'auto' || type === 'color-text' || type === 'color-background' || type === 'gauge') return { type, ...(mode ? { mode } : {}) };
    ctx.warn(`${path}.cellOptions.type`, `"${type}" cells are shown as plain values`);
    return undefined;
  }
  const legacy = textOf(raw['displayMode']);
  if (legacy === undefined) return undefined;
  const cell = LEGACY_CELL[legacy];
  if (!cell) ctx.warn(`${path}.displayMode`, `"${legacy}" cells are shown as plain values`);
  return cell;
}

/**
 * Thresholds in any of Grafana's shapes: `{ mode, steps }` (7+), a bare step list with a
 * `-Infinity` base (6.x), or the comma string of singlestat, whose colours come separately.
 */
export function thresholdsOf(raw: unknown, path: string, ctx: ImportContext, legacyColors?: unknown): Thresholds | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'string') {
    const colors = arrayOf(legacyColors).map((c, i) => colorOf(c, `${path.replace(/thresholds$/, 'colors')}[${i}]`, ctx));
    const values = raw.split(',').map((v) => numberOf(v));
    if (values.some((v) => v === undefined)) {
      ctx.warn(path, `${JSON.stringify(raw)} is not a comma-separated list of numbers (left out)`);
      return undefined;
    }
    return {
      mode: 'absolute',
      steps: [{ value: null, color: colors[0] ?? 'green' }, ...values.map((value, i) => ({ value: value!, color: colors[i + 1] ?? 'red' }))],
    };
  }
  const steps = Array.isArray(raw) ? raw : arrayOf(objectOf(raw)['steps']);
  const mode = objectOf(raw)['mode'] === 'percentage' ? 'percentage' : 'absolute';
  const out = steps.filter(isObject).flatMap((step, i) => {
    const color = colorOf(step['color'], `${path}.steps[${i}].color`, ctx);
    const value = step['value'] === null || step['value'] === -Infinity || i === 0 ? null : numberOf(step['value']);
    if (!color || value === undefined) {
      ctx.warn(`${path}.steps[${i}]`, 'needs a colour and a number (left out)');
      return [];
    }
    return [{ value, color }];
  });
  if (!out.length) return undefined;
  out[0] = { ...out[0]!, value: null };
  return { mode, steps: out };
}

/** Value mappings in Grafana 8+'s shape, or the old list of `{ type: 1 | 2, value | from/to, text }`. */
export function mappingsOf(raw: unknown, path: string, ctx: ImportContext): ValueMapping[] {
  const out: ValueMapping[] = [];
  arrayOf(raw).forEach((m, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(m)) return;
    const options = objectOf(m['options']);
    const result = (r: unknown, at: string) => {
      const o = objectOf(r);
      const color = colorOf(o['color'], `${at}.color`, ctx);
      return { ...(textOf(o['text']) !== undefined ? { text: o['text'] as string } : {}), ...(color ? { color } : {}), ...(typeof o['index'] === 'number' ? { index: Math.round(o['index']) } : {}) };
    };
    switch (m['type']) {
      case 'value': {
        const values: Record<string, ReturnType<typeof result>> = {};
        for (const [key, value] of Object.entries(options)) values[key] = result(value, `${at}.options[${JSON.stringify(key)}]`);
        out.push({ type: 'value', options: values });
        return;
      }
      case 'range':
        out.push({ type: 'range', options: { from: numberOf(options['from']) ?? null, to: numberOf(options['to']) ?? null, result: result(options['result'], `${at}.options.result`) } });
        return;
      case 'regex':
        if (textOf(options['pattern'])) out.push({ type: 'regex', options: { pattern: options['pattern'] as string, result: result(options['result'], `${at}.options.result`) } });
        return;
      case 'special': {
        const match = (SPECIAL_MATCHES as readonly string[]).includes(String(options['match'])) ? (options['match'] as (typeof SPECIAL_MATCHES)[number]) : undefined;
        if (match) out.push({ type: 'special', options: { match, result: result(options['result'], `${at}.options.result`) } });
        else ctx.warn(`${at}.options.match`, `special value ${JSON.stringify(options['match'])} is not one promkit matches (left out)`);
        return;
      }
      case 1:
      case '1':
        out.push(legacyValueMapping(m));
        return;
      case 2:
      case '2':
        out.push({ type: 'range', options: { from: numberOf(m['from']) ?? null, to: numberOf(m['to']) ?? null, result: { text: String(m['text'] ?? '') } } });
        return;
      default:
        ctx.warn(`${at}.type`, `mapping type ${JSON.stringify(m['type'])} is not one promkit knows (left out)`);
    }
  });
  return out;
}

/** `{ type: 1, value: "null", text: "N/A" }`: "null" meant a missing value. */
function legacyValueMapping(m: Json): ValueMapping {
  const text = String(m['text'] ?? '');
  const value = String(m['value'] ?? '');
  if (value === 'null') return { type: 'special', options: { match: 'null', result: { text } } };
  return { type: 'value', options: { [value]: { text } } };
}

/** Overrides whose matcher and properties promkit applies; the rest are warnings. */
export function overridesOf(raw: unknown, path: string, ctx: ImportContext): Override[] {
  const out: Override[] = [];
  arrayOf(raw).forEach((o, i) => {
    const at = `${path}[${i}]`;
    const raw = objectOf(objectOf(o)['matcher']);
    const checked = matcherSchema.safeParse({ id: raw['id'], options: raw['options'] });
    if (!checked.success) {
      const known = raw['id'] === 'byName' || raw['id'] === 'byRegexp' || raw['id'] === 'byFrameRefID' || raw['id'] === 'byNames' || raw['id'] === 'byType' || raw['id'] === 'byValue';
      const why = known ? `its options are not ones promkit reads (${checked.error.issues[0]?.message ?? 'unreadable'})` : `matching fields ${JSON.stringify(raw['id'])} is not supported`;
      ctx.warn(`${at}.matcher`, `${why} (override left out; promkit matches byName, byRegexp, byFrameRefID, byNames, byType and byValue)`);
      return;
    }
    const matcher = checked.data;
    const properties: Override['properties'] = [];
    arrayOf(objectOf(o)['properties']).forEach((p, j) => {
      const propId = textOf(objectOf(p)['id']);
      if (!propId) return;
      // Read the property as a one-setting fieldConfig, so it passes the same checks as the defaults.
      const nested = propId.split('.').reduceRight<unknown>((value, key) => ({ [key]: value }), objectOf(p)['value']);
      const converted = ctx.at(`${at}.properties[${j}]`, () => fieldDefaultsOf(nested as Json, '', ctx));
      const value = propId.split('.').reduce<unknown>((v, key) => objectOf(v)[key], converted);
      if (value !== undefined) properties.push({ id: propId, value });
    });
    if (properties.length) out.push({ matcher, properties });
  });
  return out;
}
