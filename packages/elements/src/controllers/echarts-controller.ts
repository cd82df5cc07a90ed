/**
 * Owns one ECharts instance for an element: created when the element connects and its chart
 * container exists, resized by a ResizeObserver, disposed (with the observer) on disconnect.
 * Moving an element fires disconnect then connect, which re-creates the chart with the last option.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EChartsCoreOption } from 'echarts/core';
import { init, connect, type ECharts } from '../charts/echarts.js';

export class EChartsController implements ReactiveController {
  chart: ECharts | undefined;
  #observer: ResizeObserver | undefined;
  #option: EChartsCoreOption | undefined;
  #group: string | undefined;
  #listeners: [string, (event: unknown) => void][] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Finds the chart container in the host's shadow root (undefined while not rendered). */
    private readonly container: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.#ensure();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.chart?.dispose();
    this.chart = undefined;
  }

  /** Sets the option: `replace` drops series not in it (a new panel type or series set). */
  setOption(option: EChartsCoreOption, replace = false): void {
    this.#option = option;
    if (!this.#ensure()) return;
    this.chart!.setOption(option, { notMerge: replace, lazyUpdate: false, replaceMerge: replace ? undefined : ['series', 'dataset'] });
  }

  /** Links tooltips and crosshairs of every chart in the group (one group per dashboard). */
  setGroup(group: string | undefined): void {
    this.#group = group;
    if (this.chart) this.#applyGroup();
  }

  /** Listens to an ECharts event; listeners survive re-creation. */
  on(event: string, listener: (event: unknown) => void): void {
    this.#listeners.push([event, listener]);
    this.chart?.on(event, listener);
  }

  /** True when a chart exists (creating it if its container is there). */
  #ensure(): boolean {
    if (this.chart) return true;
    const el = this.container();
    if (!el || !this.host.isConnected) return false;
    this.chart = init(el, undefined, { renderer: 'canvas', devicePixelRatio: globalThis.devicePixelRatio || 1 });
    for (const [event, listener] of this.#listeners) this.chart.on(event, listener);
    this.#applyGroup();
    // The observer reports the size once on observe: redraw only when it really changed, since
    // a resize redraws every series (twice the work of a cold render otherwise).
    this.#observer = new ResizeObserver(([entry]) => {
      const chart = this.chart;
      const box = entry?.contentRect;
      if (chart && box && (Math.round(box.width) !== chart.getWidth() || Math.round(box.height) !== chart.getHeight())) chart.resize();
    });
    this.#observer.observe(el);
    if (this.#option) this.chart.setOption(this.#option, { notMerge: true });
    return true;
  }

  #applyGroup(): void {
    if (!this.chart) return;
    this.chart.group = this.#group ?? '';
    if (this.#group) connect(this.#group);
  }
}
