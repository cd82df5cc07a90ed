// @ts-check
/**
 * Whether loading and decoding block the page, in Chromium: main-thread tasks over 50 ms.
 * - A 24-panel dashboard's cold load (cold/page.html: a fresh browser context each round, the
 *   soak's dashboard answered by its formula server in the page), through the chunked module
 *   entry against the single file: total blocking time (the sum of each long task's time over
 *   50 ms, as Lighthouse counts it) and the longest task, until every panel has drawn.
 * - Decoding a 25 MB answer (100 × 11,000) to frames through PrometheusClient, in the render
 *   bench's page, its values short decimals, then a third of them full doubles: its longest task
 *   and whole time against a bare `Response.json()` of the same bytes.
 */
import { launch } from 'puppeteer-core';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { serveStatic } from '../scripts/static-server.mjs';
import { median } from './measure.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const ROUNDS = 7;
/** The bound on any main-thread task while decoding, ms. */
const LONGEST_TASK_MS = 50;

/** @returns {Promise<import('./measure.mjs').Row[]>} */
export async function run() {
  const site = await serveStatic(ROOT);
  const browser = await launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, defaultViewport: { width: 1280, height: 1400 } });
  try {
    /** @type {Record<string, { totalBlockingMs: number, longestMs: number, drawnMs: number }[]>} */
    const loads = { single: [], chunked: [] };
    for (let round = 0; round < ROUNDS + 1; round++) {
      for (const name of round % 2 ? ['chunked', 'single'] : ['single', 'chunked']) {
        // A fresh context: no cached scripts, as a first visit.
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.goto(`${site.url}/bench/cold/page.html${name === 'chunked' ? '?chunked' : ''}`);
        const result = await page.evaluate(() => /** @type {any} */ (window).cold.load());
        if (result.panels !== 24) throw new Error(`cold bench: ${name} drew ${result.panels} panels, not 24`);
        if (round > 0) loads[name]?.push(result);
        await context.close();
      }
    }
    const of = (/** @type {string} */ name, /** @type {'totalBlockingMs' | 'longestMs' | 'drawnMs'} */ key) => median((loads[name] ?? []).map((r) => r[key]));
    const ms = (/** @type {number} */ n) => `${n.toFixed(0)} ms`;
    const rows = [];
    for (const [key, what] of /** @type {const} */ ([['totalBlockingMs', 'total blocking time'], ['longestMs', 'longest task'], ['drawnMs', 'every panel drawn']])) {
      const chunked = of('chunked', key);
      const single = of('single', key);
      rows.push({ benchmark: 'cold load', case: `24 panels, ${what}`, promkit: `chunked ${ms(chunked)}`, alternative: `single file ${ms(single)}`, ratio: chunked / single, target: Number.NaN });
    }

    const page = await browser.newPage();
    await page.goto(`${site.url}/bench/render/page.html`);
    await page.waitForFunction(() => 'bench' in window && customElements.get('prom-panel') !== undefined, { polling: 100 });
    for (const mixed of [false, true]) {
      const bytes = await page.evaluate((m) => /** @type {any} */ (window).bench.prepare(100, 11_000, m), mixed);
      /** @type {Record<string, { ms: number, longestMs: number }[]>} */
      const decodes = { promkit: [], bare: [], bytes: [] };
      for (let round = 0; round < ROUNDS + 1; round++) {
        for (const name of round % 2 ? ['bytes', 'bare', 'promkit'] : ['promkit', 'bare', 'bytes']) {
          const result = await page.evaluate((n) => /** @type {any} */ (window).bench.decode(n), name);
          if (round > 0) decodes[name]?.push(result);
        }
      }
      const size = `100 × 11,000${mixed ? ', a third full doubles' : ''} (${(bytes / 1e6).toFixed(1)} MB)`;
      const longest = median((decodes['promkit'] ?? []).map((r) => r.longestMs));
      const bareLongest = median((decodes['bare'] ?? []).map((r) => r.longestMs));
      const took = median((decodes['promkit'] ?? []).map((r) => r.ms));
      const bareTook = median((decodes['bare'] ?? []).map((r) => r.ms));
      const bytesTook = median((decodes['bytes'] ?? []).map((r) => r.ms));
      rows.push(
        { benchmark: 'decode in Chromium', case: `${size}, longest task`, promkit: ms(longest), alternative: `bound ${LONGEST_TASK_MS} ms; bare Response.json() ${ms(bareLongest)}`, ratio: longest / LONGEST_TASK_MS, target: 1 },
        // The 0.4× is for the fast path (plain decimals); full doubles go through Number().
        { benchmark: 'decode in Chromium', case: `${size}, whole decode`, promkit: ms(took), alternative: `bare fetch + JSON.parse ${ms(bareTook)}`, ratio: took / bareTook, target: mixed ? Number.NaN : 0.4 },
      );
      // The floor under any reader: the body's bytes (Response.arrayBuffer()).
      if (!mixed) rows.push({ benchmark: 'decode in Chromium', case: `${size}, Response.arrayBuffer() alone`, promkit: ms(bytesTook), alternative: `bare fetch + JSON.parse ${ms(bareTook)}`, ratio: bytesTook / bareTook, target: Number.NaN });
    }
    return rows;
  } finally {
    await browser.close();
    await site.stop();
  }
}
