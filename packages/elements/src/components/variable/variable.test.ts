/** <prom-variable> inside <prom-dashboard>: variables that fail, are invalid, find nothing or form a cycle, against the real Prometheus. */
import { expect } from 'chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { T_END, valueOf, T0, STEP } from '../../../../../tests/harness/dataset.mjs';
import type { PromDashboard } from '../dashboard/dashboard.component.js';
import type { PromPanel } from '../panel/panel.component.js';
import type { PromVariable } from './variable.component.js';
import '../../define.js';

const url = window.__PROMKIT_TEST__.prometheusUrl;
const END = (T_END - T0) / STEP;

/** One good variable, then one of each kind of problem, and panels that use them all. */
function definition() {
  return {
    schemaVersion: 1,
    title: 'Variables with problems',
    time: { from: '2023-11-14T22:00:00Z', to: '2023-11-14T23:00:00Z' },
    timezone: 'utc',
    datasources: [
      { name: 'main', url, default: true },
      // Nothing listens on the discard port: every request fails at once.
      { name: 'down', url: 'http://127.0.0.1:9' },
    ],
    variables: [
      { type: 'query', name: 'room', query: 'label_values(promkit_temperature_celsius, room)', current: { value: 'office' } },
      { type: 'custom', name: 'a', query: '$b,x' },
      { type: 'custom', name: 'b', query: '$a,y' },
      { type: 'query', name: 'down', datasource: 'down', query: 'label_values(job)' },
      { type: 'query', name: 'badregex', query: 'label_values(room)', regex: '(' },
      { type: 'query', name: 'none', query: 'label_values(promkit_does_not_exist, job)', multi: true },
      { type: 'custom', name: 'after', query: 'after-$room' },
    ],
    panels: [
      { id: 1, type: 'stat', title: 'Temperature in $room', gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'promkit_temperature_celsius{room="$room"}' }] },
      { id: 2, type: 'stat', title: 'Broken [$a] [${b}] [$down] [[badregex]] [${none:csv}] $after', gridPos: { x: 6, y: 0, w: 6, h: 4 }, targets: [{ refId: 'A', expr: 'vector(1)' }] },
    ],
  };
}

function panels(d: PromDashboard): PromPanel[] {
  return [...d.shadowRoot!.querySelectorAll('prom-panel')];
}

function titles(d: PromDashboard): string[] {
  return panels(d).map((p) => p.shadowRoot?.querySelector('[part="title"]')?.textContent ?? '');
}

function control(d: PromDashboard, name: string): PromVariable {
  const found = [...d.shadowRoot!.querySelectorAll<PromVariable>('prom-variable')].find((v) => v.name === name);
  if (!found) throw new Error(`no control for $${name}`);
  return found;
}

