/**
 * One Grafana panel as a promkit panel: the current types as they are, the legacy ones still found
 * in the wild (graph, singlestat, table-old, 6.x gauges) translated to their successors, and any
 * other type kept in its place as a note saying what it was.
 */
import { PIE_LABELS, STAT_COLOR_MODES, STAT_TEXT_MODES, type PanelInput, type PanelOptions, type Target } from '../dashboard/schema.js';
import { REDUCER_NAMES } from '../format/reduce.js';
import { parseDuration } from '../time/duration.js';
import { isIntervalSetting } from '../time/interval-setting.js';
import { URL_RULE, safeUrl } from '../format/url.js';
import { isSlashedRegex } from '../format/regex.js';
import { checkPromQL } from '../promql/parse.js';
import { promqlStandIns } from '../promql/lint.js';
import { arrayOf, isObject, numberOf, objectOf, textOf, type ImportContext, type Json } from './import-context.js';
import { colorOf, fieldDefaultsOf, mappingsOf, overridesOf, reducerOf, thresholdsOf, unitOf } from './import-fields.js';
import type { SourcePanel } from './import-rows.js';
import { transformationsOf } from './import-transformations.js';
import { alertListOf } from './import-alertlist.js';
import { linksOf } from './import-links.js';

type FieldConfig = NonNullable<PanelInput['fieldConfig']>;
type Overrides = NonNullable<FieldConfig['overrides']>;
type Defaults = NonNullable<FieldConfig['defaults']>;
type Reducer = NonNullable<PanelOptions['reduceOptions']>['calcs'][number];

/** Panel fields that only concern Grafana's editor or look: left out quietly. */
const QUIET_PANEL = new Set([
  'id', 'type', 'title', 'description', 'gridPos', 'datasource', 'targets', 'fieldConfig', 'options', 'pluginVersion', 'links',
  'repeat', 'repeatDirection', 'maxPerRow', 'interval', 'maxDataPoints', 'timeFrom', 'timeShift', 'transparent',
  'hideTimeOverride', 'cacheTimeout', 'queryCachingTTL', 'span', 'height', 'editable', 'error', 'isNew', 'collapsed', 'panels',
  'scopedVars', 'repeatIteration', 'repeatPanelId', 'repeatedByRow', 'minSpan', 'transformations', 'alert', 'thresholds',
  'libraryPanel', 'tags', 'timeRegions', 'hiddenSeries', 'renderer', 'dashes', 'dashLength', 'spaceLength', 'paceLength',
  'steppedLine', 'fillGradient', 'pointradius', 'xaxis', 'yaxis', 'aliasColors', 'seriesOverrides', 'nullText', 'nullPointMode',
  'decimals', 'format', 'legend', 'tooltip', 'xAxis', 'yAxis', 'lines', 'bars', 'points', 'fill', 'linewidth', 'stack', 'percentage', 'yaxes',
  'valueName', 'pieType', 'legendType', 'strokeWidth', 'breakPoint', 'valueMaps', 'rangeMaps', 'mappingTypes', 'mappingType', 'colors', 'colorValue', 'colorBackground', 'colorPrefix',
  'colorPostfix', 'sparkline', 'gauge', 'prefix', 'postfix', 'prefixFontSize', 'postfixFontSize', 'valueFontSize',
  'thresholdMarkers', 'tableColumn', 'styles', 'columns', 'sort', 'pageSize', 'scroll', 'showHeader', 'fontSize', 'transform',
  'content', 'mode', 'dataFormat', 'heatmap', 'cards', 'color', 'highlightCards', 'hideZeroBuckets', 'reverseYBuckets',
  'xBucketSize', 'yBucketBound', 'yBucketSize', 'xBucketNumber', 'yBucketNumber', 'show', 'graphMode', 'strokeWidth',
  'rightSide', 'grid', 'legendFormat', 'style', 'titleSize', 'leftYAxisLabel', 'y_formats', 'resolution',
]);

/** Panel options promkit draws with fixed choices of its own: left out quietly. */
const QUIET_OPTIONS = new Set([
  'colorMode', 'justifyMode', 'textMode', 'wideLayout', 'showPercentChange', 'percentChangeColorMode', 'text', 'showThresholdLabels',
  'showThresholdMarkers', 'displayMode', 'showUnfilled', 'minVizWidth', 'minVizHeight', 'maxVizHeight', 'namePlacement', 'sizing',
  'valueMode', 'cellHeight', 'showHeader', 'frameIndex', 'code', 'timezone', 'fieldOptions', 'showValue', 'color', 'cellGap', 'rowsFrame',
  'yAxis', 'exemplars', 'filterValues', 'calculation', 'cellValues', 'selectMode', 'barWidth', 'groupWidth', 'stacking', 'xTickLabelRotation',
  'xTickLabelSpacing', 'alignValue', 'mergeValues', 'rowHeight', 'fillOpacity', 'lineWidth', 'pieType', 'displayLabels', 'footer',
  'legend', 'tooltip', 'reduceOptions', 'graphMode', 'orientation', 'content', 'mode', 'sortBy', 'calculate', 'xField', 'colorByField',
  'fullHighlight', 'barRadius', 'bucketCount', 'bucketSize', 'bucketOffset', 'combine',
]);

