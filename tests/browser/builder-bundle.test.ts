/**
 * promkit-builder.min.js after promkit.min.js in a plain page (tests/browser/fixtures/builder-bundle):
 * it registers the editing elements, adds its classes to window.promkit without replacing what
 * the viewer put there, and edit mode works on two dashboards against the real Prometheus. Alone,
 * it stops with an error that says to load promkit.min.js first.
 */
import { expect } from 'chai';

const url = window.__PROMKIT_TEST__.prometheusUrl;
type PageWindow = Window & { promkit?: Record<string, unknown>; __viewerBefore?: Record<string, unknown>; __errors?: string[] };

async function open(page: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1200px;height:900px;border:0';
  frame.src = page;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

async function until<T>(probe: () => T | undefined | null | false, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('promkit-builder.min.js', () => {
  it('after promkit.min.js: registers the builder, keeps the viewer, and edit mode works on two dashboards', async function () {
    this.timeout(60_000);
    const frame = await open('/tests/browser/fixtures/builder-bundle/index.html');
    const win = frame.contentWindow as PageWindow;
    expect(win.__errors).to.deep.equal([]);
    for (const tag of ['prom-dashboard-editor', 'prom-panel-editor', 'prom-edit-frame', 'prom-panel-drawer']) expect(win.customElements.get(tag), tag).to.not.equal(undefined);
    expect(typeof win.promkit!['PromPanelEditor']).to.equal('function');
    expect(typeof win.promkit!['PromDashboardEditor']).to.equal('function');
    // Nothing the viewer exposed was replaced.
    for (const [name, value] of Object.entries(win.__viewerBefore!)) expect(win.promkit![name] === value, name).to.equal(true);
    for (const id of ['one', 'two']) {
      const dashboard = frame.contentDocument!.getElementById(id) as HTMLElement & { dashboard: unknown; editing: boolean; updateComplete: Promise<boolean> };
      dashboard.setAttribute('url', url);
      dashboard.dashboard = { schemaVersion: 1, title: `Board ${id}`, panels: [{ id: 1, type: 'stat', title: 'Up', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'count(up)' }] }] };
      const edit = await until(() => dashboard.shadowRoot?.querySelector<HTMLButtonElement>('[part~="edit-button"]'), `${id}: Edit button`);
      edit.click();
      const editor = await until(() => dashboard.shadowRoot?.querySelector('prom-dashboard-editor'), `${id}: the editor`);
      expect(editor.shadowRoot, `${id}: the editor rendered`).to.not.equal(null);
    }
    expect(win.__errors).to.deep.equal([]);
    frame.remove();
  });

  it('alone: stops with an error saying to load promkit.min.js first', async () => {
    const frame = await open('/tests/browser/fixtures/builder-bundle/alone.html');
    const win = frame.contentWindow as PageWindow;
    expect(win.__errors!.join('\n')).to.contain('load promkit.min.js first');
    expect(win.customElements.get('prom-panel-editor')).to.equal(undefined);
    frame.remove();
  });
});
