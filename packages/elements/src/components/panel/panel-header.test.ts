/**
 * What headers say beside the title, in <prom-panel> and <prom-dashboard>: a description behind
 * an ⓘ button (shown on hover and keyboard focus, read as the button's description), links in a
 * menu with variables filled in, and the dashboard's tags. Hostile text stays text and a link
 * that a variable turns into `javascript:` is not a link.
 */
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import type { DashboardInput } from '@promkit/core';
import type { PromDashboard } from '../dashboard/dashboard.component.js';
import type { PromPanel } from './panel.component.js';
import '../../define.js';

const prometheusUrl = window.__PROMKIT_TEST__.prometheusUrl;
const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const stage = document.createElement('div');
document.body.append(stage);
afterEach(() => stage.replaceChildren());

async function mountPanel(scopedVars: Record<string, string>): Promise<PromPanel> {
  const el = document.createElement('prom-panel');
  el.style.width = '360px';
  el.url = prometheusUrl;
  el.scopedVars = scopedVars;
  el.spec = {
    type: 'stat',
    title: 'Up',
    description: `Targets answering scrapes on $site.\n${HOSTILE}`,
    links: [
      { title: 'Runbook for $site', url: 'https://runbooks.example.com/${site}?from=panel', targetBlank: true },
      { title: 'Elsewhere', url: '${target}' },
    ],
    targets: [{ refId: 'A', expr: 'vector(1)', instant: true }],
  };
  stage.append(el);
  await el.updateComplete;
  return el;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition(), what).to.equal(true);
}

const visible = (el: Element) => getComputedStyle(el).visibility === 'visible';

