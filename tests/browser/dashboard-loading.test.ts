/**
 * <prom-dashboard> loads whatever order the page puts things in: the script-tag bundle before or
 * after the markup, defer, type=module, an element made by a framework, an inline JSON child added
 * or replaced later. And the README's dashboard page exactly as the README writes it. Each page is
 * a real document (an iframe), so the parser's order is the browser's own.
 */
import { expect } from 'chai';
import { panelsIn } from './panel-probes.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const BUNDLE = '/packages/elements/dist/promkit.min.js';

const DEFINITION = JSON.stringify({
  schemaVersion: 1,
  title: 'Order test',
  time: { from: 'now-15m', to: 'now' },
  panels: [{ id: 1, type: 'stat', title: 'Up', gridPos: { x: 0, y: 0, w: 6, h: 5 }, targets: [{ refId: 'A', expr: 'count(up)' }] }],
});

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((f) => f.remove()));

/** Loads `html` as a document of its own (same origin, so the test can look inside). */
async function page(html: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1000px;height:600px;border:0';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = html;
  document.body.append(frame);
  await loaded;
  return frame.contentDocument!;
}

/** Waits (bounded) until the dashboard's panels have data; returns what it shows. */
async function shown(doc: Document): Promise<{ panels: number; withData: number; text: string }> {
  const read = () => {
    const dashboard = doc.querySelector('prom-dashboard');
    const panels = dashboard?.shadowRoot ? panelsIn(dashboard.shadowRoot) : [];
    return {
      panels: panels.length,
      withData: panels.filter((p) => p.results.length > 0 && !p.shadowRoot!.querySelector('[role="alert"]')).length,
      text: dashboard?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    };
  };
  for (let i = 0; i < 200; i++) {
    const now = read();
    if (now.panels > 0 && now.withData === now.panels) return now;
    await new Promise((r) => setTimeout(r, 50));
  }
  return read();
}

const inline = (json = DEFINITION) => `<prom-dashboard url="${url}"><script type="application/json">${json}</script></prom-dashboard>`;

describe('<prom-dashboard> loads in every page order', () => {
  const orders: [string, string][] = [
    ['bundle before the markup', `<script src="${BUNDLE}"></script>${inline()}`],
    ['bundle after the markup', `${inline()}<script src="${BUNDLE}"></script>`],
    ['bundle with defer, in the head', `<head><script defer src="${BUNDLE}"></script></head><body>${inline()}</body>`],
    ['bundle as type=module', `<script type="module" src="${BUNDLE}"></script>${inline()}`],
    [
      'element made by a framework: created, connected, then given its JSON child',
      `<script src="${BUNDLE}"></script><div id="app"></div><script>
        const d = document.createElement('prom-dashboard');
        d.setAttribute('url', ${JSON.stringify(url)});
        document.getElementById('app').append(d);
        setTimeout(() => {
          const json = document.createElement('script');
          json.type = 'application/json';
          json.textContent = ${JSON.stringify(DEFINITION)};
          d.append(json);
        }, 50);
      </script>`,
    ],
  ];
  for (const [name, html] of orders) {
    it(name, async () => {
      const doc = await page(html);
      const result = await shown(doc);
      expect(result.text, 'not stuck loading').to.not.match(/Loading dashboard/);
      expect(result.panels, 'panels').to.equal(1);
      expect(result.withData, 'panels with data').to.equal(1);
    });
  }

  it('a JSON child replaced later shows the new definition', async () => {
    const doc = await page(`<script src="${BUNDLE}"></script>${inline()}`);
    await shown(doc);
    const next = JSON.parse(DEFINITION);
    next.title = 'Replaced';
    next.panels.push({ ...next.panels[0], id: 2, title: 'Second', gridPos: { x: 6, y: 0, w: 6, h: 5 } });
    const script = doc.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(next);
    doc.querySelector('prom-dashboard script')!.replaceWith(script);
    const result = await (async () => {
      for (let i = 0; i < 100; i++) {
        const now = await shown(doc);
        if (now.panels === 2 && now.withData === 2) return now;
        await new Promise((r) => setTimeout(r, 50));
      }
      return shown(doc);
    })();
    expect(result.panels).to.equal(2);
    expect(result.text).to.contain('Replaced');
  });

  it("the README's <prom-dashboard> page, exactly as the README writes it", async () => {
    const readme = await (await fetch('/README.md')).text();
    const block = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes('<prom-dashboard'));
    expect(block, 'the README has a dashboard block').to.be.a('string');
    // The block is the page: the only changes are where the bundle and Prometheus are here.
    const usesScript = /<script src="promkit\.min\.js"><\/script>/.test(block!);
    const html = `${usesScript ? '' : `<script src="promkit.min.js"></script>\n`}${block!}`.replaceAll('promkit.min.js', BUNDLE).replaceAll('http://localhost:9090', url);
    const doc = await page(html);
    const result = await shown(doc);
    expect(result.text).to.not.match(/Loading dashboard/);
    expect(result.panels).to.be.greaterThan(0);
    expect(result.withData).to.equal(result.panels);
  });
});
