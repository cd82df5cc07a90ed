/**
 * The data-quality example page as a person opens it, against its real server (PGlite, LISTEN/
 * NOTIFY, SSE) and the real Prometheus: runs and drift events from the host source, the dataset
 * variable from it, and a row inserted into the database showing on the page within a second,
 * as a point on the live chart and as a drift annotation.
 */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import type { PromDashboard } from '../../packages/elements/src/components/dashboard/dashboard.component.js';
import type { PromPanel } from '../../packages/elements/src/components/panel/panel.component.js';

const PAGE = '/examples/data-quality/index.html';

async function until(condition: () => boolean, what: string, ms = 8000): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end && !condition()) await new Promise((r) => setTimeout(r, 10));
  expect(condition(), what).to.equal(true);
}

/** The example page in a frame of this test page (its own scripts, as served). */
async function openPage(): Promise<Window> {
  const frame = document.createElement('iframe');
  frame.style.width = '1200px';
  frame.style.height = '1400px';
  frame.src = PAGE;
  document.body.append(frame);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  return frame.contentWindow!;
}

const dashboardOf = (w: Window) => w.document.querySelector<PromDashboard>('prom-dashboard')!;
const panel = (w: Window, title: string) =>
  [...(dashboardOf(w).shadowRoot?.querySelectorAll<PromPanel>('prom-panel') ?? [])].find((p) => p.shadowRoot?.querySelector('[part="title"]')?.textContent === title);
const points = (p: PromPanel | undefined) => p?.results.reduce((n, t) => n + t.frames.reduce((m, f) => m + f.timestamps.length, 0), 0) ?? 0;
const marks = (p: PromPanel | undefined) => [...(p?.shadowRoot?.querySelectorAll<HTMLElement>('[part="annotation"]') ?? [])].map((m) => m.getAttribute('aria-label') ?? '');

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

describe('the data-quality example', () => {
  it('shows the database\'s runs and drift, and an inserted run and drift within a second', async () => {
    const w = await openPage();
    await until(() => points(panel(w, 'Rows per run')) > 0 && panel(w, 'Rows per run')?.shadowRoot?.querySelector('[part="stream"]')?.getAttribute('data-state') === 'open', 'the runs are drawn and the stream is open');
    const seeded: { total: number; drift: number } = await executeServerCommand('dq-counts');
    const inRange = points(panel(w, 'Rows per run'));
    expect(inRange).to.be.greaterThan(0);
    expect(inRange).to.be.at.most(seeded.total);
    await until(() => marks(panel(w, 'Rows per run')).some((m) => m.startsWith('Drift: Drift in')), 'the seeded drift is an annotation');
    const table = panel(w, 'Recent runs')!;
    expect(table.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(Math.min(20, inRange));
    const variable = dashboardOf(w).shadowRoot!.querySelector('prom-variable') as HTMLElement & { options: { value: string }[] };
    expect(variable.options.map((o) => o.value)).to.include.members(['orders', 'customers', 'payments']);

    // Another client of the database inserts a run and a drift: LISTEN/NOTIFY, the stream, the page.
    const before = points(panel(w, 'Rows per run'));
    const sent = performance.now();
    await executeServerCommand('dq-insert', { sql: "INSERT INTO runs (dataset, duration_ms, rows_profiled) VALUES ('orders', 1234, 77777)" });
    await until(() => points(panel(w, 'Rows per run')) === before + 1, 'the inserted run is drawn', 1000);
    const runShown = performance.now() - sent;
    const drift = performance.now();
    await executeServerCommand('dq-insert', { sql: "INSERT INTO drift_events (dataset, column_name, score, message) VALUES ('payments', 'currency', 0.93, 'New currency codes appeared.')" });
    await until(() => marks(panel(w, 'Rows per run')).some((m) => m.includes('payments.currency')), 'the inserted drift is an annotation', 1000);
    expect(runShown).to.be.below(1000);
    expect(performance.now() - drift).to.be.below(1000);
    expect([...panel(w, 'Rows in the last run')!.shadowRoot!.querySelectorAll('.stat-value')].map((s) => s.textContent).join(' ')).to.contain('77.8');
    await executeServerCommand('screenshot', { selector: 'iframe', name: 'example-data-quality' });
  });
});
