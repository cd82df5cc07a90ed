/**
 * Loads the ECharts code an option needs, on first use: the base (echarts.ts) for any chart, and
 * bars, gauges, heatmaps, pies or mark lines/areas only when an option draws them, so a page of time
 * series never downloads the gauge. Loaded code is shared by every chart on the page.
 */
import type * as Base from './echarts.js';
import { OnDemand } from '../internal/on-demand.js';

/** The ECharts functions promkit calls, once the base is loaded. */
export type EChartsRuntime = typeof Base;

const BASE = new OnDemand('the chart code', () => import('./echarts.js'));
const PARTS = {
  bar: new OnDemand('the bar chart code', () => import('./echarts-bar.js')),
  gauge: new OnDemand('the gauge code', () => import('./echarts-gauge.js')),
  heatmap: new OnDemand('the heatmap code', () => import('./echarts-heatmap.js')),
  pie: new OnDemand('the pie chart code', () => import('./echarts-pie.js')),
  marks: new OnDemand('the threshold and annotation mark code', () => import('./echarts-marks.js')),
};

/** An ECharts part beyond the base. */
export type EChartsPart = keyof typeof PARTS;

/** The parts beyond the base that an option's series draw with. */
export function partsOf(option: object): EChartsPart[] {
  const given = (option as { series?: unknown }).series;
  const series = (Array.isArray(given) ? given : given ? [given] : []) as Record<string, unknown>[];
  const parts = new Set<EChartsPart>();
  for (const s of series) {
    if (s['type'] === 'bar' || s['type'] === 'gauge' || s['type'] === 'heatmap' || s['type'] === 'pie') parts.add(s['type']);
    if (s['markLine'] || s['markArea']) parts.add('marks');
  }
  return [...parts];
}

/**
 * The parts registered so far. ECharts builds a chart's layouts and processors when it is
 * created, so a chart made before a part was registered cannot draw that part: it is made again.
 */
export function registeredParts(): Set<EChartsPart> {
  return new Set((Object.keys(PARTS) as EChartsPart[]).filter((part) => PARTS[part].value));
}

/** The runtime when everything `option` draws with is loaded already, else a promise of it once it is. */
export function echartsFor(option: object): EChartsRuntime | Promise<EChartsRuntime> {
  const missing = partsOf(option).filter((part) => !PARTS[part].value);
  if (BASE.value && missing.length === 0) return BASE.value;
  return Promise.all([BASE.load(), ...missing.map((part) => PARTS[part].load())]).then(([base]) => base);
}
