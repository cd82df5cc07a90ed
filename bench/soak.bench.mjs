// @ts-check
/**
 * Soak in Chromium: a 24-panel dashboard (every panel type, two query variables) refreshed
 * 8,640 times (a day at 10 s) on a clock that moves 10 s a tick, then mounted and removed 200 times.
 * Heap is measured after forced garbage collection, after a warm-up and at the end; after the
 * last removal nothing of promkit may be left: no panel or dashboard object, no ECharts
 * instance, no timer, animation frame, observer or page-level listener (soak/page.html counts them).
 */
import { launch } from 'puppeteer-core';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { serveStatic } from '../scripts/static-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
// SOAK_TICKS and SOAK_CYCLES shorten a trial run; the table in the README uses the defaults.
const TICKS = Number(process.env['SOAK_TICKS'] ?? 8_640);
const TICKS_WARMUP = Math.max(1, Math.round(TICKS / 10));
const CYCLES = Number(process.env['SOAK_CYCLES'] ?? 200);
const CYCLES_WARMUP = Math.max(1, Math.round(CYCLES / 10));
// SOAK_EDIT_CYCLES shortens the edit soak; SOAK_ONLY=edit runs it alone.
const EDIT_CYCLES = Number(process.env['SOAK_EDIT_CYCLES'] ?? 500);
const EDIT_WARMUP = Math.max(1, Math.round(EDIT_CYCLES / 10));
const EDIT_MIDDLE = Math.max(EDIT_WARMUP, Math.round(EDIT_CYCLES / 2));
/** Pushes into the streaming panel (4 samples each), in rounds of 1,000 between heap readings. */
const STREAM_PUSHES = Number(process.env['SOAK_STREAM_PUSHES'] ?? 50_000);
const STREAM_WARMUP = Math.max(1_000, Math.round(STREAM_PUSHES / 10));

/** @returns {Promise<import('./measure.mjs').Row[]>} */
export async function run() {
  const site = await serveStatic(ROOT);
  const browser = await launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, defaultViewport: { width: 1280, height: 1600 } });
  try {
    const streamRows = await streamSoak(browser, site.url);
    if (process.env['SOAK_ONLY'] === 'stream') return streamRows;
    const editRows = await editSoak(browser, site.url);
    if (process.env['SOAK_ONLY'] === 'edit') return editRows;
    const page = await browser.newPage();
    page.on('pageerror', (error) => process.stderr.write(`soak page: ${error}\n`));
    await page.goto(`${site.url}/bench/soak/page.html`);
    await page.waitForFunction(() => 'soak' in window && customElements.get('prom-dashboard') !== undefined, { polling: 100 });
    const cdp = await page.createCDPSession();
    const heap = () => heapBytes(cdp);
    /** @type {(name: string) => Promise<any>} */
    const call = (name) => page.evaluate((n) => /** @type {any} */ (window).soak[n](), name);
    const probe = () => page.evaluate(() => /** @type {any} */ (window).leakProbe());
    const before = await probe();

    // Refresh ticks on one mounted dashboard.
    await call('mount');
    let started = performance.now();
    let tickHeapWarm = 0;
    for (let tick = 1; tick <= TICKS; tick++) {
      await call('tick');
      if (tick === TICKS_WARMUP) tickHeapWarm = await heap();
      if (tick % 500 === 0) process.stderr.write(`  ${tick} ticks, ${((performance.now() - started) / tick).toFixed(0)} ms a tick\n`);
    }
    const tickHeapEnd = await heap();
    const { newest, clock, stepMs } = await call('newest');
    const fresh = clock - newest <= stepMs;
    await call('unmount');

    // Mount and unmount cycles.
    started = performance.now();
    let cycleHeapWarm = 0;
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      await call('mount');
      await call('unmount');
      if (cycle === CYCLES_WARMUP) cycleHeapWarm = await heap();
      if (cycle % 50 === 0) process.stderr.write(`  ${cycle} cycles, ${((performance.now() - started) / cycle).toFixed(0)} ms a cycle\n`);
    }
    const cycleHeapEnd = await heap();

    // What is left once the last dashboard is gone.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await heap();
    const alive = (/** @type {() => object} */ prototype, /** @type {((list: any[]) => number) | undefined} */ count = undefined) => aliveIn(page, prototype, count);
    const left = {
      panels: await alive(() => /** @type {any} */ (customElements.get('prom-panel')).prototype),
      dashboards: await alive(() => /** @type {any} */ (customElements.get('prom-dashboard')).prototype),
      charts: await alive(() => HTMLDivElement.prototype, (list) => list.filter((el) => el.getAttribute('_echarts_instance_')).length),
    };
    const after = await probe();
    for (const [kind, count] of Object.entries(after)) left[/** @type {keyof typeof left} */ (kind)] = count - before[kind];
    const leftovers = Object.values(left).reduce((a, b) => a + Math.max(0, b), 0);
    const listed = Object.entries(left).map(([k, v]) => `${v} ${k}`).join(', ');

    const mb = (/** @type {number} */ bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
    return [
      {
        benchmark: 'soak',
        case: `24 panels, ${TICKS.toLocaleString('en')} refresh ticks of 10 s (a day)`,
        promkit: `heap ${mb(tickHeapEnd)}`,
        alternative: `after ${TICKS_WARMUP} ticks ${mb(tickHeapWarm)}`,
        ratio: tickHeapEnd / tickHeapWarm,
        target: 1.05,
        note: fresh ? 'the newest sample within a step of the clock' : `the newest sample ${(clock - newest) / 1000} s behind the clock, more than a step`,
      },
      {
        benchmark: 'soak',
        case: `${CYCLES} mounts and removals`,
        promkit: `heap ${mb(cycleHeapEnd)}`,
        alternative: `after ${CYCLES_WARMUP} cycles ${mb(cycleHeapWarm)}`,
        ratio: cycleHeapEnd / cycleHeapWarm,
        target: 1.05,
      },
      { benchmark: 'soak', case: 'left after the last removal', promkit: listed, alternative: 'none', ratio: leftovers, target: 0, count: true },
      ...editRows,
      ...streamRows,
    ];
  } finally {
    await browser.close();
    await site.stop();
  }
}

