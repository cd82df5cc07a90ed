/** A Grafana dashboard file shown the way the browser tests show them: imported, in a 1200px <prom-dashboard> on `url`, every row open. */
import { fromGrafana } from '@promkit/core/grafana';
import type { Dashboard, Panel } from '@promkit/core';
import type { PromDashboard } from '@promkit/elements';
import '@promkit/elements/define.js';

export interface ShownDashboard {
  d: PromDashboard;
  dashboard: Dashboard;
  /** The dashboard's panels, rows' own panels in place of the rows. */
  expected: Panel[];
}

/** How to show it: its width in px (1200), a time range instead of the dashboard's, a theme. */
export interface ShowOptions {
  width?: number;
  time?: Dashboard['time'];
  theme?: 'light' | 'dark';
}

/** Fetches `path` (a JSON file the test server serves), imports it and appends it to the page; the caller removes `d`. */
export async function showImported(path: string, url: string, options: ShowOptions = {}): Promise<ShownDashboard> {
  const json = await (await fetch(path)).json();
  const imported = fromGrafana(json).dashboard;
  const dashboard = options.time ? { ...imported, time: options.time } : imported;
  const expected = dashboard.panels.flatMap((p) => (p.type === 'row' ? p.panels : [p]));
  const d = document.createElement('prom-dashboard');
  d.style.width = `${options.width ?? 1200}px`;
  if (options.theme) d.setAttribute('theme', options.theme);
  d.url = url;
  d.dashboard = dashboard;
  document.body.append(d);
  await d.updateComplete;
  await expandRows(d, dashboard.panels.filter((p) => p.type === 'row').length);
  return { d, dashboard, expected };
}

/** Clicks every collapsed row open (once the rows are drawn), so their panels render too. */
async function expandRows(d: PromDashboard, rows: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (d.shadowRoot!.querySelectorAll('[part="row"]').length < rows && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const button of d.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="row"] button[aria-expanded="false"]')) button.click();
  await d.updateComplete;
}