/** Converts one panel (never a row); `id` is the promkit id it gets. */
export function panelOf(src: SourcePanel, id: number, ctx: ImportContext): PanelInput {
  const raw = src.raw;
  const type = textOf(raw['type']) ?? '';
  const base = commonOf(src, id, ctx);
  if (raw['libraryPanel'] !== undefined && raw['targets'] === undefined) {
    return placeholder(base, src.path, ctx, `library panel "${textOf(objectOf(raw['libraryPanel'])['name']) ?? textOf(objectOf(raw['libraryPanel'])['uid'])}", whose contents live in Grafana, not in the dashboard JSON`);
  }
  if (type === 'text') return textPanelOf(raw, base, src.path, ctx);
  if (type === 'alertlist') return alertListOf(raw, base, src.path, ctx);

  const legacyTable = type === 'table-old' || (type === 'table' && Array.isArray(raw['styles']));
  const promkitType = TYPE_OF[type] ?? (legacyTable ? 'table' : undefined);
  if (!promkitType) return placeholder(base, src.path, ctx, `the Grafana panel type "${type}", which promkit does not draw`);

  const query = queriesOf(raw, src.path, ctx);
  if (query === undefined) return placeholder(base, src.path, ctx, 'a datasource promkit does not query');
  for (const key of Object.keys(raw)) {
    if (!QUIET_PANEL.has(key)) ctx.warn(`${src.path}.${key}`, 'is not a panel setting promkit uses (left out)');
  }
  if (isObject(raw['alert'])) ctx.warn(`${src.path}.alert`, 'legacy panel alerts are not carried over: write them as alert rules (@promkit/core/rules)');

  const panel: PanelInput = {
    ...base,
    type: promkitType,
    ...(query.datasource !== undefined ? { datasource: query.datasource } : {}),
    targets: query.targets,
    ...timingOf(raw, src.path, ctx),
    ...transformationsOf(raw['transformations'], `${src.path}.transformations`, ctx),
  };
  const legacy =
    type === 'graph' ? graphOf(raw, src.path, ctx)
    : type === 'singlestat' || type === 'grafana-singlestat-panel' ? singlestatOf(raw, src.path, ctx)
    : type === 'grafana-piechart-panel' ? piePluginOf(raw, src.path, ctx)
    : type === 'heatmap' && isObject(raw['yAxis']) && !isObject(raw['fieldConfig']) ? legacyHeatmapOf(raw, src.path, ctx)
    : legacyTable ? tableOldOf(raw, src.path, ctx)
    : undefined;
  if (legacy) return { ...panel, ...legacy, ...(legacy.type ? { type: legacy.type } : {}) };

  const fieldConfig = objectOf(raw['fieldConfig']);
  // Grafana 6.x gauges kept field settings in options.fieldOptions, thresholds and mappings beside them.
  const sixDotX = objectOf(objectOf(raw['options'])['fieldOptions']);
  const legacyFields = { ...objectOf(sixDotX['defaults']), ...(sixDotX['thresholds'] ? { thresholds: sixDotX['thresholds'] } : {}), ...(arrayOf(sixDotX['mappings']).length ? { mappings: sixDotX['mappings'] } : {}) };
  const defaults = fieldDefaultsOf({ ...legacyFields, ...objectOf(fieldConfig['defaults']) }, `${src.path}.fieldConfig.defaults`, ctx);
  const overrides = overridesOf(fieldConfig['overrides'], `${src.path}.fieldConfig.overrides`, ctx);
  return { ...panel, fieldConfig: { defaults, overrides }, options: optionsOf(objectOf(raw['options']), promkitType, `${src.path}.options`, ctx) };
}

const TYPE_OF: Record<string, PanelInput['type']> = {
  timeseries: 'timeseries',
  graph: 'timeseries',
  stat: 'stat',
  singlestat: 'stat',
  'grafana-singlestat-panel': 'stat',
  gauge: 'gauge',
  bargauge: 'bargauge',
  piechart: 'piechart',
  'grafana-piechart-panel': 'piechart',
  'state-timeline': 'state-timeline',
  'status-history': 'status-history',
  barchart: 'barchart',
  histogram: 'histogram',
  table: 'table',
  heatmap: 'heatmap',
};

type Base = Pick<PanelInput, 'id' | 'title' | 'description' | 'gridPos' | 'links' | 'repeat' | 'repeatDirection' | 'maxPerRow'>;

function commonOf(src: SourcePanel, id: number, ctx: ImportContext): Base {
  const raw = src.raw;
  const links = linksOf(raw['links'], `${src.path}.links`, ctx);
  const direction = raw['repeatDirection'];
  const maxPerRow = numberOf(raw['maxPerRow']);
  return {
    id,
    title: typeof raw['title'] === 'string' ? raw['title'] : '',
    ...(textOf(raw['description']) ? { description: raw['description'] as string } : {}),
    gridPos: { ...src.gridPos },
    ...(links.length ? { links } : {}),
    ...(textOf(raw['repeat']) ? { repeat: raw['repeat'] as string } : {}),
    ...(textOf(raw['repeat']) && (direction === 'h' || direction === 'v') ? { repeatDirection: direction } : {}),
    ...(textOf(raw['repeat']) && maxPerRow !== undefined ? { maxPerRow: Math.min(24, Math.max(1, Math.round(maxPerRow))) } : {}),
  };
}

/** A duration promkit reads (`1m`), from Grafana's `1m`, `>1m` or `now-1h` spellings. */
/** A min interval: a duration, `>duration`, or a `$variable` whose value is one (kept as written for the engine to fill in). */
function intervalOf(raw: unknown, path: string, ctx: ImportContext): string | undefined {
  const text = textOf(typeof raw === 'number' ? `${raw}s` : raw)?.trim().replace(/^>/, '');
  if (text !== undefined && isIntervalSetting(text)) return text;
  return durationOf(raw, path, ctx);
}

