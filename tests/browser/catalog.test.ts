/**
 * The built Storybook catalog (storybook-static, built by the test run): every story renders in
 * light and dark from the recorded answers, shows data where it should, and shows its state
 * (loading, unreachable, invalid) where that is the point. Screenshots go to test-output.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import type { PromPanel } from '@promkit/elements';
import { painted, panelsIn } from './panel-probes.js';

interface IndexEntry {
  id: string;
  type: string;
}


const busy = (p: PromPanel) => p.shadowRoot!.querySelector('[aria-busy="true"]') !== null;
const alertText = (p: PromPanel) => p.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
const titleOf = (p: PromPanel) => p.shadowRoot!.querySelector('[part="title"]')?.textContent ?? '(untitled)';

/** Loads a story in the frame and waits until no panel is loading (or `wait` ms for loading stories). */
async function show(frame: HTMLIFrameElement, id: string, theme: string): Promise<Document> {
  frame.src = `/storybook-static/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`;
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const doc = frame.contentDocument!;
  const deadline = Date.now() + 20_000;
  let quietSince = 0;
  while (Date.now() < deadline) {
    const rendered = doc.querySelector('#storybook-root > *') !== null || doc.body.classList.contains('sb-show-errordisplay');
    const loading = panelsIn(doc).some(busy);
    quietSince = rendered && !loading ? quietSince || Date.now() : 0;
    if (quietSince && Date.now() - quietSince > 300) break;
    // Loading stories never finish: two seconds of loading is the state to check.
    if (id.endsWith('--loading') && rendered && Date.now() > deadline - 18_000) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  // A panel that has its data may still wait for its chart code, then for its turn to draw (charts are made in turns): its update covers both.
  if (!id.endsWith('--loading')) {
    await Promise.all(panelsIn(doc).map((p) => p.updateComplete));
    await new Promise((r) => frame.contentWindow!.requestAnimationFrame(() => frame.contentWindow!.requestAnimationFrame(r)));
  }
  return doc;
}

describe('Storybook catalog', () => {
  it('renders every story in light and dark, with data or the state it shows', async function () {
    this.timeout(600_000);
    const index = (await (await fetch('/storybook-static/index.json')).json()) as { entries: Record<string, IndexEntry> };
    const stories = Object.values(index.entries).filter((e) => e.type === 'story');
    expect(stories.length).to.be.greaterThan(30);

    const frame = document.createElement('iframe');
    frame.id = 'catalog';
    frame.style.cssText = 'width:1200px;height:900px;border:0';
    document.body.append(frame);
    const problems: string[] = [];
    for (const { id } of stories) {
      frame.style.height = id.includes('dashboard--') ? '1400px' : id.startsWith('builder-query--builder') ? '1700px' : '640px';
      for (const theme of ['light', 'dark']) {
        const doc = await show(frame, id, theme);
        const where = `${id} (${theme})`;
        if (id.startsWith('builder-prom-dashboard--') && !(await editStateReached(id, doc))) {
          problems.push(`${where}: the story's edit state never showed (${editState(id, doc)})`);
          continue;
        }
        if (id.startsWith('builder-query--')) await queryStateReached(id, doc);
        if (doc.body.classList.contains('sb-show-errordisplay')) {
          problems.push(`${where}: Storybook shows an error: ${doc.querySelector('#error-message')?.textContent}`);
          continue;
        }
        problems.push(...checkStory(id, doc).map((p) => `${where}: ${p}`));
        await executeServerCommand('screenshot', { selector: '#catalog', name: `catalog-${id}-${theme}` });
      }
    }
    expect(problems).to.deep.equal([]);
  });
});

/** What is wrong with a rendered story, by what the story is for. */
function checkStory(id: string, doc: Document): string[] {
  const panels = panelsIn(doc);
  const story = id.split('--')[1]!;
  switch (story) {
    case 'loading':
      return panels.length > 0 && panels.every(busy) ? [] : ['its panels should be loading'];
    case 'prometheus-unreachable':
      return /503|unavailable|reach/i.test(panels.map(alertText).join(' ')) ? [] : [`should say Prometheus is unavailable, says "${panels.map(alertText)}"`];
    case 'invalid-query':
      return /parse|syntax|unclosed|expected/i.test(panels.map(alertText).join(' ')) ? [] : [`should name the syntax error, says "${panels.map(alertText)}"`];
    case 'invalid-spec':
      return /refId|expr/.test(panels.map(alertText).join(' ')) ? [] : [`should name the invalid settings, says "${panels.map(alertText)}"`];
    case 'invalid-definition': {
      const problems = [...doc.querySelector('prom-dashboard')!.shadowRoot!.querySelectorAll('[part="problems"] li')].map((li) => li.textContent);
      return problems.some((p) => p?.startsWith('panels[0]')) ? [] : [`should list problems with paths, lists ${JSON.stringify(problems)}`];
    }
    case 'no-data':
      return panels[0]?.shadowRoot!.textContent?.includes('No data') ? [] : ['should say "No data"'];
    default: {
      if (id.startsWith('builder-prom-dashboard--')) return [...editProblems(doc), ...dataProblems(panels)];
      if (id.startsWith('builder-query--')) return queryProblems(id, doc);
      if (id.startsWith('elements-controls--')) {
        const control = doc.querySelector('#storybook-root prom-time-range, #storybook-root prom-refresh-picker, #storybook-root prom-variable');
        return control?.shadowRoot?.childElementCount ? [] : ['the control did not render'];
      }
      return dataProblems(panels);
    }
  }
}

/** Panels that show an error, a blank chart or no data where they should have some. */
function dataProblems(panels: PromPanel[]): string[] {
  const out: string[] = [];
  if (panels.length === 0) out.push('no panels');
  for (const p of panels) {
    if (alertText(p)) out.push(`"${titleOf(p)}" shows an error: ${alertText(p)}`);
    if (p.shadowRoot!.querySelector('.canvas') && !painted(p)) out.push(`"${titleOf(p)}" has a blank chart`);
    // A panel with a noValue text says an empty answer is a normal state (no alerts firing).
    const emptyIsFine = p.spec?.fieldConfig?.defaults?.noValue !== undefined;
    const empty = p.results.filter((r) => !r.error && r.frames.length === 0 && !emptyIsFine);
    if (empty.length) out.push(`"${titleOf(p)}" got no data for ${empty.map((r) => r.refId)}`);
  }
  return out;
}

// —— the edit-mode stories (stories/dashboard-edit.stories.ts) ——

const dashboardIn = (doc: Document) => doc.querySelector<HTMLElement & { editing: boolean; dashboard: { panels: { id: number; type: string }[] } }>('#storybook-root prom-dashboard');
const editorRoot = (doc: Document) => dashboardIn(doc)?.shadowRoot?.querySelector('prom-dashboard-editor')?.shadowRoot ?? null;
const liveText = (doc: Document) => editorRoot(doc)?.querySelector('[aria-live]')?.textContent?.trim() ?? '';
const drawerDialog = (doc: Document) => editorRoot(doc)?.querySelector('prom-panel-drawer')?.shadowRoot?.querySelector('dialog') ?? null;

/** What each edit story's play function leads to, as the page shows it ('' once it shows). */
function editState(id: string, doc: Document): string {
  const story = id.split('--')[1]!;
  if (story === 'picked-up-by-keyboard') {
    const live = liveText(doc);
    return live === '“Requests by status”: column 2, row 6, 12 wide, 8 high.' ? '' : `the live region says "${live}"`;
  }
  if (story === 'panel-drawer') {
    const dialog = drawerDialog(doc);
    const editor = dialog?.querySelector<HTMLElement & { panel?: { title?: string } }>('prom-panel-editor');
    if (!dialog?.open || !editor) return 'no open drawer with a panel editor';
    const preview = panelsIn(editor.shadowRoot!);
    return editor.panel?.title === 'Requests by status' && preview.length === 1 && !busy(preview[0]!) ? '' : `the drawer edits "${editor.panel?.title}", its preview ${preview.length ? 'is loading' : 'is missing'}`;
  }
  return editorRoot(doc) ? '' : 'no <prom-dashboard-editor>';
}

/** Waits (up to 15 s) for the story's edit state, then for its panels to finish loading. */
async function editStateReached(id: string, doc: Document): Promise<boolean> {
  const deadline = Date.now() + 15_000;
  while (editState(id, doc) !== '' || panelsIn(doc).some(busy)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/** Edit mode as every edit story shows it: the editor, and each panel framed with its handles. */
function editProblems(doc: Document): string[] {
  const d = dashboardIn(doc)!;
  const out: string[] = [];
  if (!d.editing || !d.hasAttribute('editing')) out.push('the dashboard is not editing');
  const toolbar = editorRoot(doc)?.querySelector('[part="toolbar"]');
  if (!toolbar?.querySelector('.add-panel') || !toolbar.querySelector('.undo')) out.push('no edit toolbar with Add panel and Undo');
  const ids = d.dashboard.panels.filter((p) => p.type !== 'row').map((p) => p.id);
  const frames = [...d.shadowRoot!.querySelectorAll<HTMLElement>('prom-edit-frame')];
  const framed = frames.map((f) => Number(f.dataset['panelId']));
  if (JSON.stringify([...framed].sort((a, b) => a - b)) !== JSON.stringify([...ids].sort((a, b) => a - b))) out.push(`frames for panels ${framed}, expected ${ids}`);
  for (const f of frames) {
    const missing = ['drag-handle', 'resize-handle', 'panel-menu-button'].filter((part) => !f.shadowRoot?.querySelector(`[part="${part}"]`));
    if (missing.length) out.push(`panel ${f.dataset['panelId']} has no ${missing.join(', ')}`);
  }
  return out;
}

// —— the query-editing stories (stories/query.stories.ts): no panels, each element's own data ——

/** The shadow root of the story's element. */
const shadowOf = (doc: Document, tag: string) => doc.querySelector(`#storybook-root ${tag}`)?.shadowRoot ?? null;
const textOf = (root: ParentNode | null, selector: string) => root?.querySelector(selector)?.textContent?.trim() ?? '';

/** What is wrong with a query story as it shows now, by element and story ([] once it shows what it is for). */
function queryProblems(id: string, doc: Document): string[] {
  const story = id.split('--')[1]!;
  if (story.startsWith('editor')) return editorProblems(story, shadowOf(doc, 'prom-query-editor'));
  if (story.startsWith('builder')) return builderProblems(story, shadowOf(doc, 'prom-query-builder'));
  if (story.startsWith('metrics-explorer')) return explorerProblems(story, shadowOf(doc, 'prom-metrics-explorer'));
  if (story.startsWith('explain')) return explainProblems(story, shadowOf(doc, 'prom-query-explain'));
  return [`no check for the query story "${story}"`];
}

function editorProblems(story: string, root: ShadowRoot | null): string[] {
  if (!root?.querySelector('.cm-content')) return ['the editor did not render'];
  const out: string[] = [];
  const colours = new Set([...root.querySelectorAll('.cm-line span')].map((s) => getComputedStyle(s).color));
  if (colours.size < 3) out.push(`the query shows ${colours.size} syntax colours, expected several`);
  const problem = textOf(root, '.problem');
  if (story === 'editor-lint-error') {
    if (!problem.startsWith('Error:') || !root.querySelector('.cm-lintRange-error, .cm-lintPoint-error')) out.push(`should underline and name the syntax error, says "${problem}"`);
  } else if (problem) out.push(`should show no lint problem, shows "${problem}"`);
  const unavailable = textOf(root, '.hint');
  if (unavailable) out.push(unavailable);
  if (story === 'editor-test-run') {
    const result = root.querySelector('[part="result"]');
    if (!result?.classList.contains('found')) out.push(`Test should find series, shows "${result?.textContent?.replace(/\s+/g, ' ').trim() ?? 'nothing'}"`);
  }
  return out;
}

function builderProblems(story: string, root: ShadowRoot | null): string[] {
  if (!root?.querySelector('[part="preview"]')) return ['the builder did not render'];
  const out: string[] = [];
  const about = textOf(root, '#metric-about');
  if (/Loading|could not be loaded/.test(about)) out.push(`metric names: "${about}"`);
  const alert = textOf(root, '[role="alert"]');
  if (alert) out.push(`shows a problem: ${alert}`);
  const preview = textOf(root, '[part="preview"]');
  const patterns = [...root.querySelectorAll<HTMLButtonElement>('#patterns .pattern')];
  if (story === 'builder') {
    const shown = { filters: root.querySelectorAll('.filter').length, operations: root.querySelectorAll('.card.op').length, binaries: root.querySelectorAll('.card.binary').length };
    if (shown.filters < 2 || shown.operations < 2 || shown.binaries !== 1) out.push(`shows ${JSON.stringify(shown)}, expected filters, operations and a binary query`);
    if (!root.querySelector('.about .type')) out.push(`the metric's type is not shown ("${about}")`);
    if (!preview.includes(' / ')) out.push(`the preview shows "${preview}"`);
  } else if (story === 'builder-empty') {
    if (!textOf(root, '.preview-block [role="status"]').startsWith('To run it')) out.push('an empty query should say what it needs to run');
    if (patterns.length === 0) out.push('the starter patterns are not open');
  } else if (story === 'builder-patterns') {
    if (patterns.length === 0 || patterns.some((p) => p.disabled)) out.push(`expected starter patterns ready to apply, ${patterns.length} shown`);
    if (!root.querySelector('.about .type')) out.push(`the metric's type is not shown ("${about}")`);
  }
  return out;
}

function explorerProblems(story: string, root: ShadowRoot | null): string[] {
  if (!root) return ['the explorer did not render'];
  const out: string[] = [];
  const options = root.querySelectorAll('[role="option"]').length;
  const state = textOf(root, '.state') || textOf(root, '.notice');
  if (state) out.push(`shows "${state}"`);
  if (story === 'metrics-explorer' && options < 20) out.push(`lists ${options} metrics`);
  if (story === 'metrics-explorer-filtered' && (options === 0 || !root.querySelector('mark'))) out.push(`lists ${options} marked matches`);
  if (options > 0 && !root.querySelector('.option .type:not(.unknown)')) out.push('no metric shows its type');
  return out;
}

function explainProblems(story: string, root: ShadowRoot | null): string[] {
  if (!root?.querySelector('[role="tree"]')) return [`no tree of parts (${textOf(root, '.state') || 'nothing'})`];
  const out: string[] = [];
  if (root.querySelector('.spinner')) out.push('parts are still running');
  const failed = [...root.querySelectorAll('.failed .error-text')].map((e) => e.textContent);
  if (failed.length) out.push(`parts failed: ${failed.join('; ')}`);
  const origins = [...root.querySelectorAll('.origin > .row .label')].map((e) => e.textContent);
  if (story === 'explain' && origins.length) out.push(`series are lost at ${origins.join(', ')}`);
  if (story === 'explain-series-lost' && JSON.stringify(origins) !== '[">"]') out.push(`should mark the comparison as where series are lost, marks ${JSON.stringify(origins)}`);
  return out;
}

/** Waits (up to 15 s) for the query story to show what it is for; the editor's lint gets its delay first. */
async function queryStateReached(id: string, doc: Document): Promise<void> {
  const start = Date.now();
  const minimum = id.includes('--editor') ? 800 : 0;
  while (Date.now() - start < 15_000) {
    if (Date.now() - start >= minimum && queryProblems(id, doc).length === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Storybook controls of a story built from a spec', () => {
  it('start from that spec and edit it', async function () {
    this.timeout(60_000);
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:900px;height:500px;border:0';
    document.body.append(frame);
    try {
      const id = 'elements-prom-panel--stacked-area';
      const plain = await show(frame, id, 'light');
      expect(panelsIn(plain).map(titleOf)).to.deep.equal(['Events ingested by table']);
      // A control set through the URL, as the controls panel sets it: the spec shown changes with it.
      frame.src = `/storybook-static/iframe.html?id=${id}&viewMode=story&args=title:Edited+in+the+controls;legendFormat:by+table`;
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const doc = frame.contentDocument!;
      for (let i = 0; i < 100 && !panelsIn(doc).some((p) => titleOf(p) === 'Edited in the controls'); i++) await new Promise((r) => setTimeout(r, 100));
      const panel = panelsIn(doc)[0]!;
      expect(titleOf(panel)).to.equal('Edited in the controls');
      expect(panel.spec?.targets?.[0]?.legendFormat).to.equal('by table');
      expect(panel.spec?.fieldConfig?.defaults?.custom?.stacking?.mode, 'the rest of the spec stays').to.equal('normal');
    } finally {
      frame.remove();
    }
  });
});
