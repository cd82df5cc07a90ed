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
      frame.style.height = id.includes('dashboard--') ? '1400px' : '640px';
      for (const theme of ['light', 'dark']) {
        const doc = await show(frame, id, theme);
        const where = `${id} (${theme})`;
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
      if (id.startsWith('elements-controls--')) {
        const control = doc.querySelector('#storybook-root prom-time-range, #storybook-root prom-refresh-picker, #storybook-root prom-variable');
        return control?.shadowRoot?.childElementCount ? [] : ['the control did not render'];
      }
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