export function durationOf(raw: unknown, path: string, ctx: ImportContext): string | undefined {
  const text = textOf(typeof raw === 'number' ? `${raw}s` : raw)?.replace(/^>|^now-/, '');
  if (text === undefined) return undefined;
  if (parseDuration(text) !== undefined) return text;
  ctx.warn(path, `${JSON.stringify(raw)} is not a duration promkit reads (left out)`);
  return undefined;
}

function timingOf(raw: Json, path: string, ctx: ImportContext): Pick<PanelInput, 'interval' | 'maxDataPoints' | 'timeFrom' | 'timeShift'> {
  const interval = intervalOf(raw['interval'], `${path}.interval`, ctx);
  const timeFrom = durationOf(raw['timeFrom'], `${path}.timeFrom`, ctx);
  const timeShift = durationOf(raw['timeShift'], `${path}.timeShift`, ctx);
  const maxDataPoints = numberOf(raw['maxDataPoints']);
  return {
    ...(interval ? { interval } : {}),
    ...(maxDataPoints !== undefined && maxDataPoints >= 1 ? { maxDataPoints: Math.round(maxDataPoints) } : {}),
    ...(timeFrom ? { timeFrom } : {}),
    ...(timeShift ? { timeShift } : {}),
  };
}

/**
 * The panel's Prometheus queries, and the one datasource they go to; undefined when none of them
 * goes to a Prometheus. Targets of other datasources (in mixed panels) are warnings.
 */
function queriesOf(raw: Json, path: string, ctx: ImportContext): { datasource: string | undefined; targets: Target[] } | undefined {
  const panelSource = ctx.datasource(raw['datasource'], `${path}.datasource`);
  const mixed = panelSource.kind === 'other' && panelSource.description === '-- Mixed --';
  if (panelSource.kind === 'other' && !mixed) return undefined;
  let datasource = panelSource.kind === 'prometheus' ? panelSource.name : undefined;
  let chosen = !mixed;
  const targets: Target[] = [];
  const used = new Set<string>();
  arrayOf(raw['targets']).forEach((value, i) => {
    const t = objectOf(value);
    const at = `${path}.targets[${i}]`;
    const source = t['datasource'] === undefined ? panelSource : ctx.datasource(t['datasource'], `${at}.datasource`);
    if (source.kind === 'other') {
      ctx.warn(at, `queries ${source.description}, which promkit does not query (left out)`);
      return;
    }
    if (!chosen) [datasource, chosen] = [source.name, true];
    else if (source.name !== datasource) ctx.warn(`${at}.datasource`, 'a promkit panel queries one datasource: this query goes to the panel’s');
    const expr = textOf(t['expr'])?.trim();
    if (!expr) {
      ctx.warn(`${at}.expr`, 'is empty (query left out)');
      return;
    }
    const syntax = syntaxOf(expr);
    if (syntax?.atVariable) {
      ctx.warn(`${at}.expr`, `could not be checked where a variable stands (${syntax.message} with a sample value in its place): kept as written`);
    } else if (syntax && source.untyped) {
      ctx.warn(at, `is not PromQL (${syntax.message}): its untyped datasource is likely not a Prometheus (left out)`);
      return;
    } else if (syntax) ctx.warn(`${at}.expr`, `is not valid PromQL: ${syntax.message} (kept; the panel shows the error)`);
    let refId = textOf(t['refId']) ?? '';
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(refId) || used.has(refId)) refId = nextRefId(used);
    used.add(refId);
    const legendFormat = textOf(t['legendFormat']);
    const minInterval = intervalOf(t['interval'] ?? t['step'], `${at}.interval`, ctx);
    const factor = numberOf(t['intervalFactor']);
    const intervalFactor = factor !== undefined && Number.isInteger(factor) && factor >= 1 && factor <= 10 ? factor : undefined;
    if (factor !== undefined && intervalFactor === undefined) ctx.warn(`${at}.intervalFactor`, `${JSON.stringify(t['intervalFactor'])} is not a resolution promkit reads: a whole number 1–10 (left out)`);
    if (t['instant'] === true && t['range'] === true) ctx.warn(`${at}`, 'asks for both a range and an instant query; promkit runs the range query');
    targets.push({
      refId,
      expr,
      ...(legendFormat && legendFormat !== '__auto' ? { legendFormat } : {}),
      instant: t['instant'] === true && t['range'] !== true,
      ...(minInterval ? { minInterval } : {}),
      ...(intervalFactor !== undefined && intervalFactor > 1 ? { intervalFactor } : {}),
      hide: t['hide'] === true,
      ...(t['format'] === 'table' ? { format: 'table' as const } : {}),
      // Drawn on time series, as in Grafana (other panel types leave exemplars out there too).
      ...(t['exemplar'] === true ? { exemplar: true } : {}),
    });
  });
  if (!chosen && arrayOf(raw['targets']).length) return undefined;
  return { datasource, targets };
}

/**
 * The first syntax error of a query written with variables, each checked with a stand-in that
 * fits where it stands (a label, a duration, a number…). `atVariable`: the error touches a
 * variable, so the stand-in may be what fails — not a reason to drop or doubt the query.
 */