describe('panel and dashboard headers', () => {
  it('a description behind an ⓘ button: hidden until hover or keyboard focus, variables filled in, markup as text', async () => {
    const el = await mountPanel({ site: 'hq', target: 'https://example.com/' });
    const root = el.shadowRoot!;
    const button = root.querySelector<HTMLButtonElement>('[part="description-button"]')!;
    const tip = root.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(tip.getAttribute('role')).to.equal('tooltip');
    expect(tip.textContent).to.equal(`Targets answering scrapes on hq.\n${HOSTILE}`);
    expect(root.querySelector('img')).to.equal(null);
    expect(visible(tip)).to.equal(false);
    button.focus();
    await sendKeys({ press: 'Shift' }); // keyboard modality, so :focus-visible applies
    button.blur();
    button.focus();
    expect(visible(tip)).to.equal(true);
    button.blur();
    expect(visible(tip)).to.equal(false);
  });

  it('links in a menu: opened by keyboard, variables filled in, a new tab without opener, Escape closes', async () => {
    const el = await mountPanel({ site: 'hq', target: 'https://example.com/' });
    const root = el.shadowRoot!;
    const menu = root.querySelector<HTMLDetailsElement>('[part="links"]')!;
    const summary = menu.querySelector<HTMLElement>('summary')!;
    expect(summary.getAttribute('aria-label')).to.equal('Links of Up');
    summary.focus();
    await sendKeys({ press: 'Enter' });
    expect(menu.open).to.equal(true);
    const links = [...menu.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.target, a.rel])).to.deep.equal([
      ['Runbook for hq', 'https://runbooks.example.com/hq?from=panel', '_blank', 'noopener noreferrer'],
      ['Elsewhere', 'https://example.com/', '', ''],
    ]);
    links[0]!.focus();
    await sendKeys({ press: 'Escape' });
    expect(menu.open).to.equal(false);
    expect(root.activeElement).to.equal(summary);
  });

  it('a link a variable turns into javascript: is shown, but not as a link', async () => {
    const el = await mountPanel({ site: 'hq', target: 'javascript:window.__pwned=1' });
    const menu = el.shadowRoot!.querySelector<HTMLDetailsElement>('[part="links"]')!;
    expect([...menu.querySelectorAll('a')].map((a) => a.textContent)).to.deep.equal(['Runbook for hq']);
    expect(menu.querySelector('.blocked')!.textContent).to.equal('Elsewhere');
  });

  it("the dashboard's description, links and tags sit beside its title", async () => {
    const board: DashboardInput = {
      schemaVersion: 1,
      title: 'Fleet',
      description: `Every host. ${HOSTILE}`,
      tags: ['infra', HOSTILE],
      links: [{ title: 'Status page', url: 'https://status.example.com/' }],
      datasources: [{ name: 'prom', url: prometheusUrl, default: true }],
      panels: [{ id: 1, type: 'stat', title: 'Up', description: 'In the dashboard too', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'vector(1)', instant: true }] }],
    };
    const d = document.createElement('prom-dashboard') as PromDashboard;
    d.dashboard = board;
    stage.append(d);
    await until(() => d.shadowRoot!.querySelector('[part="toolbar"]') !== null && d.shadowRoot!.querySelector('prom-panel') !== null, 'the toolbar and the panel');
    const toolbar = d.shadowRoot!.querySelector('[part="toolbar"]')!;
    expect(toolbar.querySelector('[part="description"]')!.textContent).to.equal(`Every host. ${HOSTILE}`);
    expect([...toolbar.querySelectorAll('[part="tag"]')].map((t) => t.textContent)).to.deep.equal(['infra', HOSTILE]);
    expect(toolbar.querySelector<HTMLAnchorElement>('[part="links-menu"] a')!.href).to.equal('https://status.example.com/');
    expect(d.shadowRoot!.querySelector('img')).to.equal(null);
    const panel = d.shadowRoot!.querySelector<PromPanel>('prom-panel')!;
    await panel.updateComplete;
    expect(panel.shadowRoot!.querySelector('[part="description"]')!.textContent).to.equal('In the dashboard too');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('links to Grafana dashboards (/d/<uid>/…) go where dashboard-url says: dashboard links, panel links and data links, their query kept', async () => {
    const board: DashboardInput = {
      schemaVersion: 1,
      title: 'Imported',
      links: [{ title: 'Nodes', url: '/d/nodes-uid/node-exporter?orgId=1' }],
      datasources: [{ name: 'prom', url: prometheusUrl, default: true }],
      variables: [{ type: 'custom', name: 'host', query: 'web-1,web-2', current: { value: 'web-1' } }],
      panels: [
        {
          id: 1,
          type: 'stat',
          title: 'Up',
          gridPos: { x: 0, y: 0, w: 6, h: 4 },
          links: [{ title: 'Host', url: '/d/host-uid/host?var-host=$host' }],
          targets: [{ refId: 'A', expr: 'vector(1)', instant: true, legendFormat: 'one' }],
          fieldConfig: { defaults: { links: [{ title: 'Drill down', url: '/d/drill-uid/drill?var-series=${__series.name}&${__url_time_range}' }] }, overrides: [] },
        },
      ],
    };
    const d = document.createElement('prom-dashboard') as PromDashboard;
    d.setAttribute('dashboard-url', '/boards/{uid}');
    d.dashboard = board;
    stage.append(d);
    await until(() => !!d.shadowRoot!.querySelector('prom-panel')?.shadowRoot?.querySelector('a.stat'), 'the stat tile, linked');
    const href = (a: Element | null | undefined) => a?.getAttribute('href');
    expect(href(d.shadowRoot!.querySelector('[part="toolbar"] [part="links-menu"] a'))).to.equal('/boards/nodes-uid?orgId=1');
    const panel = d.shadowRoot!.querySelector<PromPanel>('prom-panel')!;
    expect(href(panel.shadowRoot!.querySelector('[part="links-menu"] a'))).to.equal('/boards/host-uid?var-host=web-1');
    expect(href(panel.shadowRoot!.querySelector('a.stat'))).to.match(/^\/boards\/drill-uid\?var-series=one&from=\d+&to=\d+$/);
    // Without dashboard-url, the links stay as the dashboard wrote them.
    d.removeAttribute('dashboard-url');
    await until(() => href(panel.shadowRoot!.querySelector('a.stat'))?.startsWith('/d/') === true, 'the data link as written');
    expect(href(d.shadowRoot!.querySelector('[part="toolbar"] [part="links-menu"] a'))).to.equal('/d/nodes-uid/node-exporter?orgId=1');
  });
});
