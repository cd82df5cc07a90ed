/** A panel's body: the state's message, else the renderer for the panel's kind. */
import { html, nothing, type TemplateResult } from 'lit';
import type { AlertRuleRow, DataFrame, Panel, PromkitError, TimeRange, VariableValues } from '@promkit/core';
import type { LoadState } from '../../../controllers/panel-query-controller.js';
import type { TimeseriesSeries } from '../../../charts/timeseries.js';
import type { HeatmapData } from '../../../charts/heatmap.js';
import type { TableSort } from '../../../charts/table.js';
import type { ChartTheme } from '../../../theme/theme.js';
import { renderCodeFailure, renderFailure, renderInvalidSettings, renderNoData, renderSkeleton } from './messages.js';
import { renderChart } from './chart.js';
import { renderLegend } from './legend.js';
import { renderHeatScale } from './heat-scale.js';
import { renderStats } from './stat.js';
import { renderBars } from './bargauge.js';
import { renderTable } from './table.js';
import { panelSlices, renderPieLegend } from './pie.js';
import { renderStates } from './state.js';
import { NO_DATA_AS_VALUE, valuesShown } from './reduced.js';
import { valueText } from '../../../charts/reduce.js';
import { renderAlertList } from './alerts.js';
import { renderBarLegend } from './barchart.js';
import { dataLinkOf } from './data-link.js';

export interface PanelBody {
  /** The effective spec; undefined when the settings are invalid. */
  spec: Panel | undefined;
  state: LoadState;
  /** The failed query's error, else the settings' problem. */
  error: PromkitError | undefined;
  /** Inside a dashboard, whose notice tells of a lost connection (the panel says it briefly). */
  inDashboard: boolean;
  series: TimeseriesSeries[];
  /** What the panel's transformations left; undefined when it has none. */
  frames: DataFrame[] | undefined;
  timeZone: string;
  /** Variables for display names the panel derives itself (table columns). */
  variables: VariableValues;
  /** Where links to Grafana dashboards go (`{uid}`), if anywhere. */
  dashboardUrl: string | undefined;
  heatmap: HeatmapData | undefined;
  /** An alert list's rules, filtered and sorted. */
  alertRows: readonly AlertRuleRow[];
  /** The range the data spans and its step (state timelines and status histories draw on it). */
  range: TimeRange | undefined;
  stepMs: number;
  theme: () => ChartTheme;
  /** The table's sort chosen by a click. */
  sort: TableSort | undefined;
  /** A text panel's markdown as sanitised DOM; undefined while its code loads. */
  markdown: (source: string) => HTMLElement | undefined;
  /** Code the panel draws with (ECharts, markdown) that failed to load; Retry loads it again. */
  codeError: Error | undefined;
  onCodeRetry: () => void;
  onRetry: () => void;
  onToggle: (series: TimeseriesSeries) => void;
  onSort: (sort: TableSort) => void;
  /** A time series' annotation marks, over the chart. */
  marks: TemplateResult | typeof nothing;
}

export function renderBody(b: PanelBody): TemplateResult {
  const spec = b.spec;
  if (b.state === 'invalid' || !spec) return renderInvalidSettings(b.error);
  if (b.state === 'error') return renderFailure(b.error, b.inDashboard, b.onRetry);
  if (b.codeError) return renderCodeFailure(b.codeError, b.onCodeRetry);
  if (spec.type === 'text') {
    const content = spec.options.mode === 'text' ? spec.options.content ?? '' : b.markdown(spec.options.content ?? '');
    return content === undefined ? renderSkeleton() : html`<div class="markdown">${content}</div>`;
  }
  if (b.state === 'loading' || b.state === 'idle') return renderSkeleton();
  if (spec.type === 'alertlist') return renderAlertList(spec, b.alertRows, Date.now());
  const series = b.series;
  const tableRows = spec.type === 'table' && b.frames ? (b.frames[0]?.fields[0]?.values.length ?? 0) : series.length;
  if (tableRows === 0 && !NO_DATA_AS_VALUE.has(spec.type)) return renderNoData(spec.fieldConfig.defaults.noValue);
  const theme = b.theme();
  switch (spec.type) {
    case 'stat': {
      const values = valuesShown(spec, series, theme);
      const links = series.map((s, i) => dataLinkOf(s.field, { seriesName: s.name, labels: s.frame.labels, value: { raw: values[i]!.value, text: valueText(values[i]!) }, range: b.range, variables: b.variables, dashboardUrl: b.dashboardUrl }));
      return renderStats(values, { sparklines: series.length > 0 && spec.options.graphMode !== 'none', colorMode: spec.options.colorMode, textMode: spec.options.textMode }, theme.palette[0] ?? 'currentColor', links);
    }
    case 'bargauge':
      return renderBars(valuesShown(spec, series, theme), spec.fieldConfig.defaults, theme, theme.palette[0], spec.options.displayMode);
    case 'table':
      return renderTable(spec, { series, frames: b.frames, variables: b.variables, dashboardUrl: b.dashboardUrl, timeZone: b.timeZone, theme, range: b.range }, b.sort, b.onSort);
    case 'timeseries':
      return renderChart(spec, series, renderLegend(spec, series, theme, b.onToggle), b.marks);
    case 'state-timeline':
    case 'status-history':
      return renderStates({ spec, series, range: b.range ?? { from: 0, to: 1 }, stepMs: b.stepMs, theme, timeZone: b.timeZone });
    case 'piechart':
      return renderChart(spec, series, renderPieLegend(spec, series, panelSlices(spec, series, theme), b.onToggle));
    case 'barchart':
      return renderChart(spec, series, renderBarLegend(spec, series, theme, b.onToggle));
    case 'histogram':
      return renderChart(spec, series, spec.options.combine ? nothing : renderLegend(spec, series, theme, b.onToggle));
    default:
      return renderChart(spec, series, spec.type === 'heatmap' ? renderHeatScale(b.heatmap?.max ?? 0, theme) : nothing);
  }
}