/**
 * Bytes the page's objects hold after two full collections, from a heap snapshot: every
 * JavaScript object, string and DOM node, but not compiled code (V8 optimises more functions
 * the longer a page runs, which is not a leak) nor Blink's own caches (text shaping).
 */
async function heapBytes(/** @type {import('puppeteer-core').CDPSession} */ cdp) {
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  /** @type {string[]} */
  const chunks = [];
  const onChunk = (/** @type {{ chunk: string }} */ e) => void chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes, strings } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const types = snapshot.meta.node_types[0];
  let bytes = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const kind = types[nodes[i + type]];
    if (kind === 'code' || (kind === 'native' && strings[nodes[i + name]].startsWith('blink::'))) continue;
    bytes += nodes[i + size];
  }
  return bytes;
}

/**
 * A streaming panel (soak/stream.html) pushed to STREAM_PUSHES times, 4 series a push, into a
 * 600-point window: heap after the warm-up against the end, each series' kept points, and what
 * is left of promkit once the panel is removed.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} siteUrl
 */
async function streamSoak(browser, siteUrl) {
  const page = await browser.newPage();
  try {
    page.on('pageerror', (error) => process.stderr.write(`stream soak page: ${error}\n`));
    await page.goto(`${siteUrl}/bench/soak/stream.html`);
    await page.waitForFunction(() => 'soak' in window && customElements.get('prom-panel') !== undefined, { polling: 100 });
    const cdp = await page.createCDPSession();
    const before = await page.evaluate(() => /** @type {any} */ (window).leakProbe());
    await page.evaluate(() => /** @type {any} */ (window).soak.mount());
    let warm = 0;
    /** @type {number[]} */
    let kept = [];
    const started = performance.now();
    for (let pushed = 0; pushed < STREAM_PUSHES; pushed += 1_000) {
      kept = await page.evaluate(() => /** @type {any} */ (window).soak.push(1_000));
      if (pushed + 1_000 === STREAM_WARMUP) warm = await heapBytes(cdp);
      if ((pushed + 1_000) % 10_000 === 0) process.stderr.write(`  ${(pushed + 1_000).toLocaleString('en')} pushes, ${((performance.now() - started) / (pushed + 1_000)).toFixed(2)} ms a push\n`);
    }
    const end = await heapBytes(cdp);
    await page.evaluate(() => /** @type {any} */ (window).soak.unmount());
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await heapBytes(cdp);
    const left = { panels: await aliveIn(page, () => /** @type {any} */ (customElements.get('prom-panel')).prototype) };
    const after = await page.evaluate(() => /** @type {any} */ (window).leakProbe());
    for (const [kind, count] of Object.entries(after)) /** @type {any} */ (left)[kind] = count - before[kind];
    const mb = (/** @type {number} */ bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
    return [
      {
        benchmark: 'soak',
        case: `a streaming panel, ${STREAM_PUSHES.toLocaleString('en')} pushes of 4 samples into a 600-point window`,
        promkit: `heap ${mb(end)}`,
        alternative: `after ${STREAM_WARMUP.toLocaleString('en')} pushes ${mb(warm)}`,
        ratio: end / warm,
        target: 1.05,
        note: `each series kept ${[...new Set(kept)].join(', ')} points`,
      },
      {
        benchmark: 'soak',
        case: 'left after removing the streaming panel',
        promkit: Object.entries(left).map(([k, v]) => `${v} ${k}`).join(', '),
        alternative: 'none',
        ratio: Object.values(left).reduce((a, b) => a + Math.max(0, b), 0),
        target: 0,
        count: true,
      },
    ];
  } finally {
    await page.close();
  }
}

/** Objects alive in the page with this prototype, counted in the page by `count`. */
async function aliveIn(/** @type {import('puppeteer-core').Page} */ page, /** @type {() => object} */ prototype, /** @type {(list: any[]) => number} */ count = (list) => list.length) {
  const proto = await page.evaluateHandle(prototype);
  const objects = await page.queryObjects(proto);
  const n = await objects.evaluate(count);
  await Promise.all([proto.dispose(), objects.dispose()]);
  return n;
}

/**
 * Edit cycles on an 8-panel `<prom-dashboard editable>` (soak/edit.html, the viewer and builder
 * elements bundled from the packages' dist): Edit, Add panel, move it by keyboard (Enter,
 * ArrowRight, Enter on its move handle, Chromium's real keys), a new title through the panel
 * drawer and Apply, Remove from its menu, Undo, Redo, Done. Heap after forced collection after a
 * tenth of the cycles, at half and at the end; then, still mounted, what is alive beyond the
 * dashboard as first mounted; then, after the dashboard's removal, what is left of promkit at all.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} siteUrl
 * @returns {Promise<import('./measure.mjs').Row[]>}
 */
async function editSoak(browser, siteUrl) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [fileURLToPath(new URL('./soak/edit-entry.mjs', import.meta.url))],
    outfile: `${ROOT}/test-output/soak/edit-bundle.js`,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const page = await browser.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => {
    errors.push(String(error));
    process.stderr.write(`edit soak page: ${error}\n`);
  });
  try {
    await page.goto(`${siteUrl}/bench/soak/edit.html`);
    await page.waitForFunction(() => 'editSoak' in window && customElements.get('prom-dashboard-editor') !== undefined, { polling: 100 });
    const cdp = await page.createCDPSession();
    const probe = () => page.evaluate(() => /** @type {any} */ (window).leakProbe());
    /** @type {(name: string, ...args: unknown[]) => Promise<any>} */
    const call = (name, ...args) => page.evaluate((n, a) => /** @type {any} */ (window).editSoak[n](...a), name, args);
    const before = await probe();
    await call('mount');
    const layout = await call('layout');
    const charts = () => aliveIn(page, () => HTMLDivElement.prototype, (list) => list.filter((el) => el.getAttribute('_echarts_instance_')).length);
    const panels = () => aliveIn(page, () => /** @type {any} */ (customElements.get('prom-panel')).prototype);
    await heapBytes(cdp);
    const mounted = { panels: await panels(), charts: await charts() };
    /** Cycles whose end differed from what the cycle should leave (the message of the first). */
    const wrong = { cycles: 0, first: '' };
    const fail = (/** @type {number} */ cycle, /** @type {string} */ what) => {
      if (!wrong.cycles++) wrong.first = `cycle ${cycle}: ${what}`;
    };
    const heaps = { warm: 0, middle: 0, end: 0 };
    const started = performance.now();
    for (let cycle = 1; cycle <= EDIT_CYCLES; cycle++) {
      const added = await call('enterAndAdd');
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      const moved = await call('position', added.id);
      if (moved.pos?.x !== added.pos.x + 1 || moved.pos?.y !== added.pos.y) fail(cycle, `moved to ${JSON.stringify(moved.pos)} from ${JSON.stringify(added.pos)}`);
      const title = `Edited ${cycle}`;
      const applied = await call('editInDrawer', added.id, title);
      if (applied !== title) fail(cycle, `the drawer applied the title "${applied}"`);
      const end = await call('removeUndoRedoLeave', added.id);
      if (!end.removed || !end.undone || !end.redone) fail(cycle, `remove ${end.removed}, undo brought it back ${end.undone}, redo removed it ${end.redone}`);
      if (end.editing || end.frames !== 0) fail(cycle, `after Done: editing ${end.editing}, ${end.frames} edit frames`);
      if (end.layout !== layout) fail(cycle, `the layout after removal is ${end.layout}, was ${layout}`);
      if (cycle === EDIT_WARMUP) heaps.warm = await heapBytes(cdp);
      if (cycle === EDIT_MIDDLE) heaps.middle = await heapBytes(cdp);
      if (cycle % 50 === 0) process.stderr.write(`  ${cycle} edit cycles, ${((performance.now() - started) / cycle).toFixed(0)} ms a cycle\n`);
    }
    heaps.end = await heapBytes(cdp);

    // Still mounted: nothing of the removed panels, editors, drawers and previews is alive.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await heapBytes(cdp);
    const extra = {
      panels: (await panels()) - mounted.panels,
      charts: (await charts()) - mounted.charts,
      'dashboard editors': await aliveIn(page, () => /** @type {any} */ (customElements.get('prom-dashboard-editor')).prototype),
      'edit frames': await aliveIn(page, () => /** @type {any} */ (customElements.get('prom-edit-frame')).prototype),
      'panel editors': await aliveIn(page, () => /** @type {any} */ (customElements.get('prom-panel-editor')).prototype),
    };

    await call('unmount');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await heapBytes(cdp);
    /** @type {Record<string, number>} */
    const left = {
      panels: await aliveIn(page, () => /** @type {any} */ (customElements.get('prom-panel')).prototype),
      dashboards: await aliveIn(page, () => /** @type {any} */ (customElements.get('prom-dashboard')).prototype),
      editors: await aliveIn(page, () => /** @type {any} */ (customElements.get('prom-dashboard-editor')).prototype),
      'panel editors': await aliveIn(page, () => /** @type {any} */ (customElements.get('prom-panel-editor')).prototype),
      charts: await aliveIn(page, () => HTMLDivElement.prototype, (list) => list.filter((el) => el.getAttribute('_echarts_instance_')).length),
    };
    const after = await probe();
    for (const [kind, count] of Object.entries(after)) left[kind] = count - before[kind];
    const sum = (/** @type {Record<string, number>} */ o) => Object.values(o).reduce((a, b) => a + Math.max(0, b), 0);
    const list = (/** @type {Record<string, number>} */ o) => Object.entries(o).map(([k, v]) => `${v} ${k}`).join(', ');
    const mb = (/** @type {number} */ bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
    const checked = wrong.cycles === 0 && errors.length === 0 ? `every cycle ended as it began; at half ${mb(heaps.middle)}` : `${wrong.cycles} cycles wrong, first ${wrong.first}; ${errors.length} page errors`;
    return [
      {
        benchmark: 'soak',
        case: `${EDIT_CYCLES} edit cycles (edit, add, keyboard move, drawer edit, remove, undo, redo, done)`,
        promkit: `heap ${mb(heaps.end)}`,
        alternative: `after ${EDIT_WARMUP} cycles ${mb(heaps.warm)}`,
        ratio: heaps.end / heaps.warm,
        target: wrong.cycles === 0 && errors.length === 0 ? 1.05 : 0,
        note: checked,
      },
      { benchmark: 'soak', case: 'alive after the edit cycles beyond the mounted dashboard', promkit: list(extra), alternative: 'none', ratio: sum(extra), target: 0, count: true },
      { benchmark: 'soak', case: 'left after removing the edited dashboard', promkit: list(left), alternative: 'none', ratio: sum(left), target: 0, count: true },
    ];
  } finally {
    await page.close();
  }
}
