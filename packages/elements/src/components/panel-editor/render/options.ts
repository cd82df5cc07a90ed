/** Each panel type's own options: legend and tooltip, reduce calculation, graph mode, orientation, lines, text. */
import { html, nothing, type TemplateResult } from 'lit';
import { ALERT_SORTS, PIE_LABELS, REDUCERS, type Panel, type PanelOptions, type Reducer } from '@promkit/core';
import { setField, setOption } from '@promkit/core/edit';
import type { EditorContext } from './context.js';
import { checkbox, field, numberInput, section, select, textInput } from './controls.js';

type Legend = NonNullable<PanelOptions['legend']>;
type Tooltip = NonNullable<PanelOptions['tooltip']>;

const REDUCER_LABELS: Partial<Record<Reducer, string>> = { lastNotNull: 'Last *', firstNotNull: 'First *', p95: '95th percentile', p99: '99th percentile' };
const reducerLabel = (r: Reducer) => REDUCER_LABELS[r] ?? r[0]!.toUpperCase() + r.slice(1);
const reducerChoices = REDUCERS.map((r) => [r, reducerLabel(r)] as const);
const PIE_LABEL_NAMES = { name: 'Name', value: 'Value', percent: 'Percent' } as const;
const ALERT_SORT_NAMES = { 'alpha-asc': 'Name (A–Z)', 'alpha-desc': 'Name (Z–A)', importance: 'Importance (firing first)', 'time-asc': 'Active longest first', 'time-desc': 'Active most recently first' } as const;

