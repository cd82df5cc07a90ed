/**
 * Strict CSP and Trusted Types: tests/browser/fixtures/csp/index.html, served by
 * web-test-runner.config.mjs with `Content-Security-Policy` (or `-Report-Only`), loads the
 * script-tag bundle and draws every panel type, a dashboard, its pickers and tooltips. Every
 * `securitypolicyviolation` and every error the page sees must be none.
 */
import { expect } from 'chai';
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import type { PromPanel } from '@promkit/elements';
import { painted, panelsIn } from './panel-probes.js';

/** What tests/browser/fixtures/csp/collect.js records per violation. */
interface Violation {
  violatedDirective: string;
  disposition: string;
  blockedURI: string;
  sample: string;
  sourceFile: string;
  lineNumber: number;
  columnNumber: number;
}
type CspWindow = Window & { __violations?: Violation[]; __errors?: string[] };

const BUNDLE = '/packages/elements/dist/promkit.min.js';

/** Where a position (1-based line and column) of the served bundle comes from in promkit's sources. */
type Locate = (line: number, column: number) => string;
/** A source map as a lookup: 0-based line and column → 0-based original position. */
type Lookup = (line: number, column: number) => { source: string; line: number; column: number } | undefined;

/** Decodes a source map's base64 VLQ mappings into a lookup. */
function lookup(map: { sources: string[]; mappings: string }): Lookup {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  /** Per generated line: segments [generated column, source, line, column]. */
  const lines: number[][][] = [];
  const state = [0, 0, 0, 0];
  for (const text of map.mappings.split(';')) {
    state[0] = 0;
    const segments: number[][] = [];
    for (const segment of text.split(',')) {
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const d = digits.indexOf(ch);
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      for (let i = 0; i < 4 && i < fields.length; i++) state[i]! += fields[i]!;
      if (fields.length >= 4) segments.push([...state]);
    }
    lines.push(segments);
  }
  return (line, column) => {
    const found = (lines[line] ?? []).filter((s) => s[0]! <= column).at(-1);
    return found && { source: map.sources[found[1]!]!, line: found[2]!, column: found[3]! };
  };
}

/**
 * web-test-runner serves the bundle through esbuild (with an inline source map back to the built
 * file), and the built file has its own map to promkit's sources: both are followed.
 */
async function bundleLocator(): Promise<Locate> {
  const served = await (await fetch(BUNDLE)).text();
  const inline = /sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(served)?.[1];
  const toBuilt: Lookup = inline ? lookup(JSON.parse(atob(inline))) : (line, column) => ({ source: BUNDLE, line, column });
  const toSource = lookup(await (await fetch(`${BUNDLE}.map`)).json());
  return (line, column) => {
    const built = toBuilt(line - 1, column - 1);
    const original = built && toSource(built.line, built.column);
    if (!original) return `promkit.min.js (served) line ${line} col ${column}`;
    const file = original.source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/');
    return `${file} line ${original.line + 1} col ${original.column + 1}`;
  };
}

