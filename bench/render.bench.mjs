// @ts-check
/**
 * Cold render in Chromium at 1200×400, from the answer's bytes to painted pixels (two animation
 * frames after the chart is set): promkit's <prom-panel> against bare ECharts fed the tuned way
 * (one typed-array dataset per series, LTTB sampling, no animation) and bare ECharts fed
 * `[[t, v]]` pairs. Each contestant decodes and parses the same bytes itself; see render/page.html.
 */
import { launch } from 'puppeteer-core';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { serveStatic } from '../scripts/static-server.mjs';
import { median } from './measure.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const NAMES = /** @type {const} */ (['promkit', 'tuned', 'pairs']);

/** @returns {Promise<import('./measure.mjs').Row[]>} */
export async function run() {
  // The page loads ECharts' own full build for the bare contestants (the site serves no node_modules).
  const site = await serveStatic(ROOT, {
    '/vendor/echarts.min.js': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      createReadStream(join(ROOT, 'node_modules/echarts/dist/echarts.min.js')).pipe(res);
    },
  });
  const browser = await launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, defaultViewport: { width: 1280, height: 900 } });
  try {
    const page = await browser.newPage();
    await page.goto(`${site.url}/bench/render/page.html`);
    await page.waitForFunction(() => 'bench' in window && customElements.get('prom-panel') !== undefined, { polling: 100 });
    const rows = [];
    for (const points of [1_000, 11_000]) {
      await page.evaluate((n) => /** @type {any} */ (window).bench.prepare(100, n), points);
      const rounds = points > 5_000 ? 5 : 9;
      /** @type {Record<string, number[]>} */
      const times = { promkit: [], tuned: [], pairs: [] };
      for (let round = 0; round < rounds + 1; round++) {
        for (const name of round % 2 ? [...NAMES].reverse() : NAMES) {
          const ms = await page.evaluate((n) => /** @type {any} */ (window).bench.run(n), name);
          if (round > 0) times[name]?.push(ms);
        }
      }
      const ours = median(times['promkit'] ?? []);
      const tuned = median(times['tuned'] ?? []);
      const pairs = median(times['pairs'] ?? []);
      const size = `100 × ${points.toLocaleString('en')}`;
      rows.push(
        { benchmark: 'cold render', case: size, promkit: `${ours.toFixed(0)} ms`, alternative: `tuned bare ECharts ${tuned.toFixed(0)} ms`, ratio: ours / tuned, target: 1.2 },
        { benchmark: 'cold render', case: size, promkit: `${ours.toFixed(0)} ms`, alternative: `ECharts fed [[t, v]] pairs ${pairs.toFixed(0)} ms`, ratio: ours / pairs, target: 0.5 },
      );
    }
    return rows;
  } finally {
    await browser.close();
    await site.stop();
  }
}
