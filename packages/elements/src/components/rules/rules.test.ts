/**
 * <prom-rules> in Chromium against the real Prometheus, which runs a recording rule, an alert
 * that always fires and a rule that fails on every evaluation: groups and states as the server
 * says, the failing rule's error, active alerts, filter and show, type asked of the server,
 * refresh, an unreachable server with Retry, and screenshots.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { PrometheusClient } from '@promkit/core';
import type { PromRules } from './rules.component.js';
import './rules.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;

const stage = document.createElement('div');
document.body.append(stage);
afterEach(() => stage.replaceChildren());

async function until<T>(probe: () => T | undefined | null | false, what: string, tries = 500): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The server's own rules answer, once the failing rule has failed and the alert fires. */
async function serverRules(): Promise<{ name: string; rules: { name: string; health: string; lastError?: string; state?: string }[] }[]> {
  for (let i = 0; i < 200; i++) {
    const body = await (await fetch(`${url}/api/v1/rules`)).json();
    const rules = body.data.groups.flatMap((g: { rules: { lastError?: string; state?: string }[] }) => g.rules);
    if (rules.some((r: { lastError?: string }) => r.lastError) && rules.some((r: { state?: string }) => r.state === 'firing')) return body.data.groups;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the server never evaluated its rules');
}

async function rulesView(setup: (el: PromRules) => void = (el) => (el.url = url), width = 720, theme = 'light'): Promise<PromRules> {
  const el = document.createElement('prom-rules');
  setup(el);
  el.setAttribute('theme', theme);
  el.style.width = `${width}px`;
  stage.append(el);
  await el.updateComplete;
  return el;
}

const root = (el: PromRules) => el.shadowRoot!;
const loaded = (el: PromRules) => until(() => root(el).querySelector('[part="group"]') ?? root(el).querySelector('.state.error'), 'the rules');
const ruleRow = (el: PromRules, name: string) => [...root(el).querySelectorAll('[part="rule"]')].find((r) => r.querySelector('.name')!.textContent === name);
const badge = (el: PromRules, name: string) => ruleRow(el, name)?.querySelector('.badge')?.textContent;
const shownRules = (el: PromRules) => [...root(el).querySelectorAll('[part="rule"] .name')].map((n) => n.textContent);

describe('<prom-rules>', () => {
  it('shows each group and rule as the server reports them: OK, Firing with its alert, and the failing rule\'s error', async () => {
    const groups = await serverRules();
    const el = await rulesView();
    await loaded(el);
    expect([...root(el).querySelectorAll('[part="group"] h3')].map((h) => h.textContent)).to.deep.equal(groups.map((g) => g.name));
    expect(shownRules(el)).to.deep.equal(groups.flatMap((g) => g.rules.map((r) => r.name)));
    expect(badge(el, 'promkit:live_requests:sum')).to.equal('OK');
    expect(badge(el, 'PromkitAlwaysFiring')).to.equal('Firing');
    expect(badge(el, 'promkit:failing:duplicate')).to.equal('Error');
    const serverError = groups.flatMap((g) => g.rules).find((r) => r.lastError)!.lastError!;
    expect(ruleRow(el, 'promkit:failing:duplicate')!.querySelector('[part="error"]')!.textContent).to.equal(serverError);
    expect(ruleRow(el, 'promkit:failing:duplicate')!.querySelector('[part="error"]')!.getAttribute('role')).to.equal('alert');
    const summary = root(el).querySelector('[part="summary"]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(summary).to.equal('2 groups · 3 rules · 1 firing · 1 error');
    const alerts = ruleRow(el, 'PromkitAlwaysFiring')!.querySelector('details')!;
    expect(alerts.querySelector('summary')!.textContent).to.equal('1 active alert');
    expect([...alerts.querySelectorAll('.label')].map((l) => l.textContent)).to.deep.equal(['severity=info']);
    expect(ruleRow(el, 'PromkitAlwaysFiring')!.querySelector('.query')!.textContent).to.equal('vector(1)');
    expect(ruleRow(el, 'promkit:live_requests:sum')!.querySelector('.meta')!.textContent).to.match(/^evaluated (just now|\d+s ago) in [\d.]+ [µm]?s$/);
    expect(el.groups!.map((g) => g.name)).to.deep.equal(groups.map((g) => g.name));
  });

  it('filter and show narrow the list; type asks the server for one kind only', async () => {
    await serverRules();
    const el = await rulesView();
    await loaded(el);
    el.filter = 'vector';
    await el.updateComplete;
    expect(shownRules(el)).to.deep.equal(['PromkitAlwaysFiring']);
    el.filter = 'no such rule';
    await el.updateComplete;
    expect(root(el).querySelector('.state')!.textContent).to.contain('No rule matches');
    el.filter = '';
    el.show = 'problems';
    await el.updateComplete;
    expect(shownRules(el).sort()).to.deep.equal(['PromkitAlwaysFiring', 'promkit:failing:duplicate']);
    el.show = 'alerting';
    await el.updateComplete;
    expect(shownRules(el)).to.deep.equal(['PromkitAlwaysFiring']);

    const asked: string[] = [];
    const recorded = await rulesView((v) => {
      v.client = new PrometheusClient({ url, fetch: (input, init) => (asked.push(String(input instanceof Request ? input.url : input)), fetch(input, init)) });
      v.type = 'record';
    });
    await loaded(recorded);
    expect(asked.some((a) => a.includes('type=record'))).to.equal(true);
    expect(shownRules(recorded).sort()).to.deep.equal(['promkit:failing:duplicate', 'promkit:live_requests:sum']);
  });

  it('refresh reloads on its interval without dropping what is shown; removal stops it', async () => {
    await serverRules();
    let calls = 0;
    const el = await rulesView((v) => {
      v.client = new PrometheusClient({ url, fetch: (input, init) => (calls++, fetch(input, init)) });
      v.refresh = '1s';
    });
    await loaded(el);
    await until(() => calls >= 3, 'two reloads', 200);
    expect(root(el).querySelector('[part="group"]')).to.not.equal(null);
    el.remove();
    const after = calls;
    await new Promise((r) => setTimeout(r, 1500));
    expect(calls).to.equal(after);
  });

  it('an unreachable server is named with Retry; Retry after it answers shows the rules', async () => {
    let down = true;
    const el = await rulesView((v) => {
      v.client = new PrometheusClient({ url, retries: 0, fetch: (input, init) => (down ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init)) });
    });
    const error = await until(() => root(el).querySelector('.state.error'), 'the error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('The rules could not be loaded.');
    down = false;
    error.querySelector<HTMLButtonElement>('.retry')!.click();
    await until(() => root(el).querySelector('[part="group"]'), 'the rules after Retry');
  });

  it('with neither url nor client, says what to set', async () => {
    const el = await rulesView(() => {});
    expect(root(el).querySelector('.state')!.textContent).to.contain('set the url attribute or the client property');
  });

  it('screenshots: light and dark, 380px and 900px', async () => {
    await serverRules();
    for (const [theme, width] of [
      ['light', 380],
      ['dark', 380],
      ['light', 900],
      ['dark', 900],
    ] as const) {
      const el = await rulesView(undefined, width, theme);
      await loaded(el);
      ruleRow(el, 'PromkitAlwaysFiring')!.querySelector('details')!.open = true;
      const name = `rules-${theme}-${width}`;
      el.id = name;
      document.body.style.background = theme === 'dark' ? '#0d1117' : '#fff';
      await executeServerCommand('screenshot', { selector: `#${name}`, name });
      stage.replaceChildren();
    }
    document.body.style.background = '';
  });
});