/** Opens the page in a same-origin iframe, so the test can read what it collected. */
async function openPage(reportOnly: boolean): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.id = reportOnly ? 'csp-report-only' : 'csp-enforced';
  frame.style.cssText = 'width:1240px;height:1180px;border:0;display:block';
  frame.src = `/tests/browser/fixtures/csp/index.html${reportOnly ? '?report-only' : ''}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

function shadowOf(el: Element | null | undefined): ShadowRoot | undefined {
  return el?.shadowRoot ?? undefined;
}

/** Everything not (yet) drawn as it should be, one line per problem; empty when all is drawn. */
function undrawn(doc: Document): string[] {
  const problems: string[] = [];
  const panel = (id: string) => doc.getElementById(id) as PromPanel | null;
  const check = (name: string, el: PromPanel | null, drawn: (root: ShadowRoot) => string | undefined) => {
    const root = shadowOf(el);
    if (!el || !root) return problems.push(`${name}: not rendered (no element or no shadow root)`);
    const alert = root.querySelector('[role="alert"]');
    if (alert) return problems.push(`${name}: shows an error: ${alert.textContent!.trim().replace(/\s+/g, ' ')}`);
    const problem = drawn(root);
    if (problem) problems.push(`${name}: ${problem}`);
    return undefined;
  };
  const canvas = (el: PromPanel | null) => () => (el && painted(el) ? undefined : 'chart canvas not painted');
  const css = (el: Element | null | undefined) => (el ? getComputedStyle(el) : undefined);

  check('timeseries', panel('panel-timeseries'), (root) =>
    !painted(panel('panel-timeseries')!) ? 'chart canvas not painted' : root.querySelectorAll('[part="legend"] table tbody tr').length !== 2 ? 'legend table has not 2 rows' : undefined,
  );
  check('stat', panel('panel-stat'), (root) => {
    const value = root.querySelector('.stat-value');
    if (!value?.textContent?.trim()) return 'no value shown';
    if (!root.querySelector('.sparkline')) return 'no sparkline';
    // The value is above the red threshold: its colour is not the panel's text colour.
    if (css(value)!.color === css(root.querySelector('[part="title"]'))?.color) return `threshold colour not applied (value is ${css(value)!.color}, like the title)`;
    return undefined;
  });
  check('gauge', panel('panel-gauge'), canvas(panel('panel-gauge')));
  check('bargauge', panel('panel-bargauge'), (root) => {
    const fills = [...root.querySelectorAll<HTMLElement>('.bar-fill')];
    if (fills.length !== 10) return `${fills.length} bars, expected 10`;
    if (fills.some((f) => f.getBoundingClientRect().width < 1)) return 'bar fills have no width (inline width not applied)';
    if (fills.some((f) => css(f)!.backgroundColor === 'rgba(0, 0, 0, 0)')) return 'bar fills have no colour (inline colour not applied)';
    return undefined;
  });
  check('table', panel('panel-table'), (root) => (root.querySelectorAll('tbody tr').length === 5 ? undefined : `${root.querySelectorAll('tbody tr').length} table rows, expected 5`));
  check('heatmap', panel('panel-heatmap'), (root) => {
    if (!painted(panel('panel-heatmap')!)) return 'chart canvas not painted';
    const bar = root.querySelector('.heat-bar');
    return css(bar)?.backgroundImage.includes('gradient') ? undefined : 'colour scale has no gradient';
  });
  check('piechart', panel('panel-piechart'), (root) => (!painted(panel('panel-piechart')!) ? 'chart canvas not painted' : root.querySelectorAll('[part="legend"] .slice').length < 2 ? 'legend has fewer than 2 slices' : undefined));
  check('barchart', panel('panel-barchart'), canvas(panel('panel-barchart')));
  for (const name of ['state-timeline', 'status-history']) {
    check(name, panel(`panel-${name}`), (root) => {
      const spans = [...root.querySelectorAll<HTMLElement>('.state-span')];
      if (spans.length < 2) return `${spans.length} state spans`;
      if (spans.some((s) => s.getBoundingClientRect().width <= 0)) return 'state spans have no width (CSSOM position not applied)';
      return spans.some((s) => css(s)!.backgroundColor === 'rgba(0, 0, 0, 0)') ? 'state spans have no colour' : undefined;
    });
  }
  check('alertlist', panel('panel-alertlist'), (root) => {
    const firing = root.querySelector('.alert.firing');
    if (!firing) return `no firing alert listed (${root.querySelector('[part="body"]')?.textContent?.trim() ?? 'no body'})`;
    return css(firing)!.borderLeftStyle === 'solid' ? undefined : 'the alert row is unstyled';
  });
  check('text', panel('panel-text'), (root) => {
    const body = root.querySelector('.markdown');
    if (!body?.querySelector('a[href="https://example.com/runbook"]')) return 'markdown link not rendered';
    if (body.querySelectorAll('li').length !== 2) return 'markdown list not rendered';
    return body.querySelector('h2')?.textContent === 'Checkout API' ? undefined : 'markdown heading not rendered';
  });

  const rules = shadowOf(doc.getElementById('csp-rules'));
  if (!rules?.querySelector('[part="group"]')) problems.push(`rules: no groups shown (${rules?.querySelector('.state')?.textContent?.trim() ?? 'not rendered'})`);
  else if (!rules.querySelector('.badge.firing') || css(rules.querySelector('.badge.firing'))!.borderTopStyle !== 'solid') problems.push('rules: the firing badge is missing or unstyled');

  const dashboard = doc.getElementById('csp-dashboard');
  const droot = shadowOf(dashboard);
  if (!droot) problems.push('dashboard: not rendered');
  else {
    for (const tag of ['prom-variable', 'prom-time-range', 'prom-refresh-picker']) {
      if (!droot.querySelector(`[part="toolbar"] ${tag}`)) problems.push(`dashboard: no ${tag} in the toolbar`);
    }
    if (!droot.querySelector('[part="row"]')) problems.push('dashboard: no row header');
    const inner = panelsIn(droot);
    if (inner.length !== 2) problems.push(`dashboard: ${inner.length} panels, expected 2`);
    for (const p of inner) {
      const title = shadowOf(p)?.querySelector('[part="title"]')?.textContent ?? '?';
      const box = p.getBoundingClientRect();
      if (box.height < 100 || box.width < 100) problems.push(`dashboard panel "${title}": ${Math.round(box.width)}×${Math.round(box.height)} px (grid layout not applied)`);
      else if (shadowOf(p)?.querySelector('[role="alert"]')) problems.push(`dashboard panel "${title}": shows an error`);
      else if (shadowOf(p)?.querySelector('canvas') ? !painted(p) : !shadowOf(p)?.querySelector('.stat-value')?.textContent?.trim()) problems.push(`dashboard panel "${title}": not drawn`);
    }
    if (inner.length === 2 && Math.abs(inner[0]!.getBoundingClientRect().top - inner[1]!.getBoundingClientRect().top) > 1) {
      problems.push('dashboard: the two panels of one grid row are not side by side (grid layout not applied)');
    }
  }
  return problems;
}

/** Polls (bounded) until `probe` returns nothing, then returns its last answer. */
async function until<T>(probe: () => T[], ms: number): Promise<T[]> {
  const deadline = Date.now() + ms;
  let last = probe();
  while (last.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    last = probe();
  }
  return last;
}

/** Moves the real mouse over a point of an element inside the iframe (fractions of its box). */
async function hover(frame: HTMLIFrameElement, el: Element, fx: number, fy: number): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  const f = frame.getBoundingClientRect();
  const e = el.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(f.left + e.left + e.width * fx), Math.round(f.top + e.top + e.height * fy)] });
}

/** Hovers a chart and waits (bounded) for its tooltip: text in the chart box that was not there. */
async function tooltipOf(frame: HTMLIFrameElement, panel: PromPanel | null, name: string, fy = 0.4): Promise<string | undefined> {
  const chart = shadowOf(panel)?.querySelector('[part="chart"]');
  if (!chart) return `${name}: no chart to hover`;
  const before = chart.textContent ?? '';
  await sendMouse({ type: 'move', position: [0, 0] });
  await hover(frame, chart, 0.5, fy);
  const shown = await until(() => ((chart.textContent ?? '') !== before && chart.textContent!.trim() !== '' ? [] : [1]), 3000);
  return shown.length === 0 ? undefined : `${name}: hovering the chart shows no tooltip`;
}

/** Opens the popover behind a control's trigger and checks it shows. */
async function popoverOf(control: Element | null | undefined, name: string): Promise<string | undefined> {
  const root = shadowOf(control);
  const trigger = root?.querySelector<HTMLButtonElement>('[part="trigger"]');
  if (!root || !trigger) return `${name}: no trigger button`;
  trigger.click();
  const open = await until(() => {
    const box = root.querySelector('[part="popover"]')?.getBoundingClientRect();
    return box && box.width > 0 && box.height > 0 ? [] : [1];
  }, 3000);
  return open.length === 0 ? undefined : `${name}: popover does not open`;
}

/**
 * Edit mode under the policy: enters it, opens the panel drawer (its editor and live preview) and
 * the Settings, Variables and JSON drawers, closes each, and leaves; what did not work, if anything.
 */
async function editModeOf(dashboard: Element | null): Promise<string[]> {
  const root = shadowOf(dashboard);
  const problems: string[] = [];
  root?.querySelector<HTMLButtonElement>('[part="edit-button"]')?.click();
  const editor = () => shadowOf(root?.querySelector('prom-dashboard-editor'));
  if ((await until(() => (editor()?.querySelector('[part="toolbar"]') ? [] : [1]), 5000)).length) return ['edit mode: no edit toolbar'];
  const button = (name: string) => [...editor()!.querySelectorAll<HTMLButtonElement>('[part="toolbar"] button')].find((b) => b.textContent!.trim() === name);
  /** Waits for a drawer's dialog to show `tag` drawn, then closes it with its Cancel. */
  const drawer = async (name: string, drawerTag: string, tag: string, drawn: (el: Element) => boolean, exercise?: (el: Element) => Promise<string[]>) => {
    const open = await until(() => {
      const el = shadowOf(editor()?.querySelector(drawerTag))?.querySelector(tag);
      return el && drawn(el) ? [] : [1];
    }, 15_000);
    if (open.length) problems.push(`${name}: the drawer did not show its editor`);
    const shown = shadowOf(editor()?.querySelector(drawerTag))?.querySelector(tag);
    if (!open.length && shown && exercise) problems.push(...(await exercise(shown)));
    const d = shadowOf(editor()?.querySelector(drawerTag));
    const cancel = [...(d?.querySelectorAll<HTMLButtonElement>('[part="footer"] button') ?? [])].find((b) => ['Cancel', 'Close'].includes(b.textContent!.trim()));
    (cancel ?? shadowOf(d?.querySelector(tag))?.querySelector<HTMLButtonElement>('[part="cancel-button"]'))?.click();
  };
  const frame = root?.querySelector('prom-edit-frame');
  shadowOf(frame)?.querySelector<HTMLButtonElement>('[data-edit="menu"]')?.click();
  await until(() => (editor()?.querySelector('[role="menuitem"]') ? [] : [1]), 3000);
  editor()?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.click();
  await drawer('panel editor', 'prom-panel-drawer', 'prom-panel-editor', (el) => ((shadowOf(el)?.querySelector('prom-panel') as PromPanel | null)?.results.length ?? 0) > 0, queryEditingOf);
  for (const [name, tag] of [['Settings', 'prom-dashboard-settings'], ['Variables', 'prom-variables-editor'], ['Datasources', 'prom-datasource-editor'], ['JSON', 'prom-dashboard-json']] as const) {
    button(name)?.click();
    await drawer(name, 'prom-definition-drawer', tag, (el) => !!shadowOf(el)?.querySelector('[part="base"]'));
  }
  button('From template')?.click();
  await drawer('From template', 'prom-template-drawer', 'prom-template-gallery', (el) => [...(shadowOf(el)?.querySelectorAll<PromPanel>('prom-panel') ?? [])].some((p) => p.results.length > 0));
  button('Done')?.click();
  return problems;
}

/**
 * The query editing in a panel editor under the policy: CodeMirror drawn and its completion list
 * open, Explain evaluated, the metrics explorer listing metrics, and the switch to the visual
 * builder and back; what did not work, if anything.
 */
async function queryEditingOf(panelEditor: Element): Promise<string[]> {
  const problems: string[] = [];
  const pe = shadowOf(panelEditor)!;
  const queryEditor = () => pe.querySelector('prom-query-editor');
  const qe = () => shadowOf(queryEditor());
  if ((await until(() => (qe()?.querySelector('.cm-editor') ? [] : [1]), 5000)).length) return ['query editor: CodeMirror not drawn'];
  const typing = queryEditor() as (Element & { value: string; updateComplete: Promise<boolean>; complete(): void }) | null;
  if (typing) {
    typing.value = 'promkit_te';
    await typing.updateComplete;
    typing.complete();
  }
  if ((await until(() => (qe()?.querySelector('.cm-tooltip-autocomplete li') ? [] : [1]), 5000)).length) problems.push('query editor: no completion list');
  const tool = (name: string) => [...qe()!.querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent === name);
  tool('Explain')?.click();
  if ((await until(() => (shadowOf(qe()?.querySelector('prom-query-explain'))?.querySelector('[role="treeitem"]') ? [] : [1]), 5000)).length) problems.push('query editor: no explain tree');
  tool('Metrics')?.click();
  const listed = await until(() => (shadowOf(qe()?.querySelector('prom-metrics-explorer'))?.querySelector('[role="option"]') ? [] : [1]), 5000);
  if (listed.length) problems.push('query editor: the metrics explorer lists nothing');
  qe()?.querySelector<HTMLDialogElement>('dialog.explorer')?.close();
  const mode = (name: string) => [...pe.querySelectorAll<HTMLButtonElement>('.query .segmented button')].find((b) => b.textContent === name);
  // The text set above stays in the editor until run: the switch reads the panel's query.
  mode('Builder')?.click();
  if ((await until(() => (shadowOf(pe.querySelector('prom-query-builder'))?.querySelector('[part="preview"]') ? [] : [1]), 5000)).length) problems.push(`panel editor: the builder did not show (${pe.querySelector('.refusal')?.textContent ?? 'no refusal'})`);
  mode('Code')?.click();
  return problems;
}

/** One violation as a line: directive, disposition, blocked URI, sample, original source. */
function line(v: Violation, locate: Locate): string {
  const file = v.sourceFile.replace(location.origin, '');
  const where = !file ? '(no source)' : file === BUNDLE ? locate(v.lineNumber, v.columnNumber) : `${file} line ${v.lineNumber} col ${v.columnNumber}`;
  return `${v.violatedDirective} [${v.disposition}] blocked=${v.blockedURI || '-'} sample=${JSON.stringify(v.sample)} at ${where}`;
}

/**
 * Elements whose `style` attribute the policy refused (enforced mode: the attribute is there but
 * none of it applies; CSSOM writes would have applied), by shadow host path, once each.
 */
function refusedStyles(root: Document | ShadowRoot, path = ''): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    const value = el.getAttribute('style')?.trim();
    if (value && el.style.length === 0) {
      found.push(`${path}${el.localName}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''} style="${value}"`);
    }
    if (el.shadowRoot) found.push(...refusedStyles(el.shadowRoot, `${path}${el.localName} > `));
  }
  return found;
}

/** Identical violations once each, with how often they happened. */
function dedupe(violations: readonly Violation[], locate: Locate): string[] {
  const counts = new Map<string, number>();
  for (const v of violations) counts.set(line(v, locate), (counts.get(line(v, locate)) ?? 0) + 1);
  return [...counts].map(([text, n]) => (n > 1 ? `${n}× ${text}` : text));
}

/**
 * Proves the policy is in force (after the page's own violations were read): an HTML string
 * written to `innerHTML` must be reported, and refused (throw) when enforced.
 */
async function probePolicy(win: CspWindow): Promise<{ reported: boolean; refused: boolean }> {
  const before = win.__violations?.length ?? 0;
  let refused = false;
  try {
    win.document.createElement('div').innerHTML = '<b>probe</b>';
  } catch {
    refused = true;
  }
  const reported = (await until(() => ((win.__violations?.length ?? 0) > before ? [] : [1]), 3000)).length === 0;
  return { reported, refused };
}

/** Opens the page, draws and exercises everything; returns what went wrong. */
async function exercise(reportOnly: boolean) {
  const frame = await openPage(reportOnly);
  const win = frame.contentWindow as CspWindow;
  const doc = frame.contentDocument!;
  const notDrawn = await until(() => undrawn(doc), 30_000);
  const interactions: string[] = [];
  const note = (problem: string | undefined) => problem && interactions.push(problem);
  const droot = shadowOf(doc.getElementById('csp-dashboard'));
  note(await popoverOf(droot?.querySelector('prom-variable'), 'variable dropdown'));
  note(await popoverOf(droot?.querySelector('prom-time-range'), 'time range picker'));
  interactions.push(...(await editModeOf(doc.getElementById('csp-dashboard'))));
  const openStyles = reportOnly ? [] : refusedStyles(doc);
  await executeServerCommand('screenshot', { selector: `#${frame.id}`, name: `csp-${reportOnly ? 'report-only' : 'enforced'}-popovers` });
  // A pointer-down outside closes the popovers before the charts are hovered.
  doc.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
  note(await tooltipOf(frame, doc.getElementById('panel-timeseries') as PromPanel | null, 'timeseries tooltip'));
  await executeServerCommand('screenshot', { selector: `#${frame.id}`, name: `csp-${reportOnly ? 'report-only' : 'enforced'}-tooltip` });
  note(await tooltipOf(frame, doc.getElementById('panel-heatmap') as PromPanel | null, 'heatmap tooltip', 0.3));
  await executeServerCommand('screenshot', { selector: `#${frame.id}`, name: `csp-${reportOnly ? 'report-only' : 'enforced'}` });
  await sendMouse({ type: 'move', position: [0, 0] });
  const locate = await bundleLocator();
  const violations = dedupe(win.__violations ?? [{ violatedDirective: 'collect.js did not run', disposition: '', blockedURI: '', sample: '', sourceFile: '', lineNumber: 0, columnNumber: 0 }], locate);
  // Stack frames in the bundle, named by their original source.
  const bundleFrame = new RegExp(`${location.origin}${BUNDLE}:(\\d+):(\\d+)`, 'g');
  const errors = [...new Set((win.__errors ?? []).map((e) => e.replace(bundleFrame, (_, l: string, c: string) => locate(Number(l), Number(c)))))];
  const styles = reportOnly ? [] : [...new Set([...openStyles, ...refusedStyles(doc)].map((s) => s.replace(/\d+(\.\d+)?/g, 'N')))];
  const policy = await probePolicy(win);
  frame.remove();
  return { violations, errors, notDrawn, interactions, styles, policy };
}

