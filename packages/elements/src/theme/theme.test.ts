/**
 * Theme tokens inherit: a `--prom-*` token set on `body`, on a wrapper or on `<prom-dashboard>`
 * reaches every nested panel (its frame and the colours ECharts draws with), picker and variable
 * control; a page styles nested panels through the dashboard's re-exported parts; `theme="dark"`
 * on a dashboard still darkens its panels; and a panel's `title` gives it no native tooltip.
 */
import { expect } from 'chai';
import type { DashboardInput } from '@promkit/core';
import type { PromDashboard } from '../components/dashboard/dashboard.component.js';
import type { PromPanel } from '../components/panel/panel.component.js';
import { getInstanceByDom } from '../charts/echarts.js';
import '../define.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;

/** One timeseries panel over the fixed test history, and a single-value variable. */
const DEFINITION: DashboardInput = {
  schemaVersion: 1,
  title: 'Themed',
  variables: [{ type: 'custom', name: 'room', query: 'lab,office', current: { value: 'lab' } }],
  panels: [
    { id: 1, type: 'timeseries', title: 'Temperature in $room', gridPos: { x: 0, y: 0, w: 24, h: 8 }, targets: [{ refId: 'A', expr: 'promkit_temperature_celsius{room="$room"}' }] },
  ],
};

/** Distinct values no default uses; `rgb` is how computed styles give them back. */
const BACKGROUND = { token: '#0a0b0c', rgb: 'rgb(10, 11, 12)' };
const TOOLTIP = '#123456';
const TEXT = '#654321';
const PALETTE = '#abcdef';

function setTokens(element: HTMLElement): void {
  element.style.setProperty('--prom-color-background', BACKGROUND.token);
  element.style.setProperty('--prom-color-tooltip', TOOLTIP);
  element.style.setProperty('--prom-color-text', TEXT);
  element.style.setProperty('--prom-palette-0', PALETTE);
}

function clearTokens(element: HTMLElement): void {
  for (const name of ['--prom-color-background', '--prom-color-tooltip', '--prom-color-text', '--prom-palette-0']) element.style.removeProperty(name);
}

/** Waits (bounded) for a condition on the page, then checks it. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(condition(), what).to.equal(true);
}

function panelOf(d: PromDashboard): PromPanel {
  return d.shadowRoot!.querySelector('prom-panel')!;
}

function chartOf(panel: PromPanel) {
  const canvas = panel.shadowRoot!.querySelector<HTMLElement>('.canvas');
  return canvas ? getInstanceByDom(canvas) : undefined;
}

/** A dashboard in `parent`, once its panel has drawn its chart. */
async function mount(parent: HTMLElement, setup: (d: PromDashboard) => void = () => undefined): Promise<PromDashboard> {
  const d = document.createElement('prom-dashboard');
  d.style.width = '900px';
  d.url = url;
  d.from = '2023-11-14T22:00:00Z';
  d.to = '2023-11-14T23:00:00Z';
  d.dashboard = DEFINITION;
  setup(d);
  parent.append(d);
  await until(() => !!panelOf(d) && panelOf(d).results.length > 0 && chartOf(panelOf(d))?.getOption() !== undefined, 'the panel drew its chart');
  await d.updateComplete;
  await panelOf(d).updateComplete;
  return d;
}

interface Seen {
  frame: string;
  tooltip: unknown;
  tooltipText: unknown;
  series: unknown;
  variable: string;
  picker: string;
  refresh: string;
}

/** The colours a dashboard's panel, chart, variable and pickers show. */
function seen(d: PromDashboard): Seen {
  const panel = panelOf(d);
  const option = chartOf(panel)!.getOption() as { tooltip: { backgroundColor: string; textStyle: { color: string } }[]; color: string[] };
  const background = (root: Element | null | undefined, selector: string) => getComputedStyle(root!.shadowRoot!.querySelector(selector)!).backgroundColor;
  return {
    frame: background(panel, '[part="base"]'),
    tooltip: option.tooltip[0]!.backgroundColor,
    tooltipText: option.tooltip[0]!.textStyle.color,
    series: option.color[0],
    variable: background(d.shadowRoot!.querySelector('prom-variable'), '[part="select"]'),
    picker: background(d.shadowRoot!.querySelector('prom-time-range'), '[part="trigger"]'),
    refresh: background(d.shadowRoot!.querySelector('prom-refresh-picker'), '[part="select"]'),
  };
}

const themed: Seen = { frame: BACKGROUND.rgb, tooltip: TOOLTIP, tooltipText: TEXT, series: PALETTE, variable: BACKGROUND.rgb, picker: BACKGROUND.rgb, refresh: BACKGROUND.rgb };

afterEach(() => {
  document.querySelectorAll('prom-dashboard, prom-panel, .theme-wrapper, style.theme-test').forEach((e) => e.remove());
  clearTokens(document.body);
});