export function renderOptions(ctx: EditorContext): TemplateResult {
  const p = ctx.panel;
  switch (p.type) {
    case 'timeseries':
      return html`${legendSection(ctx)}${lineSection(ctx)}`;
    case 'stat':
      return section('options', 'Stat', [calc(ctx), field(ctx, 'graph-mode', 'Graph', select(ctx, 'graph-mode', p.options.graphMode ?? 'area', [['area', 'Sparkline'], ['none', 'None']] as const, (g) => opt(ctx, 'graph-mode', 'graphMode', g)))]);
    case 'gauge':
      return section('options', 'Gauge', [calc(ctx)]);
    case 'bargauge':
      return section('options', 'Bar gauge', [
        calc(ctx),
        field(ctx, 'orientation', 'Orientation', select(ctx, 'orientation', p.options.orientation ?? 'auto', [['auto', 'Auto'], ['horizontal', 'Horizontal'], ['vertical', 'Vertical']] as const, (o) => opt(ctx, 'orientation', 'orientation', o))),
      ]);
    case 'piechart':
      return section('options', 'Pie chart', [
        calc(ctx),
        field(ctx, 'pie-type', 'Type', select(ctx, 'pie-type', p.options.pieType ?? 'pie', [['pie', 'Pie'], ['donut', 'Donut']] as const, (t) => opt(ctx, 'pie-type', 'pieType', t))),
        html`<fieldset class="calcs"><legend>Slice labels</legend>${PIE_LABELS.map((label) =>
          checkbox(`pie-label-${label}`, PIE_LABEL_NAMES[label], (p.options.displayLabels ?? []).includes(label), (on) => {
            const labels = PIE_LABELS.filter((l) => (l === label ? on : (p.options.displayLabels ?? []).includes(l)));
            opt(ctx, `pie-label-${label}`, 'displayLabels', labels.length > 0 ? labels : undefined);
          }),
        )}</fieldset>`,
        field(ctx, 'legend-mode', 'Legend', select(ctx, 'legend-mode', legendOf(p).displayMode, [['list', 'List'], ['table', 'Table'], ['hidden', 'Hidden']] as const, (displayMode) => opt(ctx, 'legend-mode', 'legend', { ...legendOf(p), displayMode }))),
        html`<fieldset class="calcs"><legend>Legend values</legend>${(['value', 'percent'] as const).map((v) =>
          checkbox(`legend-value-${v}`, PIE_LABEL_NAMES[v], (legendOf(p).values ?? []).includes(v), (on) => {
            const values = (['value', 'percent'] as const).filter((x) => (x === v ? on : (legendOf(p).values ?? []).includes(x)));
            const { values: _old, ...rest } = legendOf(p);
            opt(ctx, `legend-value-${v}`, 'legend', values.length > 0 ? { ...rest, values } : rest);
          }),
        )}</fieldset>`,
      ]);
    case 'heatmap':
      return section('options', 'Heatmap', [
        checkbox('calculate', 'Bucket raw series by value (not histogram buckets)', p.options.calculate === true, (on) => opt(ctx, 'calculate', 'calculate', on ? true : undefined)),
        ...(p.options.calculate
          ? [field(ctx, 'value-bands', 'Value bands', numberInput(ctx, 'value-bands', p.options.calculation?.yBuckets?.mode === 'count' ? p.options.calculation.yBuckets.value : undefined, (n) => opt(ctx, 'value-bands', 'calculation', n ? { yBuckets: { mode: 'count', value: Math.max(1, Math.round(n)) } } : undefined), { min: 1, max: 200, step: 1, placeholder: '10' }))]
          : []),
      ]);
    case 'state-timeline':
    case 'status-history':
      return section('options', p.type === 'state-timeline' ? 'State timeline' : 'Status history', [
        ...(p.type === 'state-timeline' ? [checkbox('merge-values', 'Merge equal consecutive values', p.options.mergeValues !== false, (on) => opt(ctx, 'merge-values', 'mergeValues', on ? undefined : false))] : []),
        field(ctx, 'show-value', 'Show values', select(ctx, 'show-value', p.options.showValue ?? 'auto', [['auto', 'When they fit'], ['always', 'Always'], ['never', 'Never']] as const, (v) => opt(ctx, 'show-value', 'showValue', v))),
        field(ctx, 'row-height', 'Row height', numberInput(ctx, 'row-height', p.options.rowHeight, (n) => opt(ctx, 'row-height', 'rowHeight', n), { min: 0.1, max: 1, step: 0.05, placeholder: '0.9' }), 'How much of each row its states fill, 0.1–1.'),
      ]);
    case 'barchart':
      return section('options', 'Bar chart', [
        html`<div class="grid-2">
          ${field(ctx, 'orientation', 'Orientation', select(ctx, 'orientation', p.options.orientation === 'horizontal' ? 'horizontal' : 'vertical', [['vertical', 'Vertical'], ['horizontal', 'Horizontal']] as const, (o) => opt(ctx, 'orientation', 'orientation', o)))}
          ${field(ctx, 'stacking', 'Stacking', select(ctx, 'stacking', p.options.stacking ?? 'none', [['none', 'Off'], ['normal', 'Normal'], ['percent', '100%']] as const, (s) => opt(ctx, 'stacking', 'stacking', s === 'none' ? undefined : s)))}
          ${field(ctx, 'show-value', 'Show values', select(ctx, 'show-value', p.options.showValue ?? 'auto', [['auto', 'When they fit'], ['always', 'Always'], ['never', 'Never']] as const, (v) => opt(ctx, 'show-value', 'showValue', v)))}
          ${field(ctx, 'group-width', 'Group width', numberInput(ctx, 'group-width', p.options.groupWidth, (n) => opt(ctx, 'group-width', 'groupWidth', n), { min: 0.1, max: 1, step: 0.05, placeholder: '0.7' }))}
          ${field(ctx, 'bar-width', 'Bar width', numberInput(ctx, 'bar-width', p.options.barWidth, (n) => opt(ctx, 'bar-width', 'barWidth', n), { min: 0.1, max: 1, step: 0.05, placeholder: '0.97' }))}
          ${field(ctx, 'label-rotation', 'Label angle (°)', numberInput(ctx, 'label-rotation', p.options.xTickLabelRotation, (n) => opt(ctx, 'label-rotation', 'xTickLabelRotation', n), { min: -90, max: 90, step: 15, placeholder: '0' }))}
        </div>`,
        calc(ctx),
        field(ctx, 'legend-mode', 'Legend', select(ctx, 'legend-mode', legendOf(p).displayMode, [['list', 'List'], ['table', 'Table'], ['hidden', 'Hidden']] as const, (displayMode) => opt(ctx, 'legend-mode', 'legend', { ...legendOf(p), displayMode }))),
      ]);
    case 'histogram':
      return section('options', 'Histogram', [
        html`<div class="grid-2">
          ${field(ctx, 'bucket-count', 'Bands', numberInput(ctx, 'bucket-count', p.options.bucketCount, (n) => opt(ctx, 'bucket-count', 'bucketCount', n === undefined ? undefined : Math.max(1, Math.round(n))), { min: 1, max: 1000, step: 1, placeholder: '30' }), 'About how many, when no band size is set.')}
          ${field(ctx, 'bucket-size', 'Band size', numberInput(ctx, 'bucket-size', p.options.bucketSize, (n) => opt(ctx, 'bucket-size', 'bucketSize', n !== undefined && n > 0 ? n : undefined), { min: 0, placeholder: 'auto' }))}
          ${field(ctx, 'bucket-offset', 'Bands start at', numberInput(ctx, 'bucket-offset', p.options.bucketOffset, (n) => opt(ctx, 'bucket-offset', 'bucketOffset', n), { placeholder: '0' }))}
        </div>`,
        checkbox('combine', 'One count for all series', p.options.combine === true, (on) => opt(ctx, 'combine', 'combine', on ? true : undefined)),
      ]);
    case 'alertlist':
      return alertListSection(ctx);
    case 'text':
      return section('options', 'Text', [
        field(ctx, 'text-mode', 'Mode', select(ctx, 'text-mode', p.options.mode ?? 'markdown', [['markdown', 'Markdown'], ['text', 'Plain text']] as const, (m) => opt(ctx, 'text-mode', 'mode', m))),
        field(
          ctx,
          'content',
          'Content',
          html`<textarea id="content" class="code" rows="8" .value=${p.options.content ?? ''} @input=${(e: Event) => opt(ctx, 'content', 'content', (e.target as HTMLTextAreaElement).value)}></textarea>`,
        ),
      ]);
    default:
      return html`${nothing}`;
  }
}

