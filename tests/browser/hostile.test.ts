/**
 * Hostile input, everywhere a dashboard or Prometheus puts text: markup, handlers, script and
 * iframe payloads, `javascript:` URLs and CSS breakouts in every string field of a dashboard and
 * in label values. In Chromium against the real Prometheus: no script runs, no handler or injected
 * element exists in any shadow root, no request leaves for an injected URL, and nothing paints
 * outside its panel. Colours that try to break out of CSS are refused by validation with paths.
 */
import { expect } from 'chai';
import { sendMouse } from '@web/test-runner-commands';
import { getInstanceByDom } from 'echarts/core';
import { validateDashboard, type DashboardInput } from '@promkit/core';
import type { PromDashboard } from '@promkit/elements';
import { T0, T_END } from '../harness/dataset.mjs';
import { panelsIn, painted } from './panel-probes.js';
import '@promkit/elements/define.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
declare global {
  interface Window {
    __pwned?: string;
  }
}

/** Each payload marks `window.__pwned` or asks for a `/pwned/…` URL if it ever runs or loads. */
const PAYLOADS = [
  `<img src=/pwned/img onerror="window.__pwned='img'">`,
  `<svg onload="window.__pwned='svg'"><circle r=1></circle></svg>`,
  `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
  `"><script>window.__pwned='script'</script>`,
  `'><a href="javascript:window.__pwned='href'">x</a>`,
  `</style><style>*{background:url(/pwned/css)}</style>`,
  `red;position:fixed;inset:0;z-index:2147483647;background:url(/pwned/style)`,
];
const P = PAYLOADS.join(' ');
/**
 * Text panels show the images their markdown names (a feature, like any markdown page; the host's
 * CSP img-src decides where from): that one request is allowed, its onerror handler is not.
 */
const MARKDOWN_IMAGE = '/markdown-image-from-the-author';

/** A dashboard with a payload in every string field the schema has (colours are tested below). */
function hostileDashboard(): DashboardInput {
  const field = {
    unit: `suffix:${P}`,
    displayName: P,
    noValue: P,
    mappings: [{ type: 'value', options: { '1': { text: P } } }],
    custom: { axisLabel: P },
  };
  const grid = (i: number) => ({ x: (i % 3) * 8, y: Math.floor(i / 3) * 6, w: 8, h: 6 });
  const target = { refId: 'A', expr: 'promkit_label_text', legendFormat: `{{text}} ${P}` };
  return {
    schemaVersion: 1,
    title: P,
    description: P,
    tags: [P],
    time: { from: new Date(T0 * 1000).toISOString(), to: new Date(T_END * 1000).toISOString() },
    links: [{ title: P, url: '/ok', tooltip: P }],
    variables: [
      { type: 'custom', name: 'choice', label: P, query: PAYLOADS.map((p) => p.replaceAll(',', ' ')).join(',') },
      { type: 'textbox', name: 'free', label: P, query: P },
      { type: 'query', name: 'text', label: P, query: 'label_values(promkit_label_text, text)' },
    ],
    annotations: [{ type: 'events', name: P, events: [{ time: (T0 + 600) * 1000, title: P, text: P, tags: [P] }] }],
    panels: [
      ...(['timeseries', 'stat', 'gauge', 'bargauge', 'table'] as const).map((type, i) => ({
        id: i + 1,
        type,
        title: `${P} $choice $free`,
        description: P,
        links: [{ title: P, url: 'https://example.invalid/' }],
        gridPos: grid(i),
        targets: [target],
        fieldConfig: { defaults: field, overrides: [{ matcher: { id: 'byName', options: P }, properties: [{ id: 'displayName', value: P }] }] },
        options: type === 'timeseries' ? { legend: { displayMode: 'table', placement: 'bottom', calcs: ['max'] } } : {},
      })),
      { id: 6, type: 'text', title: P, gridPos: grid(5), options: { mode: 'markdown', content: `${P.replaceAll('/pwned/img', MARKDOWN_IMAGE)}\n\n[link](javascript:window.__pwned='md')\n\n[tab](java\tscript:window.__pwned='tab')` } },
      { id: 7, type: 'row', title: P, gridPos: { x: 0, y: 12, w: 24, h: 1 } },
      { id: 8, type: 'heatmap', title: P, gridPos: { x: 0, y: 13, w: 12, h: 6 }, targets: [{ refId: 'A', expr: 'sum by (le) (rate(promkit_request_duration_seconds_bucket[5m]))', legendFormat: P }] },
    ],
  } as unknown as DashboardInput;
}

/** Every element under a root, through every shadow root. */
function everything(root: Document | ShadowRoot | Element): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? everything(el.shadowRoot) : [])]);
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(condition(), what).to.equal(true);
}

afterEach(() => document.querySelectorAll('prom-dashboard').forEach((d) => d.remove()));