describe('theme tokens inherit into nested elements', () => {
  it('a token set on body reaches the panel frame, its chart, the variable and the pickers of a dashboard', async () => {
    setTokens(document.body);
    expect(seen(await mount(document.body))).to.deep.equal(themed);
  });

  it('a token set on a wrapper reaches them', async () => {
    const wrapper = document.createElement('div');
    wrapper.className = 'theme-wrapper';
    setTokens(wrapper);
    document.body.append(wrapper);
    expect(seen(await mount(wrapper))).to.deep.equal(themed);
  });

  it('a token set on <prom-dashboard> itself reaches them', async () => {
    expect(seen(await mount(document.body, setTokens))).to.deep.equal(themed);
  });

  it('the chart tooltip, built as DOM by ECharts inside the panel, takes the inherited tooltip colour', async () => {
    setTokens(document.body);
    const d = await mount(document.body);
    const chart = chartOf(panelOf(d))!;
    chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 10 });
    const box = () => [...panelOf(d).shadowRoot!.querySelectorAll<HTMLElement>('[part="chart"] div')].find((e) => e.querySelector(':scope > .tooltip'));
    await until(() => !!box(), 'a tooltip is shown');
    expect(getComputedStyle(box()!).backgroundColor).to.equal('rgb(18, 52, 86)');
  });

  it('without tokens, theme="dark" on a dashboard still makes its panels and controls dark', async () => {
    const d = await mount(document.body, (el) => (el.theme = 'dark'));
    expect(seen(d)).to.deep.equal({
      frame: 'rgb(13, 17, 23)',
      tooltip: '#1c2128',
      tooltipText: '#e6edf3',
      series: '#5794f2',
      variable: 'rgb(13, 17, 23)',
      picker: 'rgb(13, 17, 23)',
      refresh: 'rgb(13, 17, 23)',
    });
    expect(getComputedStyle(panelOf(d)).colorScheme).to.equal('dark');
  });

  it('a token set on the page wins over the dark defaults', async () => {
    setTokens(document.body);
    expect(seen(await mount(document.body, (el) => (el.theme = 'dark')))).to.deep.equal(themed);
  });
});

describe('nested panels and controls are styleable through the dashboard', () => {
  it('prom-dashboard::part(panel-…), (variable-…), (time-range-…) and (refresh-…) reach into its elements', async () => {
    const style = document.createElement('style');
    style.className = 'theme-test';
    style.textContent = `
      prom-dashboard::part(panel-title) { color: rgb(1, 2, 3); }
      prom-dashboard::part(panel-base) { border-top-width: 5px; }
      prom-dashboard::part(variable-select) { color: rgb(4, 5, 6); }
      prom-dashboard::part(time-range-trigger) { color: rgb(7, 8, 9); }
      prom-dashboard::part(refresh-button) { color: rgb(10, 11, 12); }
    `;
    document.head.append(style);
    const d = await mount(document.body);
    const panel = panelOf(d).shadowRoot!;
    const inside = (tag: string, selector: string) => getComputedStyle(d.shadowRoot!.querySelector(tag)!.shadowRoot!.querySelector(selector)!);
    expect(getComputedStyle(panel.querySelector('[part="title"]')!).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(panel.querySelector('[part="base"]')!).borderTopWidth).to.equal('5px');
    expect(inside('prom-variable', '[part="select"]').color).to.equal('rgb(4, 5, 6)');
    expect(inside('prom-time-range', '[part="trigger"]').color).to.equal('rgb(7, 8, 9)');
    expect(inside('prom-refresh-picker', '[part="button"]').color).to.equal('rgb(10, 11, 12)');
  });
});

/** Whether `node` or any ancestor in the flat tree (through shadow roots to their hosts) has a `title` attribute. */
function titledAncestor(node: Node | null): Element | undefined {
  for (let n = node; n; n = n instanceof ShadowRoot ? n.host : (n.parentNode as Node | null)) {
    if (n instanceof Element && n.hasAttribute('title')) return n;
  }
  return undefined;
}

describe('a panel title shows no native tooltip over the panel', () => {
  it('the title attribute becomes the heading and leaves the element, set before or after connecting', async () => {
    const panel = document.createElement('prom-panel');
    panel.setAttribute('title', 'Requests');
    panel.url = url;
    panel.query = 'promkit_temperature_celsius';
    panel.range = '2023-11-14T22:00:00Z,2023-11-14T23:00:00Z';
    document.body.append(panel);
    await panel.updateComplete;
    const heading = () => panel.shadowRoot!.querySelector('[part="title"]')!.textContent;
    expect(heading()).to.equal('Requests');
    expect(panel.title).to.equal('Requests');
    expect(panel.hasAttribute('title'), 'no title attribute on the host').to.equal(false);
    expect(titledAncestor(panel.shadowRoot!.querySelector('[part="body"]')), 'nothing above the panel body has a title').to.equal(undefined);

    panel.setAttribute('title', 'Errors');
    await panel.updateComplete;
    expect(heading()).to.equal('Errors');
    expect(panel.hasAttribute('title')).to.equal(false);

    panel.title = 'Latency';
    await panel.updateComplete;
    expect(heading()).to.equal('Latency');
    expect(panel.hasAttribute('title'), 'the property does not set the attribute').to.equal(false);
  });

  it('a dashboard panel body has no titled ancestor either', async () => {
    const d = await mount(document.body);
    expect(titledAncestor(panelOf(d).shadowRoot!.querySelector('[part="chart"]'))).to.equal(undefined);
  });
});