/** What an alert list shows and how: view, filters (name, labels, states), order, length, instances. */
function alertListSection(ctx: EditorContext): TemplateResult {
  const o = ctx.panel.options;
  const states = (['firing', 'pending'] as const).map((s) =>
    checkbox(`alert-state-${s}`, s === 'firing' ? 'Firing' : 'Pending', o.stateFilter?.[s] !== false, (on) =>
      ctx.edit(`alert-state-${s}`, (p) => {
        const { [s]: _old, ...rest } = p.options.stateFilter ?? {};
        const next = on ? rest : { ...rest, [s]: false };
        return setOption(p, 'stateFilter', Object.keys(next).length ? next : undefined);
      }),
    ),
  );
  return section('options', 'Alert list', [
    html`<div class="grid-2">
      ${field(ctx, 'view-mode', 'View', select(ctx, 'view-mode', o.viewMode ?? 'list', [['list', 'List'], ['stat', 'Count']] as const, (v) => opt(ctx, 'view-mode', 'viewMode', v)))}
      ${field(ctx, 'sort-order', 'Order', select(ctx, 'sort-order', o.sortOrder ?? 'alpha-asc', ALERT_SORTS.map((s) => [s, ALERT_SORT_NAMES[s]] as const), (v) => opt(ctx, 'sort-order', 'sortOrder', v)))}
      ${field(ctx, 'alert-name', 'Alert name', textInput(ctx, 'alert-name', o.alertName, (v) => opt(ctx, 'alert-name', 'alertName', v.trim() || undefined), { placeholder: 'contains…' }))}
      ${field(ctx, 'max-items', 'Max items', numberInput(ctx, 'max-items', o.maxItems, (n) => opt(ctx, 'max-items', 'maxItems', n === undefined ? undefined : Math.max(1, Math.round(n))), { min: 1, step: 1, placeholder: '10' }))}
    </div>`,
    field(
      ctx,
      'label-filter',
      'Instance labels',
      textInput(ctx, 'label-filter', o.alertInstanceLabelFilter, (v) => opt(ctx, 'label-filter', 'alertInstanceLabelFilter', v.trim() || undefined), { placeholder: '{severity="critical"}' }),
      'PromQL label matchers in braces: =, !=, =~ and !~.',
    ),
    html`<fieldset class="calcs"><legend>States</legend>${states}</fieldset>`,
    checkbox('show-instances', 'Show each instance by its labels', o.showInstances === true, (on) => opt(ctx, 'show-instances', 'showInstances', on ? true : undefined)),
  ]);
}