/** Waits until `check` holds, re-rendering between tries. */
async function until(d: PromDashboard, check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    await d.updateComplete;
    if (check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function mount(width: string): Promise<{ d: PromDashboard; errors: string[] }> {
  const d = document.createElement('prom-dashboard');
  const errors: string[] = [];
  d.addEventListener('prom-error', (e) => errors.push((e as CustomEvent & { detail: { error: Error } }).detail.error.message));
  d.style.width = width;
  d.clientOptions = { retries: 0 };
  d.dashboard = definition() as never;
  document.body.append(d);
  await until(d, () => panels(d).length === 2 && panels(d).every((p) => p.results.length > 0), 'both panels to have results');
  return { d, errors };
}

/** The control's visible problem, after checking it is tied to the control for assistive technology. */
function problemOf(v: PromVariable): string {
  const problem = v.shadowRoot!.querySelector<HTMLElement>('[part="problem"]');
  if (!problem) return '';
  const field = v.shadowRoot!.querySelector<HTMLElement>('select, [part="trigger"]')!;
  expect(field.getAttribute('aria-invalid')).to.equal('true');
  expect(field.getAttribute('aria-describedby')).to.equal(problem.id);
  return problem.textContent!.replace(/\s+/g, ' ').trim();
}

afterEach(() => {
  document.querySelectorAll('prom-dashboard').forEach((e) => e.remove());
});

describe('<prom-variable> problems inside <prom-dashboard>', () => {
  it('each failing variable shows why in its control; the others and every panel still resolve, and no title shows a raw $', async () => {
    const { d, errors } = await mount('1200px');

    expect(problemOf(control(d, 'a'))).to.equal('⚠ Variables form a cycle: $a → $b → $a. Break it by making one of them not refer to the next.');
    expect(problemOf(control(d, 'b'))).to.contain('$b → $a → $b');
    expect(problemOf(control(d, 'down'))).to.match(/^⚠ Could not load its values: .*127\.0\.0\.1:9/);
    expect(problemOf(control(d, 'badregex'))).to.match(/^⚠ Regex "\(" does not compile/);
    expect(problemOf(control(d, 'none'))).to.match(/^⚠ Its query returned no values in this time range/);

    // The good variables resolve, and so does one that uses a good one.
    expect(problemOf(control(d, 'room'))).to.equal('');
    expect(control(d, 'room').options.map((o) => o.value)).to.deep.equal(['lab', 'office']);
    expect(d.variables.get('after')!.selected).to.deep.equal(['after-office']);

    // Panels: the good variable's panel shows its exact value; titles never keep a raw $name.
    const [temperature, broken] = panels(d);
    expect(temperature!.results[0]!.frames[0]!.values.at(-1)).to.equal(valueOf('promkit_temperature_celsius', { room: 'office' }, END));
    expect(titles(d)).to.deep.equal(['Temperature in office', 'Broken [] [] []  [] after-office']);
    expect(broken!.results[0]!.error).to.equal(undefined);

    // Listeners hear of each problem once, with the error behind it (a NetworkError keeps its own message).
    expect(errors, errors.join('\n')).to.have.length(5);
    expect(errors.filter((m) => m.startsWith('Cannot reach http://127.0.0.1:9/'))).to.have.length(1);
  });

  it('the problem text wraps inside a narrow dashboard instead of running off it', async () => {
    const { d } = await mount('320px');
    const box = d.getBoundingClientRect();
    for (const name of ['a', 'down', 'none']) {
      const problem = control(d, name).shadowRoot!.querySelector<HTMLElement>('[part="problem"]')!;
      const rect = problem.getBoundingClientRect();
      expect(rect.width, `$${name} problem has room`).to.be.greaterThan(100);
      expect(rect.left, `$${name} problem starts inside`).to.be.at.least(box.left - 0.5);
      expect(rect.right, `$${name} problem ends inside`).to.be.at.most(box.right + 0.5);
      expect(problem.scrollWidth, `$${name} problem does not overflow`).to.be.at.most(problem.clientWidth + 1);
    }
    await executeServerCommand('screenshot', { selector: 'prom-dashboard', name: 'variable-problems-narrow' });
  });

  it('variables that failed because Prometheus was down resolve on the next refresh, and their panels follow', async () => {
    await executeServerCommand('prometheus-kill');
    const d = document.createElement('prom-dashboard');
    try {
      d.style.width = '1200px';
      d.clientOptions = { retries: 0 };
      d.dashboard = definition() as never;
      document.body.append(d);
      await until(d, () => d.variables.get('room')?.problem?.kind === 'failed', '$room to fail');
      // While it is down, the variable keeps the saved selection: titles and queries use it.
      expect(problemOf(control(d, 'room'))).to.match(/^⚠ Could not load its values: /);
      await until(d, () => titles(d)[0] === 'Temperature in office', 'the title from the saved value');
    } finally {
      await executeServerCommand('prometheus-restart');
    }
    d.refreshNow();
    await until(d, () => d.variables.get('room')?.problem === undefined, '$room to resolve after the restart');
    expect(problemOf(control(d, 'room'))).to.equal('');
    expect(control(d, 'room').options.map((o) => o.value)).to.deep.equal(['lab', 'office']);
    await until(d, () => panels(d)[0]!.results[0]?.frames[0]?.values.at(-1) === valueOf('promkit_temperature_celsius', { room: 'office' }, END), 'the panel to draw');
    // The variable whose own datasource stays down is still marked.
    expect(d.variables.get('down')!.problem!.kind).to.equal('failed');
  });
});
