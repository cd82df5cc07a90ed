/** <prom-variables-editor> in Chromium against the real Prometheus: edits fire exact definitions, the preview shows real values and problems. */
import { expect } from 'chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { parseDashboard, validateDashboard, type Dashboard } from '@promkit/core';
import type { PromVariablesEditor } from './variables-editor.component.js';
import type { PromDefinitionChangeEvent } from '../../events/definition-change-event.js';
import './variables-editor.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const RANGE = '2023-11-14T22:00:00Z,2023-11-14T23:00:00Z';

const start = (): Dashboard =>
  parseDashboard({
    schemaVersion: 1,
    title: 'Vars',
    datasources: [{ name: 'main', url, default: true }],
    variables: [
      { type: 'query', name: 'room', query: 'label_values(promkit_temperature_celsius, room)' },
      { type: 'custom', name: 'size', query: 'small,large' },
    ],
    panels: [{ id: 1, type: 'stat', title: 'In $room', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'promkit_temperature_celsius{room="$room"}' }] }],
  });

const stage = document.createElement('div');
document.body.append(stage);
afterEach(() => stage.replaceChildren());

const root = (el: PromVariablesEditor) => el.shadowRoot!;
const q = <T extends HTMLElement = HTMLElement>(el: PromVariablesEditor, selector: string): T => {
  const found = root(el).querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
/** Each listed variable's name as shown (`$room`): the name's own text, without its problem marker. */
const names = (el: PromVariablesEditor) =>
  [...root(el).querySelectorAll('.item .name')].map((n) => [...n.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join('').trim());
const chips = (el: PromVariablesEditor) => [...root(el).querySelectorAll('.preview .values li')].map((n) => n.textContent!.trim());

/** Waits until the preview is resolved and `check` holds. */
async function until(el: PromVariablesEditor, check: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 400; tries++) {
    await el.updateComplete;
    if (q(el, '[part="preview"]').getAttribute('aria-busy') === 'false' && el._resolved && check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function editor(d: Dashboard = start(), width = 1000, theme?: 'light' | 'dark'): Promise<PromVariablesEditor> {
  const el = document.createElement('prom-variables-editor');
  el.style.width = `${width}px`;
  el.range = RANGE;
  el.dashboard = d;
  if (theme) el.theme = theme;
  stage.append(el);
  await until(el, () => true, 'the first preview');
  return el;
}

/** Runs `act`; returns the dashboards of the `prom-definition-change` events it fired (each valid). */
async function changes(el: PromVariablesEditor, act: () => void | Promise<void>): Promise<Dashboard[]> {
  const seen: Dashboard[] = [];
  const on = (e: PromDefinitionChangeEvent) => seen.push(e.detail.dashboard);
  el.addEventListener('prom-definition-change', on);
  await act();
  await el.updateComplete;
  el.removeEventListener('prom-definition-change', on);
  for (const d of seen) expect(validateDashboard(d).ok).to.equal(true);
  return seen;
}

function enter(c: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
  c.value = value;
  c.dispatchEvent(new Event('input', { bubbles: true }));
  c.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<prom-variables-editor>', () => {
  it('previews the real label values of the selected variable, and a short preview per variable', async () => {
    const el = await editor();
    expect(names(el)).to.deep.equal(['$room', '$size']);
    expect(chips(el)).to.deep.equal(['lab', 'office']);
    expect([...root(el).querySelectorAll('.item .values')].map((n) => n.textContent)).to.deep.equal(['lab, office', 'small, large']);
    expect(el.value).to.deep.equal(start());
    expect(el.problems).to.deep.equal([]);
  });

  it('adds each type, edits, reorders and removes, firing the exact definition', async () => {
    const el = await editor();
    const types = ['query', 'custom', 'constant', 'textbox', 'interval', 'datasource'] as const;
    for (const type of types) {
      const [added] = await changes(el, () => {
        enter(q<HTMLSelectElement>(el, '#add-type'), type);
        q(el, 'button.add').click();
      });
      expect(added!.variables.at(-1)!.type).to.equal(type);
      expect(added!.variables.at(-1)!.name).to.equal(`${type}1`);
      // The new one is selected, its name field focused.
      expect(root(el).activeElement?.id).to.equal('f-name');
    }
    expect(names(el)).to.deep.equal(['$room', '$size', ...types.map((t) => `$${t}1`)]);
    // Edit the custom one's values: the preview shows them.
    q<HTMLButtonElement>(el, '[data-id] .select').click();
    [...root(el).querySelectorAll<HTMLButtonElement>('.item .select')][3]!.click();
    await el.updateComplete;
    const [edited] = await changes(el, () => enter(q<HTMLTextAreaElement>(el, '#f-query'), 'red,green,blue'));
    expect(edited!.variables[3]).to.deep.equal({ name: 'custom1', type: 'custom', hide: 'none', multi: false, includeAll: false, query: 'red,green,blue' });
    await until(el, () => chips(el).join() === 'red,green,blue', 'the custom values');
    // Multi and include All, then an all value.
    const [multi] = await changes(el, () => q<HTMLInputElement>(el, '#f-multi').click());
    expect(multi!.variables[3]).to.deep.include({ multi: true });
    await changes(el, () => q<HTMLInputElement>(el, '#f-includeAll').click());
    const [all] = await changes(el, () => enter(q<HTMLInputElement>(el, '#f-allValue'), '.*'));
    expect(all!.variables[3]).to.deep.equal({ name: 'custom1', type: 'custom', hide: 'none', multi: true, includeAll: true, allValue: '.*', query: 'red,green,blue' });
    // Move it up by the button, then by Alt+ArrowUp: focus stays with it.
    const [moved] = await changes(el, () => q<HTMLButtonElement>(el, '[data-id] .up').click() /* first is disabled: no-op */);
    expect(moved).to.equal(undefined);
    const [up] = await changes(el, () => [...root(el).querySelectorAll<HTMLButtonElement>('.item .up')][3]!.click());
    expect(up!.variables.map((v) => v.name)).to.deep.equal(['room', 'size', 'custom1', 'query1', 'constant1', 'textbox1', 'interval1', 'datasource1']);
    [...root(el).querySelectorAll<HTMLButtonElement>('.item .select')][2]!.focus();
    const [keyed] = await changes(el, () => (async () => { await sendKeys({ down: 'Alt' }); await sendKeys({ press: 'ArrowUp' }); await sendKeys({ up: 'Alt' }); })());
    expect(keyed!.variables.map((v) => v.name).slice(0, 3)).to.deep.equal(['room', 'custom1', 'size']);
    // Remove the interval variable.
    const [removed] = await changes(el, () => [...root(el).querySelectorAll<HTMLButtonElement>('.item .remove')][6]!.click());
    expect(removed!.variables.map((v) => v.name)).to.deep.equal(['room', 'custom1', 'size', 'query1', 'constant1', 'textbox1', 'datasource1']);
    expect(el.value).to.equal(removed);
  });

  it('a broken query, a regex that does not compile and a cycle each show their problem', async () => {
    const el = await editor();
    await changes(el, () => enter(q<HTMLTextAreaElement>(el, '#f-query'), 'label_values('));
    await until(el, () => root(el).querySelector('.variable-problem') !== null, 'the broken query problem');
    expect(q(el, '.variable-problem').textContent).to.match(/Cannot work:.*not a variable query/s);
    expect(q(el, '.item.selected').className).to.contain('problem-invalid');
    await changes(el, () => enter(q<HTMLTextAreaElement>(el, '#f-query'), 'label_values(promkit_temperature_celsius, room)'));
    await changes(el, () => enter(q<HTMLInputElement>(el, '#f-regex'), '('));
    await until(el, () => /does not compile/.test(root(el).querySelector('.variable-problem')?.textContent ?? ''), 'the regex problem');
    await changes(el, () => enter(q<HTMLInputElement>(el, '#f-regex'), ''));
    await changes(el, () => enter(q<HTMLTextAreaElement>(el, '#f-query'), 'label_values(promkit_temperature_celsius{x="$size"}, room)'));
    [...root(el).querySelectorAll<HTMLButtonElement>('.item .select')][1]!.click();
    await el.updateComplete;
    expect(q<HTMLTextAreaElement>(el, '#f-query').value).to.equal('small,large');
    await changes(el, () => enter(q<HTMLTextAreaElement>(el, '#f-query'), '$room,x'));
    await until(el, () => /cycle/.test(root(el).querySelector('.variable-problem')?.textContent ?? ''), `the cycle (shown: ${root(el).querySelector('[part="preview"]')?.textContent?.replace(/\s+/g, ' ')})`);
    expect(q(el, '.variable-problem').textContent).to.contain('$size → $room → $size');
    expect([...root(el).querySelectorAll('.item')].every((i) => i.className.includes('problem-cycle'))).to.equal(true);
    // Announced.
    expect(q(el, '[aria-live]').textContent).to.match(/cycle/);
  });

  it('a refused entry stays in its field with its problem; value is undefined until fixed', async () => {
    const el = await editor();
    const seen = await changes(el, () => enter(q<HTMLTextAreaElement>(el, '#f-query'), ''));
    expect(seen).to.deep.equal([]);
    expect(el.value).to.equal(undefined);
    expect(el.problems).to.deep.equal([{ path: 'variables[0].query', message: 'must have at least 1 character' }]);
    expect(q<HTMLTextAreaElement>(el, '#f-query').getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#f-query-note').textContent).to.contain('at least 1 character');
    await changes(el, () => enter(q<HTMLInputElement>(el, '#f-name'), 'size'));
    expect(q(el, '#f-name-note').textContent).to.contain('"size" is the name of variables[1]');
    await changes(el, () => enter(q<HTMLInputElement>(el, '#f-name'), 'room'));
    const [fixed] = await changes(el, () => enter(q<HTMLTextAreaElement>(el, '#f-query'), 'label_values(room)'));
    expect(el.value).to.equal(fixed);
    expect(el.problems).to.deep.equal([]);
  });

  it('rename rewrites the panel\'s expression and title', async () => {
    const el = await editor();
    const [renamed] = await changes(el, () => enter(q<HTMLInputElement>(el, '#f-name'), 'place'));
    const panel = renamed!.panels[0]!;
    expect(panel).to.deep.include({ title: 'In $place' });
    expect(panel.type !== 'row' && panel.targets[0]!.expr).to.equal('promkit_temperature_celsius{room="$place"}');
    expect(names(el)).to.deep.equal(['$place', '$size']);
  });

  it('removing a variable a panel repeats by is refused and says why', async () => {
    const d = start();
    const el = await editor({ ...d, panels: [{ ...d.panels[0]!, repeat: 'room' }] });
    const seen = await changes(el, () => q<HTMLButtonElement>(el, '.item .remove').click());
    expect(seen).to.deep.equal([]);
    expect(q(el, '.notice').textContent).to.match(/Cannot remove \$room: panels\[0\]\.repeat/);
  });

  it('screenshots: light and dark, 1000px and 380px', async () => {
    const d = start();
    const showcase = {
      ...d,
      variables: [
        ...d.variables,
        { type: 'query' as const, name: 'combo', query: 'query_result(promkit_combo)', regex: '/b="(b\\d)"/', hide: 'none' as const, multi: true, includeAll: true, sort: 'alpha-asc' as const, refresh: 'load' as const },
        { type: 'query' as const, name: 'broken', query: 'label_values(', hide: 'none' as const, multi: false, includeAll: false, sort: 'none' as const, refresh: 'load' as const },
        { type: 'interval' as const, name: 'step', query: '1m,5m,1h', auto: true, autoCount: 30, autoMin: '10s', hide: 'none' as const },
      ],
    };
    for (const [theme, width] of [['light', 1000], ['dark', 1000], ['light', 380], ['dark', 380]] as const) {
      const el = await editor(showcase, width, theme);
      const name = `variables-editor-${theme}-${width}`;
      el.id = name;
      document.body.style.background = theme === 'dark' ? '#0d1117' : '#fff';
      await executeServerCommand('screenshot', { selector: `#${name}`, name });
      [...root(el).querySelectorAll<HTMLButtonElement>('.item .select')][2]!.click();
      await until(el, () => true, 'combo');
      await executeServerCommand('screenshot', { selector: `#${name}`, name: `${name}-query` });
      stage.replaceChildren();
    }
    document.body.style.background = '';
  });
});
