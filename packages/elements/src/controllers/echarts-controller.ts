/**
 * Owns one ECharts instance for an element: created when the element connects and its chart
 * container exists, resized by a ResizeObserver, disposed (with the observer) on disconnect.
 * Moving an element fires disconnect then connect, which re-creates the chart with the last option.
 * A host that renders a new container (say, after showing an error in its place) gets a new chart
 * on it with the last option: a chart is never left bound to a container that left the page.
 * ECharts itself is loaded on first use (echarts-loader.ts): until the code an option draws with
 * is there, the option waits and is drawn when it arrives; a load that fails is reported to
 * `onLoadError` and tried again by the next option or update.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EChartsCoreOption } from 'echarts/core';
import type { ECharts } from '../charts/echarts.js';
import { echartsFor, partsOf, registeredParts, type EChartsPart, type EChartsRuntime } from '../charts/echarts-loader.js';
import { refuseHtmlStrings } from '../charts/html-guard.js';
import { inTurn } from '../internal/in-turn.js';

export class EChartsController implements ReactiveController {
  chart: ECharts | undefined;
  #observer: ResizeObserver | undefined;
  #option: EChartsCoreOption | undefined;
  #group: string | undefined;
  #listeners: [string, (event: unknown) => void][] = [];
  #setups: ((chart: ECharts) => void)[] = [];
  #runtime: EChartsRuntime | undefined;
  /** The ECharts parts registered when the chart was created: it can draw those only. */
  #createdWith = new Set<EChartsPart>();
  /** The load of code the option needs, while it runs. */
  #waiting: Promise<unknown> | undefined;
  /** Whether the option waiting for code replaces the chart's (set with `replace`). */
  #replacePending = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Finds the chart container in the host's shadow root (undefined while not rendered). */
    private readonly container: () => HTMLElement | null | undefined,
    /** Told when the chart code could not be loaded (offline, or the script's folder not served whole). */
    private readonly onLoadError: (error: Error) => void = () => {},
  ) {
    host.addController(this);
  }

  /** The load of chart code the option waits for, while it runs (it settles either way). */
  get loading(): Promise<unknown> | undefined {
    return this.#waiting;
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
    this.#replacePending ||= replace;
    // A chart created just now was given the option already; one still loading gets it when it is.
    if (this.#ensure() === 'ready') this.#apply();
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

  /** Whether a chart exists on the current container, creating it if the container and its code are there. */
  #ensure(): 'ready' | 'created' | 'loading' | 'none' {
    const el = this.container();
    if (this.chart && this.chart.getDom() === el) {
      if (!this.#loaded()) return 'loading';
      if (partsOf(this.#option ?? {}).every((part) => this.#createdWith.has(part))) return 'ready';
      // The option draws a part registered after this chart was made: make it again, with the option.
    }
    // The container was replaced or removed (the old chart draws nowhere a person can see), or the chart is made again.
    if (this.chart) this.#release();
    if (!el || !this.host.isConnected) return 'none';
    if (!this.#option) {
      // Nothing to draw yet (the data is on its way): fetch the chart code meanwhile, make no chart.
      Promise.resolve(echartsFor({})).catch(() => undefined);
      return 'none';
    }
    if (!this.#loaded()) return 'loading';
    const { init } = this.#runtime!;
    refuseHtmlStrings(el);
    this.#replacePending = false;
    this.#createdWith = registeredParts();
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

  /** Whether the code the option draws with is loaded; if not, loads it and draws when it arrives. */
  #loaded(): boolean {
    const runtime = echartsFor(this.#option ?? {});
    if (!(runtime instanceof Promise)) {
      this.#runtime = runtime;
      return true;
    }
    this.#waiting ??= runtime.then(
      // Every chart waiting for this code is drawn now: in turns, not all in one long task.
      () =>
        inTurn(() => {
          this.#waiting = undefined;
          if (this.#ensure() === 'ready') this.#apply();
          // What the host reads off the chart (where it drew the range) is known now.
          this.host.requestUpdate();
        }),
      (error: unknown) => {
        this.#waiting = undefined;
        this.onLoadError(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return false;
  }

  #apply(): void {
    const replace = this.#replacePending;
    this.#replacePending = false;
    if (this.#option) this.chart!.setOption(this.#option, { notMerge: replace, lazyUpdate: false, replaceMerge: replace ? undefined : ['series', 'dataset'] });
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
    if (this.#group) this.#runtime?.connect(this.#group);
  }
}