describe('hostile input in every field', () => {
  it('renders as text: no script, no handler, no injected element, no request, nothing outside its panel', async function () {
    this.timeout(60_000);
    const check = validateDashboard(hostileDashboard());
    expect(check.ok, check.ok ? '' : JSON.stringify(check.problems)).to.equal(true);

    const d = document.createElement('prom-dashboard') as PromDashboard;
    d.style.cssText = 'display:block;width:1200px';
    d.url = url;
    d.dashboard = hostileDashboard();
    document.body.append(d);
    const panels = () => panelsIn(d.shadowRoot ?? d);
    await until(() => panels().length === 7 && panels().every((p) => p.spec?.type === 'text' || p.results.length > 0 || p.shadowRoot?.querySelector('[role="alert"]')), 'every panel settled');
    await until(() => panels().filter((p) => p.spec?.type === 'timeseries').every((p) => painted(p)), 'the time series drew');

    // What people do: hover a chart (tooltip with label values), open a variable's list.
    const chart = panels().find((p) => p.spec?.type === 'timeseries')!;
    const instance = getInstanceByDom(chart.shadowRoot!.querySelector<HTMLElement>('.canvas')!)!;
    const point = instance.convertToPixel({ seriesIndex: 0 }, [(T0 + 1200) * 1000, 1]) as number[];
    instance.dispatchAction({ type: 'showTip', x: point[0], y: point[1] });
    await new Promise((r) => setTimeout(r, 200));
    const tooltip = everything(chart.shadowRoot!).find((el) => el.classList.contains('tooltip'));
    expect(tooltip, 'the tooltip showed').to.not.equal(undefined);
    expect(tooltip!.textContent).to.contain('<img src=');
    const variable = d.shadowRoot!.querySelector('prom-variable')!;
    variable.shadowRoot!.querySelector<HTMLElement>('button, select')?.click();
    await new Promise((r) => setTimeout(r, 200));
    await sendMouse({ type: 'move', position: [0, 0] });

    expect(window.__pwned, 'no payload ran').to.equal(undefined);
    const all = everything(document);
    const inShadow = all.filter((el) => el.getRootNode() instanceof ShadowRoot);
    const offending = inShadow.flatMap((el) => {
      const found: string[] = [];
      const authorsImage = el.tagName === 'IMG' && el.getAttribute('src') === MARKDOWN_IMAGE && el.closest('.markdown') !== null;
      if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'STYLE', 'LINK', 'BASE', 'META'].includes(el.tagName) && !authorsImage) found.push(`<${el.localName}> element`);
      if (el.localName === 'svg' && !el.classList.contains('icon') && !el.classList.contains('sparkline')) found.push('<svg> not of ours');
      for (const attr of el.attributes) {
        if (attr.name.startsWith('on')) found.push(`${el.localName}[${attr.name}]`);
        // Text in attributes (a title, an option's value) is data; what matters is where URLs and styles go.
        if (['href', 'src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'style', 'background', 'poster'].includes(attr.name) && /javascript:|pwned/i.test(attr.value)) {
          found.push(`${el.localName}[${attr.name}="${attr.value.slice(0, 40)}"]`);
        }
      }
      const position = getComputedStyle(el).position;
      if (position === 'fixed') found.push(`${el.localName} is position:fixed`);
      return found;
    });
    expect(offending, offending.join('\n')).to.deep.equal([]);
    const requests = performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.includes('/pwned'));
    expect(requests, 'requests for injected URLs').to.deep.equal([]);

    // Nothing paints outside its panel: each panel's frame clips what it holds (no element in it is
    // fixed, checked above), and every panel keeps its place inside the dashboard.
    const board = d.getBoundingClientRect();
    for (const panel of panels()) {
      expect(getComputedStyle(panel.shadowRoot!.querySelector('[part="base"]')!).overflow, 'the frame clips').to.equal('hidden');
      const r = panel.getBoundingClientRect();
      const inside = r.left >= board.left && r.right <= board.right + 1 && r.top >= board.top && r.width < board.width && r.height < 400;
      expect(inside, `"${panel.spec?.type}" panel at ${JSON.stringify(r)} within ${JSON.stringify(board)}`).to.equal(true);
    }
  });

  it('colours that break out of CSS are problems with their paths, never applied', () => {
    const breakouts = ['red;position:fixed;inset:0;z-index:2147483647', 'red;background-image:url(/pwned/x)', 'url(/pwned/y)', 'var(--x)', 'red}*{color:red'];
    const d = hostileDashboard() as unknown as { panels: Record<string, unknown>[] };
    const panel = d.panels[0]!;
    panel['fieldConfig'] = {
      defaults: {
        color: { mode: 'fixed', fixedColor: breakouts[0] },
        thresholds: { mode: 'absolute', steps: [{ value: null, color: breakouts[1] }] },
        mappings: [{ type: 'value', options: { '1': { text: 'one', color: breakouts[2] } } }],
      },
      overrides: [{ matcher: { id: 'byName', options: 'x' }, properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: breakouts[3] } }] }],
    };
    (d as unknown as { annotations: { color: string }[] }).annotations[0]!.color = breakouts[4]!;
    const check = validateDashboard(d);
    expect(check.ok).to.equal(false);
    const paths = check.ok ? [] : check.problems.map((p) => p.path);
    for (const path of [
      'panels[0].fieldConfig.defaults.color.fixedColor',
      'panels[0].fieldConfig.defaults.thresholds.steps[0].color',
      'annotations[0].color',
    ]) {
      expect(paths, path).to.include(path);
    }
    expect(paths.some((p) => p.startsWith('panels[0].fieldConfig.defaults.mappings[0]')), 'mapping colour').to.equal(true);
    expect(paths.some((p) => p.startsWith('panels[0].fieldConfig.overrides[0].properties[0]')), 'override colour').to.equal(true);
  });
});
