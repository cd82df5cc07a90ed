/**
 * A panel's ECharts chart: draws the option for the panel's kind (time series, gauge, heatmap)
 * when what it is drawn from changed, replacing the whole option only when the type or the set of
 * series changed (a refresh merges series and datasets, keeping axes and layout). Each chart the
 * EChartsController creates (again on a new container) gets pointer tracking, clicks on the plot
 * and drag-to-zoom.
 */
import type { ReactiveControllerHost } from 'lit';
import { EChartsController } from './echarts-controller.js';
import { dragToZoom } from '../charts/drag-zoom.js';
import type { ECharts } from '../charts/echarts.js';
import { chartOption, type ChartInput } from '../components/panel/render/chart.js';

/** A click on a time series' plot. */
export interface PlotClick {
  /** Px within the chart box, and the box' size. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Epoch ms and value on the y axis. */
  time: number;
  value: number;
  /** How far on the y axis a point may be from the click and still be clicked (16 px, in value units). */
  reach: number;
}

/** How near the pointer, in px, a point counts as clicked. */
const CLICK_REACH_PX = 16;

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export class PanelChartController {
  readonly #chart: EChartsController;
  /** Where the pointer is, in value units, for the time series tooltip. */
  readonly #pointer = { value: undefined as number | undefined };
  #drawnFrom: readonly unknown[] = [];
  #drawnShape = '';

  constructor(
    private readonly host: Host,
    private readonly options: {
      /** Whether the panel is a time series now (only those track the pointer). */
      isTimeseries: () => boolean;
      /** A drag across a time series selected this range, epoch ms. */
      onZoom: (fromMs: number, toMs: number) => void;
      /** A click (no drag) on a time series' plot: where, in px of the chart box and in axis units. */
      onPlotClick: (at: PlotClick) => void;
      /** The chart code could not be loaded. */
      onLoadError: (error: Error) => void;
    },
  ) {
    this.#chart = new EChartsController(host, () => host.renderRoot.querySelector<HTMLElement>('[part="chart"] .canvas'), options.onLoadError);
    this.#chart.onCreate((chart) => this.#onCreated(chart));
  }

  /** The load of chart code a draw waits for, while it runs. */
  get loading(): Promise<unknown> | undefined {
    return this.#chart.loading;
  }

  /** Links tooltips and crosshairs of every chart in the group. */
  setGroup(group: string | undefined): void {
    this.#chart.setGroup(group);
  }

  /**
   * Draws unless `from` (what the chart is drawn from) is the same as last time: an update that
   * changes none of it (a spinner) draws nothing. `input` is undefined when there is no valid spec.
   */
  draw(from: readonly unknown[], input: () => Omit<ChartInput, 'pointer' | 'box'> | undefined): void {
    if (from.length === this.#drawnFrom.length && from.every((value, i) => value === this.#drawnFrom[i])) return;
    this.#drawnFrom = from;
    const chart = input();
    if (!chart) return;
    const { spec, series, theme } = chart;
    const shape = `${spec.type}|${theme.dark}|${series.map((s) => `${s.refId}:${s.name}:${s.hidden ? 0 : 1}`).join('|')}`;
    const replace = shape !== this.#drawnShape;
    this.#drawnShape = shape;
    const option = chartOption({ ...chart, pointer: this.#pointer, box: this.host.renderRoot.querySelector<HTMLElement>('[part="chart"]') });
    if (option) this.#chart.setOption(option, replace);
  }

  /** Where the range's start and end are drawn, in px within the chart box (undefined before a time series is drawn). */
  plotSpan(range: { from: number; to: number }): readonly [number, number] | undefined {
    const chart = this.#chart.chart;
    if (!chart || !this.options.isTimeseries()) return undefined;
    try {
      const left = chart.convertToPixel({ xAxisIndex: 0 }, range.from) as number;
      const right = chart.convertToPixel({ xAxisIndex: 0 }, range.to) as number;
      return Number.isFinite(left) && Number.isFinite(right) ? [Math.round(left), Math.round(right)] : undefined;
    } catch {
      return undefined;
    }
  }

  #onCreated(chart: ECharts): void {
    chart.getZr().on('mousemove', (e: { offsetX: number; offsetY: number }) => {
      if (!this.options.isTimeseries()) return;
      const value = chart.convertFromPixel({ yAxisIndex: 0 }, e.offsetY) as unknown;
      this.#pointer.value = typeof value === 'number' ? value : undefined;
    });
    chart.getZr().on('click', (e: { offsetX: number; offsetY: number }) => {
      if (!this.options.isTimeseries() || !chart.containPixel('grid', [e.offsetX, e.offsetY])) return;
      const [time, value] = chart.convertFromPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY]) as unknown as [unknown, unknown];
      const near = chart.convertFromPixel({ yAxisIndex: 0 }, e.offsetY + CLICK_REACH_PX) as unknown;
      if (typeof time !== 'number' || typeof value !== 'number' || typeof near !== 'number') return;
      this.options.onPlotClick({ x: e.offsetX, y: e.offsetY, width: chart.getWidth(), height: chart.getHeight(), time, value, reach: Math.abs(value - near) });
    });
    dragToZoom(chart, () => this.host.renderRoot.querySelector<HTMLElement>('[part="chart"] .brush'), this.options.onZoom);
  }
}