function syntaxOf(expr: string): { message: string; atVariable: boolean } | undefined {
  const standIns = promqlStandIns(expr);
  const syntax = checkPromQL(standIns.text);
  if (!syntax) return undefined;
  const from = standIns.toTemplate(syntax.from, 'start');
  const to = standIns.toTemplate(syntax.to, 'end');
  return { message: syntax.message, atVariable: /\$|\[\[/.test(expr.slice(Math.max(0, from - 1), to + 1)) };
}

function nextRefId(used: Set<string>): string {
  for (let i = 0; ; i++) {
    const id = i < 26 ? String.fromCharCode(65 + i) : `Q${i}`;
    if (!used.has(id)) return id;
  }
}

/** A panel promkit cannot draw keeps its place as a note that says what it was. */
function placeholder(base: Base, path: string, ctx: ImportContext, what: string): PanelInput {
  ctx.warn(path, `"${base.title}" shows ${what}: it is kept as a note in its place`);
  return { ...base, type: 'text', options: { mode: 'markdown', content: `This panel showed ${what}.` } };
}

function textPanelOf(raw: Json, base: Base, path: string, ctx: ImportContext): PanelInput {
  const options = objectOf(raw['options']);
  const content = typeof options['content'] === 'string' ? options['content'] : typeof raw['content'] === 'string' ? raw['content'] : '';
  const mode = textOf(options['mode']) ?? textOf(raw['mode']) ?? 'markdown';
  if (mode === 'html') ctx.warn(textOf(options['mode']) ? `${path}.options.mode` : `${path}.mode`, 'HTML is shown as Markdown (which keeps safe HTML; scripts and styles are removed)');
  return { ...base, type: 'text', options: { content, mode: mode === 'text' || mode === 'code' ? 'text' : 'markdown' } };
}

const STAT_CHOICES = { colorMode: STAT_COLOR_MODES, textMode: STAT_TEXT_MODES } as const;

/** A stat's colorMode and textMode, where Grafana wrote one promkit draws (Grafana's own fallbacks otherwise). promkit always centres the text (justifyMode). */
function statOptionsOf(raw: Json): Pick<PanelOptions, 'colorMode' | 'textMode'> {
  const out: Record<string, string> = {};
  for (const [key, choices] of Object.entries(STAT_CHOICES)) {
    const value = raw[key];
    if (typeof value === 'string' && (choices as readonly string[]).includes(value)) out[key] = value;
  }
  return out as Pick<PanelOptions, 'colorMode' | 'textMode'>;
}

/**
 * The old `grafana-piechart-panel` plugin kept its settings on the panel: `pieType`, `legendType`
 * (where the legend goes), `legend` {`show`, `values`, `percentage`} and `valueName` (the reducer).
 */
function piePluginOf(raw: Json, path: string, ctx: ImportContext): Partial<PanelInput> {
  const legend = objectOf(raw['legend']);
  const values = [...(legend['values'] === true ? ['value' as const] : []), ...(legend['percentage'] === true ? ['percent' as const] : [])];
  const options: PanelOptions = {
    ...(raw['pieType'] === 'donut' || raw['pieType'] === 'pie' ? { pieType: raw['pieType'] } : {}),
    legend: { displayMode: legend['show'] === false ? 'hidden' : 'list', placement: raw['legendType'] === 'Under graph' ? 'bottom' : 'right', calcs: [], ...(values.length ? { values } : {}) },
  };
  const valueName = textOf(raw['valueName']);
  const calc = valueName === undefined ? undefined : reducerOf(valueName, `${path}.valueName`, ctx);
  if (calc) options.reduceOptions = { calcs: [calc] };
  const unit = unitOf(raw['format'], `${path}.format`, ctx);
  return { options, ...(unit ? { fieldConfig: { defaults: { unit }, overrides: [] } } : {}) };
}

/** State timeline and status history options: merged spans (timelines only), values written in them, row height. */
function stateOptionsOf(raw: Json, type: 'state-timeline' | 'status-history'): Pick<PanelOptions, 'mergeValues' | 'showValue' | 'rowHeight'> {
  const out: Pick<PanelOptions, 'mergeValues' | 'showValue' | 'rowHeight'> = {};
  if (type === 'state-timeline' && typeof raw['mergeValues'] === 'boolean') out.mergeValues = raw['mergeValues'];
  if (raw['showValue'] === 'auto' || raw['showValue'] === 'always' || raw['showValue'] === 'never') out.showValue = raw['showValue'];
  const rowHeight = numberOf(raw['rowHeight']);
  if (rowHeight !== undefined && rowHeight >= 0.1 && rowHeight <= 1) out.rowHeight = rowHeight;
  return out;
}

/**
 * A heatmap Grafana buckets itself (`calculate`): the value bands (`yBuckets` count or size; a
 * log scale and time buckets are left out, with a warning).
 */
function heatmapCalculationOf(calculation: Json, path: string, ctx: ImportContext): Pick<PanelOptions, 'calculate' | 'calculation'> {
  const y = objectOf(calculation['yBuckets']);
  const value = numberOf(typeof y['value'] === 'string' ? Number(y['value']) : y['value']);
  const mode = y['mode'] === 'size' ? 'size' : 'count';
  if (objectOf(y['scale'])['type'] === 'log') ctx.warn(`${path}.yBuckets.scale`, 'a log scale of value bands is not drawn: the bands are linear');
  if (isObject(calculation['xBuckets']) && objectOf(calculation['xBuckets'])['value'] !== undefined) ctx.warn(`${path}.xBuckets`, 'time buckets of their own are not drawn: a band is counted at each sample time');
  return { calculate: true, ...(value !== undefined && value > 0 ? { calculation: { yBuckets: { mode, value } } } : {}) };
}

/** A current panel's legend: hidden (`showLegend` or `isVisible` false, or `displayMode` hidden), a table, or a list. */
/** A legend's sort: Grafana names the column as its header reads ("Max", "Last *", "Name"). */
function legendSortOf(legend: Json, calcs: readonly Reducer[]): Pick<NonNullable<PanelOptions['legend']>, 'sortBy' | 'sortDesc'> {
  const header = textOf(legend['sortBy']);
  const sortBy = header === 'Name' ? 'name' : calcs.find((c) => REDUCER_NAMES[c] === header);
  if (!sortBy) return {};
  return { sortBy, ...(typeof legend['sortDesc'] === 'boolean' ? { sortDesc: legend['sortDesc'] } : {}) };
}

function legendModeOf(legend: Json): 'hidden' | 'table' | 'list' {
  if (legend['showLegend'] === false || legend['isVisible'] === false || legend['displayMode'] === 'hidden') return 'hidden';
  return legend['displayMode'] === 'table' ? 'table' : 'list';
}

/** Pie chart options: pie or donut, what the slices' labels say, and the legend's values beside each name. */
function pieOptionsOf(raw: Json, legend: Json): Pick<PanelOptions, 'pieType' | 'displayLabels' | 'legend'> {
  const out: Pick<PanelOptions, 'pieType' | 'displayLabels' | 'legend'> = {};
  if (raw['pieType'] === 'pie' || raw['pieType'] === 'donut') out.pieType = raw['pieType'];
  const labels = arrayOf(raw['displayLabels']).filter((l): l is (typeof PIE_LABELS)[number] => (PIE_LABELS as readonly unknown[]).includes(l));
  if (labels.length > 0) out.displayLabels = labels;
  if (isObject(raw['legend'])) {
    const values = arrayOf(legend['values']).filter((v): v is 'value' | 'percent' => v === 'value' || v === 'percent');
    out.legend = { displayMode: legendModeOf(legend), placement: legend['placement'] === 'bottom' ? 'bottom' : 'right', calcs: [], ...(values.length ? { values } : {}) };
  }
  return out;
}

/**
 * A bar chart's options: orientation, stacking, values on the bars, bar and group widths, label
 * rotation. Bars are named by each series' legend (Grafana's `xField`, a table column, has no
 * counterpart: a warning), and coloured by series or by value as the field says.
 */
function barOptionsOf(raw: Json, path: string, ctx: ImportContext): PanelOptions {
  const out: PanelOptions = {};
  const pick = <T extends string>(key: string, choices: readonly T[]): T | undefined => (choices as readonly unknown[]).includes(raw[key]) ? (raw[key] as T) : undefined;
  const orientation = pick('orientation', ['auto', 'horizontal', 'vertical'] as const);
  if (orientation) out.orientation = orientation;
  const stacking = pick('stacking', ['none', 'normal', 'percent'] as const);
  if (stacking) out.stacking = stacking;
  const showValue = pick('showValue', ['auto', 'always', 'never'] as const);
  if (showValue) out.showValue = showValue;
  for (const [key, lo, hi] of [['groupWidth', 0.1, 1], ['barWidth', 0.1, 1], ['xTickLabelRotation', -90, 90]] as const) {
    const value = numberOf(raw[key]);
    if (value !== undefined) out[key] = Math.min(hi, Math.max(lo, value));
  }
  if (textOf(raw['xField'])) ctx.warn(`${path}.xField`, 'bars are named by each series’ legend (set the query’s legendFormat), not by a table column');
  if (raw['colorByField'] !== undefined) ctx.warn(`${path}.colorByField`, 'bars are coloured by series, or by value where the field colours by value');
  return out;
}

/** Current panel options: what promkit draws, checked; other options are warnings. */
function optionsOf(raw: Json, type: PanelInput['type'], path: string, ctx: ImportContext): PanelOptions {
  const out: PanelOptions = {};
  const legend = objectOf(raw['legend']);
  if (isObject(raw['legend']) && (type === 'timeseries' || type === 'heatmap' || type === 'state-timeline' || type === 'status-history' || type === 'barchart' || type === 'histogram')) {
    const calcs = arrayOf(legend['calcs']).map((c, i) => reducerOf(c, `${path}.legend.calcs[${i}]`, ctx)).filter((c): c is Reducer => c !== undefined);
    out.legend = { displayMode: legendModeOf(legend), placement: legend['placement'] === 'right' ? 'right' : 'bottom', calcs, ...legendSortOf(legend, calcs) };
  }
  const tooltip = objectOf(raw['tooltip']);
  if (isObject(raw['tooltip']) && (type === 'timeseries' || type === 'barchart' || type === 'histogram')) {
    const mode = tooltip['mode'] === 'multi' || tooltip['mode'] === 'none' ? tooltip['mode'] : 'single';
    const sort = tooltip['sort'] === 'asc' || tooltip['sort'] === 'desc' ? tooltip['sort'] : 'none';
    out.tooltip = { mode, sort };
  }
  const reduce = objectOf(raw['reduceOptions'] ?? raw['fieldOptions']);
  if ((type === 'stat' || type === 'gauge' || type === 'bargauge' || type === 'piechart') && (isObject(raw['reduceOptions']) || isObject(raw['fieldOptions']))) {
    const calcs = arrayOf(reduce['calcs']).map((c, i) => reducerOf(c, `${path}.reduceOptions.calcs[${i}]`, ctx)).filter((c): c is Reducer => c !== undefined);
    out.reduceOptions = { calcs: calcs.length ? calcs : ['lastNotNull'] };
    if (reduce['values'] === true) ctx.warn(`${path}.reduceOptions.values`, 'showing every value instead of one per series is not supported: one value per series is shown');
  }
  if (type === 'stat' && (raw['graphMode'] === 'area' || raw['graphMode'] === 'none')) out.graphMode = raw['graphMode'];
  if (type === 'stat') Object.assign(out, statOptionsOf(raw));
  if (type === 'bargauge' && (raw['orientation'] === 'horizontal' || raw['orientation'] === 'vertical' || raw['orientation'] === 'auto')) out.orientation = raw['orientation'];
  if (type === 'bargauge' && (raw['displayMode'] === 'basic' || raw['displayMode'] === 'gradient' || raw['displayMode'] === 'lcd')) out.displayMode = raw['displayMode'];
  if (type === 'piechart') Object.assign(out, pieOptionsOf(raw, legend));
  if (type === 'state-timeline' || type === 'status-history') Object.assign(out, stateOptionsOf(raw, type));
  if (type === 'barchart') Object.assign(out, barOptionsOf(raw, path, ctx));
  if (type === 'histogram') {
    const count = numberOf(raw['bucketCount']);
    if (count !== undefined && count >= 1) out.bucketCount = Math.min(1000, Math.round(count));
    const size = numberOf(raw['bucketSize']);
    if (size !== undefined && size > 0) out.bucketSize = size;
    const offset = numberOf(raw['bucketOffset']);
    if (offset !== undefined) out.bucketOffset = offset;
    if (typeof raw['combine'] === 'boolean') out.combine = raw['combine'];
  }
  if (type === 'table' && Array.isArray(raw['sortBy'])) {
    out.sortBy = raw['sortBy'].filter(isObject).flatMap((s) => (textOf(s['displayName']) ? [{ displayName: s['displayName'] as string, desc: s['desc'] === true }] : []));
  }
  if (type === 'heatmap' && raw['calculate'] === true) Object.assign(out, heatmapCalculationOf(objectOf(raw['calculation']), `${path}.calculation`, ctx));
  if (type === 'table' && isObject(raw['footer'])) {
    const footer = raw['footer'];
    const reducer = arrayOf(footer['reducer']).map((r, i) => reducerOf(r, `${path}.footer.reducer[${i}]`, ctx)).filter((r): r is Reducer => r !== undefined);
    const fields = arrayOf(footer['fields']).filter((f): f is string => typeof f === 'string' && f !== '');
    out.footer = { show: footer['show'] === true, reducer: reducer.length ? reducer : ['sum'], ...(fields.length ? { fields } : {}) };
    if (footer['countRows'] === true) ctx.warn(`${path}.footer.countRows`, 'the footer reduces each column; counting rows is not shown');
  }
  for (const key of Object.keys(raw)) {
    if (!QUIET_OPTIONS.has(key)) ctx.warn(`${path}.${key}`, 'is not an option promkit uses (left out)');
  }
  return out;
}

/** Legacy `graph` → timeseries: axes, draw styles, legend and tooltip switches, series colours. */
function graphOf(raw: Json, path: string, ctx: ImportContext): Partial<PanelInput> {
  const [left, right] = arrayOf(raw['yaxes']).map(objectOf);
  const defaults: Defaults = {};
  const custom: NonNullable<Defaults['custom']> = {};
  const unit = unitOf(left?.['format'] ?? raw['format'], `${path}.yaxes[0].format`, ctx);
  if (unit) defaults.unit = unit;
  const min = numberOf(left?.['min']);
  const max = numberOf(left?.['max']);
  if (min !== undefined) defaults.min = min;
  if (max !== undefined) defaults.max = max;
  const decimals = numberOf(left?.['decimals'] ?? raw['decimals']);
  if (decimals !== undefined) defaults.decimals = Math.min(20, Math.max(0, Math.round(decimals)));
  if (textOf(left?.['label'])) custom.axisLabel = left!['label'] as string;
  const logBase = numberOf(left?.['logBase']);
  if (logBase !== undefined && logBase > 1) custom.axisScale = { type: 'log', log: logBase === 2 ? 2 : 10 };
  if (raw['bars'] === true && raw['lines'] !== true) custom.drawStyle = 'bars';
  else if (raw['points'] === true && raw['lines'] === false) custom.drawStyle = 'points';
  const fill = numberOf(raw['fill']);
  if (fill !== undefined) custom.fillOpacity = Math.min(100, Math.max(0, Math.round(fill * 10)));
  // Grafana's own migration turns any fill gradient into an opacity gradient.
  if ((numberOf(raw['fillGradient']) ?? 0) > 0) custom.gradientMode = 'opacity';
  const lineWidth = numberOf(raw['linewidth']);
  if (lineWidth !== undefined) custom.lineWidth = Math.min(10, Math.max(0, Math.round(lineWidth)));
  if (raw['stack'] === true) custom.stacking = { mode: raw['percentage'] === true ? 'percent' : 'normal' };
  if (raw['nullPointMode'] === 'connected') custom.spanNulls = true;
  if (raw['nullPointMode'] === 'null as zero') defaults.nullValueMode = 'null as zero';
  const movedRight = arrayOf(raw['seriesOverrides']).some((o) => objectOf(o)['yaxis'] === 2);
  if (movedRight && textOf(right?.['format']) && right!['format'] !== left?.['format']) {
    ctx.warn(`${path}.yaxes[1].format`, `series moved to the right axis are shown in the left axis unit, not "${String(right!['format'])}"`);
  }
  const thresholds = graphThresholdsOf(raw['thresholds'], `${path}.thresholds`, ctx);
  if (thresholds) {
    defaults.thresholds = thresholds;
    custom.thresholdsStyle = { mode: arrayOf(raw['thresholds']).some((t) => objectOf(t)['fill'] === true) ? 'line+area' : 'line' };
  }
  if (Object.keys(custom).length) defaults.custom = custom;

  const overrides: Overrides = [];
  for (const [name, value] of Object.entries(objectOf(raw['aliasColors']))) {
    const color = colorOf(value, `${path}.aliasColors[${JSON.stringify(name)}]`, ctx);
    if (color) overrides.push({ matcher: { id: 'byName', options: name }, properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: color } }] });
  }
  arrayOf(raw['seriesOverrides']).forEach((o, i) => overrides.push(...seriesOverrideOf(objectOf(o), `${path}.seriesOverrides[${i}]`, ctx)));

  const legend = objectOf(raw['legend']);
  const calcs = (['current', 'min', 'max', 'avg', 'total'] as const).filter((k) => legend['values'] === true && legend[k] === true).map((k) => reducerOf(k, `${path}.legend.${k}`, ctx)!);
  const tooltip = objectOf(raw['tooltip']);
  return {
    fieldConfig: { defaults, overrides },
    options: {
      legend: {
        displayMode: legend['show'] === false ? 'hidden' : legend['alignAsTable'] === true ? 'table' : 'list',
        placement: legend['rightSide'] === true ? 'right' : 'bottom',
        calcs,
      },
      tooltip: { mode: tooltip['shared'] === false ? 'single' : 'multi', sort: tooltip['sort'] === 1 ? 'asc' : tooltip['sort'] === 2 ? 'desc' : 'none' },
    },
  };
}