/** Everything that went wrong, as the failure message. */
function report(r: Awaited<ReturnType<typeof exercise>>): string {
  const list = (title: string, items: string[]) => `${title} (${items.length}):${items.map((i) => `\n  - ${i}`).join('') || ' none'}`;
  return [
    '',
    list('CSP violations', r.violations),
    list('errors', r.errors),
    list('not drawn', r.notDrawn),
    list('interactions that failed', r.interactions),
    ...(r.styles.length ? [list('style attributes refused (where; numbers shown as N)', r.styles)] : []),
  ].join('\n');
}

describe('strict CSP and Trusted Types', () => {
  it('the README documents exactly the policy this page is served with', async () => {
    const readme = await (await fetch('/README.md')).text();
    const section = readme.split(/^### Strict CSP and Trusted Types$/m)[1]?.split(/^##/m)[0] ?? '';
    const documented = /^Content-Security-Policy: (.+)$/m.exec(section)?.[1];
    expect(documented, 'README section "Strict CSP and Trusted Types" gives the header').to.be.a('string');
    const page = '/tests/browser/fixtures/csp/index.html';
    expect((await fetch(page)).headers.get('content-security-policy')).to.equal(documented);
    const reportOnly = (await fetch(`${page}?report-only`)).headers;
    expect([reportOnly.get('content-security-policy-report-only'), reportOnly.get('content-security-policy')]).to.deep.equal([documented, null]);
  });

  it('enforced: every panel, the dashboard, pickers and tooltips with no violation and no error', async function () {
    this.timeout(90_000);
    const r = await exercise(false);
    expect(r.policy, 'the page is under the enforced policy').to.deep.equal({ reported: true, refused: true });
    const message = report(r);
    expect(r.violations, message).to.deep.equal([]);
    expect(r.errors, message).to.deep.equal([]);
    expect(r.notDrawn, message).to.deep.equal([]);
    expect(r.interactions, message).to.deep.equal([]);
  });

  it('report-only: the same page renders everything and reports nothing', async function () {
    this.timeout(90_000);
    const r = await exercise(true);
    expect(r.policy, 'the page is under the report-only policy').to.deep.equal({ reported: true, refused: false });
    const message = report(r);
    expect(r.notDrawn, message).to.deep.equal([]);
    expect(r.interactions, message).to.deep.equal([]);
    expect(r.violations, message).to.deep.equal([]);
    expect(r.errors, message).to.deep.equal([]);
  });
});
