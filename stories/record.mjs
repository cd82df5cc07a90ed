// @ts-check
/**
 * `npm run stories:record`: records the catalog's answers from the demo. Starts the demo's
 * Prometheus, builds the catalog, opens every story in Chromium with live data, and saves what
 * each story's fetch received to stories/recording.json. Run it after changing a story's queries.
 * `npm run stories:record -- <story id>…` records only those stories and keeps every other
 * story's answers as they are (the demo's data, and so other stories' answers, move with time).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureNodeModules, ensureSystemParts, run } from '../scripts/ensure.mjs';

ensureNodeModules();
ensureSystemParts();
run('npm', ['run', 'build', '--silent']);
run('npx', ['storybook', 'build', '--quiet', '-o', 'storybook-static']);

const { launch } = await import('puppeteer-core');
const { serveDemoSite } = await import('../scripts/static-server.mjs');
const { startDemoPrometheus } = await import('../examples/demo/prometheus.mjs');
const { CHROMIUM, CHROMIUM_ARGS } = await import('../scripts/chromium.mjs');

const prometheus = await startDemoPrometheus();
const saves = await mkdtemp(join(tmpdir(), 'promkit-record-saves-'));
const site = await serveDemoSite(ROOT, prometheus.url, { dataDir: saves });
const browser = await launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, defaultViewport: { width: 1280, height: 3000 } });
try {
  // Half a minute of live samples first, so every story's newest points come from scraping
  // (up, process metrics), not only from the backfill.
  await new Promise((resolve) => setTimeout(resolve, 30_000));
  const index = JSON.parse(await readFile(join(ROOT, 'storybook-static/index.json'), 'utf8'));
  // Stories tagged own-data answer from a fetch of their own: nothing to record.
  const only = process.argv.slice(2);
  const unknown = only.filter((id) => !index.entries[id]);
  if (unknown.length) throw new Error(`No story ${unknown.join(', ')} in the catalog (ids such as elements-prom-panel--stat)`);
  const stories = Object.values(index.entries).filter((e) => e.type === 'story' && !e.tags?.includes('own-data') && (only.length === 0 || only.includes(e.id)));
  /** @type {Record<string, Record<string, unknown>>} */
  const recorded = only.length ? JSON.parse(await readFile(join(ROOT, 'stories/recording.json'), 'utf8')).stories : {};
  const page = await browser.newPage();
  let fresh = 0;
  for (const story of stories) {
    await page.goto(`${site.url}/storybook-static/iframe.html?id=${story.id}&viewMode=story&globals=data:live`);
    await page.waitForFunction(panelsSettled, { timeout: 30_000, polling: 250 }).catch(() => console.warn(`  ${story.id}: panels still loading after 30 s`));
    const answers = await page.evaluate(() => /** @type {any} */ (window).__promkitRecording ?? {});
    if (Object.keys(answers).length) (recorded[story.id] = sortedRounded(answers)), fresh++;
    console.log(`  ${story.id}: ${Object.keys(answers).length} answers`);
  }
  const sorted = Object.fromEntries(Object.entries(recorded).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(join(ROOT, 'stories/recording.json'), `${JSON.stringify({ recordedAt: new Date().toISOString(), stories: sorted })}\n`);
  console.log(`Recorded the answers of ${fresh} of ${stories.length} stories into stories/recording.json.`);
} finally {
  await browser.close();
  await site.stop();
  await prometheus.stop();
  await rm(saves, { recursive: true, force: true });
}

/** In the page: no panel (inside dashboards too) is loading or waiting on screen, for half a second. */
function panelsSettled() {
  /** @param {Document | ShadowRoot} root @returns {any[]} */
  const panels = (root) => [...root.querySelectorAll('*')].flatMap((el) => [...(el.localName === 'prom-panel' ? [el] : []), ...(el.shadowRoot ? panels(el.shadowRoot) : [])]);
  const onScreen = (/** @type {Element} */ el) => {
    const box = el.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight && box.width > 0;
  };
  const busy = panels(document).some((p) => p._state === 'loading' || (p._state === 'idle' && onScreen(p)));
  const w = /** @type {any} */ (window);
  if (busy || !document.querySelector('#storybook-root > *')) w.__settledSince = undefined;
  else w.__settledSince ??= Date.now();
  return w.__settledSince !== undefined && Date.now() - w.__settledSince > 500;
}

/**
 * Answers in key order with rounded values, so a new recording diffs readably.
 * @param {Record<string, unknown>} answers
 */
function sortedRounded(answers) {
  return Object.fromEntries(Object.entries(answers).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, rounded(v)]));
}

/**
 * A copy with sample values cut to 6 significant digits: the recording stays small, the charts
 * look the same.
 * @param {unknown} value
 * @returns {unknown}
 */
function rounded(value) {
  if (Array.isArray(value)) {
    if (value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'string' && Number.isFinite(Number(value[1]))) {
      return [value[0], String(Number(Number(value[1]).toPrecision(6)))];
    }
    return value.map(rounded);
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}