function opt<K extends keyof PanelOptions>(ctx: EditorContext, key: string, name: K, value: PanelOptions[K]): void {
  ctx.edit(key, (p: Panel) => setOption(p, name, value));
}

/** The reduce calculation of stat, gauge and bar gauge panels (the first of `reduceOptions.calcs`). */
function calc(ctx: EditorContext): TemplateResult {
  const current = ctx.panel.options.reduceOptions?.calcs[0] ?? 'lastNotNull';
  return field(ctx, 'calc', 'Calculation', select(ctx, 'calc', current, reducerChoices, (r) => opt(ctx, 'calc', 'reduceOptions', { calcs: [r] })), '* ignoring missing samples');
}

const legendOf = (p: Panel): Legend => p.options.legend ?? { displayMode: 'list', placement: 'bottom', calcs: [] };
const tooltipOf = (p: Panel): Tooltip => p.options.tooltip ?? { mode: 'single', sort: 'none' };

function legendSection(ctx: EditorContext): TemplateResult {
  const legend = legendOf(ctx.panel);
  const tooltip = tooltipOf(ctx.panel);
  // Changes are made to the panel as it is when they apply (two edits in one task both count).
  const setLegend = (key: string, change: (l: Legend) => Partial<Legend>) => ctx.edit(key, (p) => setOption(p, 'legend', { ...legendOf(p), ...change(legendOf(p)) }));
  const setTooltip = (key: string, change: Partial<Tooltip>) => ctx.edit(key, (p) => setOption(p, 'tooltip', { ...tooltipOf(p), ...change }));
  return section('legend', 'Legend and tooltip', [
    html`<div class="grid-2">
      ${field(ctx, 'legend-mode', 'Legend', select(ctx, 'legend-mode', legend.displayMode, [['list', 'List'], ['table', 'Table'], ['hidden', 'Hidden']] as const, (displayMode) => setLegend('legend-mode', () => ({ displayMode }))))}
      ${field(ctx, 'legend-placement', 'Placement', select(ctx, 'legend-placement', legend.placement, [['bottom', 'Bottom'], ['right', 'Right']] as const, (placement) => setLegend('legend-placement', () => ({ placement }))))}
    </div>`,
    html`<fieldset class="calcs"><legend>Legend values</legend>
      ${REDUCERS.map((r) =>
        checkbox(`legend-calc-${r}`, reducerLabel(r), legend.calcs.includes(r), (on) =>
          setLegend('legend-calcs', (l) => ({ calcs: on ? REDUCERS.filter((x) => x === r || l.calcs.includes(x)) : l.calcs.filter((x) => x !== r) })),
        ),
      )}
    </fieldset>`,
    html`<div class="grid-2">
      ${field(ctx, 'tooltip-mode', 'Tooltip', select(ctx, 'tooltip-mode', tooltip.mode, [['single', 'Single series'], ['multi', 'All series'], ['none', 'Hidden']] as const, (mode) => setTooltip('tooltip-mode', { mode })))}
      ${field(ctx, 'tooltip-sort', 'Tooltip order', select(ctx, 'tooltip-sort', tooltip.sort, [['none', 'As queried'], ['asc', 'Ascending'], ['desc', 'Descending']] as const, (sort) => setTooltip('tooltip-sort', { sort })))}
    </div>`,
  ]);
}

