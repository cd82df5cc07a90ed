/**
 * The chunked script tag (`<script type="module" src="…/dist/cdn/promkit.js">`, the page in
 * tests/browser/fixtures/chunked), against the real Prometheus: the page downloads promkit.js
 * and its shared chunks, the PromQL parser with its first query, then ECharts' base when its
 * first time series draws, and nothing else
 * until it is used: the markdown renderer with a text panel, the gauge with a gauge, the builder
 * when a dashboard enters edit mode (and CodeMirror only when a query editor shows). What the files weigh is tests/integration/bundle-size.test.ts.
 */
import { expect } from 'chai';
import type { PromDashboard, PromPanel } from '@promkit/elements';
import { painted, panelsIn } from './panel-probes.js';
import { prometheusUpFor } from './prometheus-age.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
type PageWindow = Window & { __errors: string[] };

async function until<T>(probe: () => T | undefined | null | false, what: string, shown: () => string = () => ''): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} ${shown()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The chunked build's files the page has requested, by module name (`chunks/echarts.HASH.js` → `echarts`). */
function requested(win: Window): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.includes('/dist/cdn/'))
    .map((path) => path.split('/').pop()!.split('.')[0]!)
    .sort();
}

describe('the chunked script tag', () => {
  it('loads chart code when the first chart draws, markdown, gauges and the builder only when used', async function () {
    this.timeout(60_000);
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:1000px;height:900px;border:0';
    frame.src = '/tests/browser/fixtures/chunked/index.html';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as PageWindow;
    const doc = frame.contentDocument!;
    await until(() => win.customElements.get('prom-dashboard'), 'the elements registered');
    const lazy = ['echarts', 'echarts-bar', 'echarts-gauge', 'echarts-heatmap', 'echarts-marks', 'echarts-pie', 'markdown', 'parse', 'promkit-builder', 'editor-code'];
    expect(requested(win).filter((name) => lazy.includes(name)), 'before any panel has data').to.deep.equal([]);

    // A panel's range ends on its last whole step: a younger Prometheus has no sample in it yet.
    await prometheusUpFor(20);
    const series = doc.getElementById('series') as PromPanel;
    const stat = doc.getElementById('stat') as PromPanel;
    series.setAttribute('query', 'prometheus_tsdb_head_series');
    stat.setAttribute('query', 'count(up)');
    for (const panel of [series, stat]) panel.setAttribute('url', url);
    await until(() => painted(series), 'the time series painted', () => JSON.stringify(series.results.map((r) => ({ e: r.error?.message, n: r.frames.length, t: r.timing }))));
    await until(() => stat.shadowRoot?.querySelector('.stat-value')?.textContent?.trim(), 'the stat value');
    const atFirstChart = requested(win);
    expect(atFirstChart, 'the chart code').to.include('echarts');
    expect(atFirstChart, 'the PromQL check before sending').to.include('parse');
    expect(atFirstChart.filter((name) => lazy.includes(name) && name !== 'echarts' && name !== 'parse'), 'only the chart base and the parser').to.deep.equal([]);

    // A text panel brings the markdown renderer, a gauge its chart part.
    stat.spec = { type: 'text', title: 'Notes', options: { mode: 'markdown', content: '**Runbook**: [docs](https://prometheus.io/docs/)' } } as PromPanel['spec'];
    await until(() => stat.shadowRoot?.querySelector('.markdown strong')?.textContent === 'Runbook', 'the markdown drawn');
    series.setAttribute('type', 'gauge');
    series.setAttribute('query', 'count(up)');
    await until(() => requested(win).includes('echarts-gauge') && painted(series), 'the gauge painted');
    expect(requested(win)).to.include('markdown');
    expect(requested(win), 'no builder yet').to.not.include('promkit-builder');

    // Edit mode loads the builder from the script's folder.
    const board = doc.getElementById('board') as PromDashboard;
    board.setAttribute('url', url);
    board.dashboard = { schemaVersion: 1, title: 'Board', panels: [{ id: 1, type: 'stat', title: 'Up', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'count(up)' }] }] } as PromDashboard['dashboard'];
    const edit = await until(() => board.shadowRoot?.querySelector<HTMLButtonElement>('[part~="edit-button"]'), 'the Edit button');
    edit.click();
    const editor = await until(() => board.shadowRoot?.querySelector('prom-dashboard-editor')?.shadowRoot, 'the editor drawn');
    expect(editor.childNodes.length).to.be.greaterThan(0);
    expect(requested(win)).to.include('promkit-builder');
    expect(requested(win), 'CodeMirror waits for a query editor').to.not.include('editor-code');
    expect(panelsIn(board.shadowRoot!).length).to.equal(1);

    // A query editor loads CodeMirror when it shows; until it arrives its box shows the query as text.
    const query = doc.createElement('prom-query-editor') as HTMLElement & { value: string; updateComplete: Promise<boolean> };
    query.value = 'sum(rate(up[5m]))';
    doc.body.append(query);
    const pending = await until(() => query.shadowRoot?.querySelector('.pending'), 'the query as text while CodeMirror loads');
    expect(pending.textContent).to.equal('sum(rate(up[5m]))');
    expect(query.shadowRoot!.querySelector('.cm-editor')).to.equal(null);
    await query.updateComplete;
    expect(requested(win)).to.include('editor-code');
    expect(query.shadowRoot!.querySelector('.cm-content')?.textContent).to.equal('sum(rate(up[5m]))');
    expect(query.shadowRoot!.querySelector('.pending'), 'the text gives way to the editor').to.equal(null);
    expect(win.__errors).to.deep.equal([]);
    frame.remove();
  });
});