/** Graph thresholds `[{ value, colorMode, op }]` as threshold steps (only `gt` ones make steps). */
function graphThresholdsOf(raw: unknown, path: string, ctx: ImportContext) {
  const list = arrayOf(raw).map((t, i) => ({ t: objectOf(t), at: `${path}[${i}]` })).filter(({ t }) => numberOf(t['value']) !== undefined);
  if (!list.length) return undefined;
  const stepColor = (t: Json, at: string) =>
    colorOf(t['lineColor'], `${at}.lineColor`, ctx) ?? colorOf(t['fillColor'], `${at}.fillColor`, ctx) ?? (t['colorMode'] === 'ok' ? 'green' : t['colorMode'] === 'warning' ? 'orange' : 'red');
  if (list.some(({ t }) => t['op'] === 'lt')) ctx.warn(path, '"lt" thresholds (colour below a value) are drawn as lines at their value');
  const steps = list.map(({ t, at }) => ({ value: numberOf(t['value'])!, color: stepColor(t, at) })).sort((a, b) => a.value - b.value);
  return { mode: 'absolute' as const, steps: [{ value: null, color: 'transparent' }, ...steps] };
}

/** A graph series override: colour, right axis, lines/bars/fill by alias (a name or /regex/). */
function seriesOverrideOf(o: Json, path: string, ctx: ImportContext): Overrides {
  const alias = textOf(o['alias']);
  if (!alias) return [];
  const regex = isSlashedRegex(alias) ? alias : undefined;
  const properties: { id: string; value: unknown }[] = [];
  const color = colorOf(o['color'], `${path}.color`, ctx);
  if (color) properties.push({ id: 'color', value: { mode: 'fixed', fixedColor: color } });
  if (o['yaxis'] === 2) properties.push({ id: 'custom.axisPlacement', value: 'right' });
  if (numberOf(o['fill']) !== undefined) properties.push({ id: 'custom.fillOpacity', value: Math.min(100, Math.round(numberOf(o['fill'])! * 10)) });
  if (numberOf(o['fillGradient']) !== undefined) properties.push({ id: 'custom.gradientMode', value: numberOf(o['fillGradient'])! > 0 ? 'opacity' : 'none' });
  if (numberOf(o['linewidth']) !== undefined) properties.push({ id: 'custom.lineWidth', value: Math.min(10, Math.round(numberOf(o['linewidth'])!)) });
  if (o['bars'] === true) properties.push({ id: 'custom.drawStyle', value: 'bars' });
  if (typeof o['stack'] === 'boolean') properties.push({ id: 'custom.stacking', value: { mode: o['stack'] ? 'normal' : 'none' } });
  const used = new Set(['alias', 'color', 'yaxis', 'fill', 'fillGradient', 'linewidth', 'bars', 'lines', 'stack', '$$hashKey']);
  for (const key of Object.keys(o)) if (!used.has(key)) ctx.warn(`${path}.${key}`, 'is not a series override promkit applies (left out)');
  return properties.length ? [{ matcher: regex !== undefined ? { id: 'byRegexp', options: regex } : { id: 'byName', options: alias }, properties }] : [];
}

