/**
 * Owns one ECharts instance for an element: created when the element connects and its chart
 * container exists, resized by a ResizeObserver, disposed (with the observer) on disconnect.
 * Moving an element fires disconnect then connect, which re-creates the chart with the last option.
 * A host that renders a new container (say, after showing an error in its place) gets a new chart
 * on it with the last option: a chart is never left bound to a container that left the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EChartsCoreOption } from 'echarts/core';
import { init, connect, type ECharts } from '../charts/echarts.js';
import { refuseHtmlStrings } from '../charts/html-guard.js';

export class EChartsController implements ReactiveController {
  chart: ECharts | undefined;
  #observer: ResizeObserver | undefined;
  #option: EChartsCoreOption | undefined;
  #group: string | undefined;
  #listeners: [string, (event: unknown) => void][] = [];
  #setups: ((chart: ECharts) => void)[] = [];

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
    this.#release();
  }

  /** Sets the option: `replace` drops series not in it (a new panel type or series set). */
  setOption(option: EChartsCoreOption, replace = false): void {
    this.#option = option;
    const state = this.#ensure();
    // A chart created just now was given the option already.
    if (state !== 'ready') return;
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

  /** Runs `setup` on every chart this controller creates (pointer handlers on its surface, say). */
  onCreate(setup: (chart: ECharts) => void): void {
    this.#setups.push(setup);
    if (this.chart) setup(this.chart);
  }

  /** Whether a chart exists on the current container, creating it if the container is there. */
  #ensure(): 'ready' | 'created' | 'none' {
    const el = this.container();
    if (this.chart && this.chart.getDom() === el) return 'ready';
    // The container was replaced or removed: the old chart draws nowhere a person can see.
    if (this.chart) this.#release();
    if (!el || !this.host.isConnected) return 'none';
    refuseHtmlStrings(el);
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
    for (const setup of this.#setups) setup(this.chart);
    return 'created';
  }

  #release(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.chart?.dispose();
    this.chart = undefined;
  }

  #applyGroup(): void {
    if (!this.chart) return;
    this.chart.group = this.#group ?? '';
    if (this.#group) connect(this.#group);
  }
}
