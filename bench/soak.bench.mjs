// @ts-check
/**
 * Soak in Chromium: a 24-panel dashboard (every panel type, two query variables) refreshed
 * thousands of times on a clock that moves 30 s a tick, then mounted and removed 200 times.
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
const TICKS = Number(process.env['SOAK_TICKS'] ?? 2_000);
const TICKS_WARMUP = Math.max(1, Math.round(TICKS / 10));
const CYCLES = Number(process.env['SOAK_CYCLES'] ?? 200);
const CYCLES_WARMUP = Math.max(1, Math.round(CYCLES / 10));

/** @returns {Promise<import('./measure.mjs').Row[]>} */
export async function run() {
  const site = await serveStatic(ROOT);
  const browser = await launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, defaultViewport: { width: 1280, height: 1600 } });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => process.stderr.write(`soak page: ${error}\n`));
    await page.goto(`${site.url}/bench/soak/page.html`);
    await page.waitForFunction(() => 'soak' in window && customElements.get('prom-dashboard') !== undefined, { polling: 100 });
    const cdp = await page.createCDPSession();
    /**
     * Bytes the page's objects hold after two full collections, from a heap snapshot: every
     * JavaScript object, string and DOM node, but not compiled code (V8 optimises more functions
     * the longer a page runs, which is not a leak) nor Blink's own caches (text shaping).
     */
    const heap = async () => {
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
    };
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
    /** Objects alive in the page with this prototype, counted in the page by `count`. */
    const alive = async (/** @type {() => object} */ prototype, /** @type {(list: any[]) => number} */ count = (list) => list.length) => {
      const proto = await page.evaluateHandle(prototype);
      const objects = await page.queryObjects(proto);
      const n = await objects.evaluate(count);
      await Promise.all([proto.dispose(), objects.dispose()]);
      return n;
    };
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
        case: `24 panels, ${TICKS.toLocaleString('en')} refresh ticks of 30 s`,
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
    ];
  } finally {
    await browser.close();
    await site.stop();
  }
}