/**
 * Grafana 7's heatmap kept its axes on the panel: the bucket axis' `yAxis.format` and `decimals`
 * are the unit and decimals of the bands' labels; a log axis is named (bands are drawn evenly).
 */
function legacyHeatmapOf(raw: Json, path: string, ctx: ImportContext): Partial<PanelInput> {
  const y = objectOf(raw['yAxis']);
  const defaults: Defaults = {};
  const unit = unitOf(y['format'], `${path}.yAxis.format`, ctx);
  if (unit) defaults.unit = unit;
  const decimals = numberOf(y['decimals']);
  if (decimals !== undefined) defaults.decimals = Math.min(20, Math.max(0, Math.round(decimals)));
  const logBase = numberOf(y['logBase']);
  if (logBase !== undefined && logBase > 1) ctx.warn(`${path}.yAxis.logBase`, 'the buckets are drawn evenly, as their labels say, not on a log axis');
  return { fieldConfig: { defaults, overrides: [] } };
}

/** Legacy `singlestat` → stat, or gauge when its gauge was shown. */
function singlestatOf(raw: Json, path: string, ctx: ImportContext): Partial<PanelInput> {
  const defaults: Defaults = {};
  const unit = unitOf(raw['format'], `${path}.format`, ctx);
  if (unit) defaults.unit = unit;
  const decimals = numberOf(raw['decimals']);
  if (decimals !== undefined) defaults.decimals = Math.min(20, Math.max(0, Math.round(decimals)));
  if (textOf(raw['nullText'])) defaults.noValue = raw['nullText'] as string;
  const thresholds = thresholdsOf(raw['thresholds'], `${path}.thresholds`, ctx, raw['colors']);
  const colored = raw['colorValue'] === true || raw['colorBackground'] === true;
  if (thresholds) defaults.thresholds = thresholds;
  if (thresholds && colored) defaults.color = { mode: 'thresholds' };
  const mappings = mappingsOf(raw['mappingType'] === 2 ? arrayOf(raw['rangeMaps']).map((m) => ({ ...objectOf(m), type: 2 })) : arrayOf(raw['valueMaps']).map((m) => ({ ...objectOf(m), type: 1 })), `${path}.${raw['mappingType'] === 2 ? 'rangeMaps' : 'valueMaps'}`, ctx);
  if (mappings.length) defaults.mappings = mappings;
  const gauge = objectOf(raw['gauge']);
  const isGauge = gauge['show'] === true;
  if (isGauge) {
    const min = numberOf(gauge['minValue']);
    const max = numberOf(gauge['maxValue']);
    if (min !== undefined) defaults.min = min;
    if (max !== undefined) defaults.max = max;
  }
  for (const key of ['prefix', 'postfix'] as const) {
    if (textOf(raw[key])) ctx.warn(`${path}.${key}`, `${key} text ${JSON.stringify(raw[key])} is not shown (use a unit instead)`);
  }
  const valueName = textOf(raw['valueName']) ?? 'avg';
  const calc = valueName === 'name' ? undefined : reducerOf(valueName, `${path}.valueName`, ctx);
  if (valueName === 'name') ctx.warn(`${path}.valueName`, 'showing the series name instead of a value is not supported: the last value is shown');
  return {
    type: isGauge ? 'gauge' : 'stat',
    fieldConfig: { defaults, overrides: [] },
    options: { reduceOptions: { calcs: [calc ?? 'lastNotNull'] }, ...(isGauge ? {} : { graphMode: objectOf(raw['sparkline'])['show'] === true ? 'area' : 'none' }) },
  };
}