/** Line style, stacking and axis: the time series' `fieldConfig.defaults.custom`. */
function lineSection(ctx: EditorContext): TemplateResult {
  const c = ctx.panel.fieldConfig.defaults.custom ?? {};
  const set = (key: string, path: string, value: unknown) => ctx.edit(key, (p: Panel) => setField(p, `custom.${path}`, value));
  return section('graph', 'Graph styles', [
    html`<div class="grid-2">
      ${field(ctx, 'draw-style', 'Style', select(ctx, 'draw-style', c.drawStyle ?? 'line', [['line', 'Lines'], ['bars', 'Bars'], ['points', 'Points']] as const, (v) => set('draw-style', 'drawStyle', v)))}
      ${field(ctx, 'show-points', 'Show points', select(ctx, 'show-points', c.showPoints ?? 'auto', [['auto', 'Auto'], ['always', 'Always'], ['never', 'Never']] as const, (v) => set('show-points', 'showPoints', v)))}
      ${field(ctx, 'line-width', 'Line width', numberInput(ctx, 'line-width', c.lineWidth, (n) => set('line-width', 'lineWidth', n), { min: 0, max: 10, step: 1, placeholder: '1' }))}
      ${field(ctx, 'fill-opacity', 'Fill opacity (%)', numberInput(ctx, 'fill-opacity', c.fillOpacity, (n) => set('fill-opacity', 'fillOpacity', n), { min: 0, max: 100, step: 1, placeholder: '0' }))}
      ${field(ctx, 'gradient-mode', 'Fill gradient', select(ctx, 'gradient-mode', c.gradientMode === 'none' || !c.gradientMode ? 'none' : 'opacity', [['none', 'None'], ['opacity', 'Fades down']] as const, (v) => set('gradient-mode', 'gradientMode', v === 'none' ? undefined : v)))}
      ${field(ctx, 'stacking', 'Stacking', select(ctx, 'stacking', c.stacking?.mode ?? 'none', [['none', 'Off'], ['normal', 'Normal'], ['percent', '100%']] as const, (mode) => set('stacking', 'stacking', mode === 'none' ? undefined : { mode })))}
      ${field(
        ctx,
        'axis-scale',
        'Y axis scale',
        select(ctx, 'axis-scale', c.axisScale?.type === 'log' ? `log${c.axisScale.log ?? 10}` : 'linear', [['linear', 'Linear'], ['log10', 'Log (base 10)'], ['log2', 'Log (base 2)']] as const, (v) =>
          set('axis-scale', 'axisScale', v === 'linear' ? undefined : { type: 'log', log: v === 'log2' ? 2 : 10 }),
        ),
      )}
      ${field(ctx, 'axis-placement', 'Y axis', select(ctx, 'axis-placement', c.axisPlacement ?? 'auto', [['auto', 'Auto'], ['left', 'Left'], ['right', 'Right'], ['hidden', 'Hidden']] as const, (v) => set('axis-placement', 'axisPlacement', v)))}
      ${field(
        ctx,
        'thresholds-style',
        'Show thresholds',
        select(ctx, 'thresholds-style', c.thresholdsStyle?.mode ?? 'off', [['off', 'Off'], ['line', 'As lines'], ['area', 'As areas'], ['line+area', 'Lines and areas']] as const, (mode) =>
          set('thresholds-style', 'thresholdsStyle', mode === 'off' ? undefined : { mode }),
        ),
      )}
    </div>`,
    field(ctx, 'axis-label', 'Y axis label', textInput(ctx, 'axis-label', c.axisLabel, (v) => set('axis-label', 'axisLabel', v || undefined))),
  ]);
}