/** Legacy `table-old`: column styles become the default unit and per-column overrides. */
function tableOldOf(raw: Json, path: string, ctx: ImportContext): Partial<PanelInput> {
  const defaults: Defaults = {};
  const overrides: Overrides = [];
  arrayOf(raw['styles']).forEach((value, i) => {
    const style = objectOf(value);
    const at = `${path}.styles[${i}]`;
    const pattern = textOf(style['pattern']);
    if (!pattern || style['type'] === 'date' || style['type'] === 'hidden' || style['type'] === 'string') {
      if (style['type'] === 'hidden') ctx.warn(at, `hiding column "${pattern}" is not supported: it is shown`);
      return;
    }
    const settings: Defaults = {};
    const unit = unitOf(style['unit'], `${at}.unit`, ctx);
    if (unit) settings.unit = unit;
    const decimals = numberOf(style['decimals']);
    if (decimals !== undefined) settings.decimals = Math.min(20, Math.max(0, Math.round(decimals)));
    const thresholds = thresholdsOf(arrayOf(style['thresholds']).join(',') || undefined, `${at}.thresholds`, ctx, style['colors']);
    if (thresholds) settings.thresholds = thresholds;
    if (textOf(style['alias'])) settings.displayName = style['alias'] as string;
    const regex = isSlashedRegex(pattern) ? pattern : undefined;
    if (regex !== undefined && /^\/\.\*\/[a-z]*$/.test(regex)) Object.assign(defaults, settings);
    else if (Object.keys(settings).length) {
      overrides.push({ matcher: regex !== undefined ? { id: 'byRegexp', options: regex } : { id: 'byName', options: pattern }, properties: Object.entries(settings).map(([id, v]) => ({ id, value: v })) });
    }
  });
  const sort = objectOf(raw['sort']);
  if (numberOf(sort['col']) !== undefined) ctx.warn(`${path}.sort`, 'sorting by column number is not carried over (set options.sortBy by column name)');
  if (textOf(raw['transform']) && raw['transform'] !== 'timeseries_to_rows' && raw['transform'] !== 'table') {
    ctx.warn(`${path}.transform`, `the "${raw['transform']}" transform is not applied: each series is a row, with a value column per query`);
  }
  return { fieldConfig: { defaults, overrides }, options: {} };
}
