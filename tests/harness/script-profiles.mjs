// @ts-check
/**
 * What each way of loading promkit from a script tag downloads, minified + gzip (level 9), read
 * from the built files: the single file (`promkit.min.js`), and the chunked build in
 * `packages/elements/dist/cdn`, where a file's static imports load with it and its dynamic
 * `import()`s load on first use. Shared by tests/integration/bundle-size.test.ts (budgets) and
 * bench/bundle.bench.mjs (the table).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const DIST = fileURLToPath(new URL('../../packages/elements/dist/', import.meta.url));
const CDN = join(DIST, 'cdn');

/** promkit-builder.min.js' budget, KB gzip: the test holds it, the bench's table shows it (the history is in bundle-size.test.ts). */
export const BUILDER_BUDGET_KB = 238;

/** Gzip size as the budgets count it (level 9, as `gzip -9`). */
export const gzipSize = (/** @type {Uint8Array | string} */ code) => gzipSync(code, { level: 9 }).length;

/** A file's relative imports in the minified output: static (`import … from "./x.js"`, `export … from`) and dynamic (`import("./x.js")`). */
function importsOf(/** @type {string} */ file) {
  const code = readFileSync(file, 'utf8');
  const resolve = (/** @type {string} */ spec) => join(dirname(file), spec);
  return {
    static: [...code.matchAll(/(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)].map((m) => resolve(m[1] ?? '')),
    dynamic: [...code.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => resolve(m[1] ?? '')),
  };
}

/** Every file that loads with `entries` (their static imports, transitively). */
export function loadedWith(/** @type {string[]} */ entries) {
  const seen = new Set();
  const stack = [...entries];
  while (stack.length > 0) {
    const file = /** @type {string} */ (stack.pop());
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...importsOf(file).static);
  }
  return seen;
}

/** The chunk built from module `name` (`chunks/<name>.<hash>.js`, rollup.config.mjs). */
export function chunk(/** @type {string} */ name) {
  const found = readdirSync(join(CDN, 'chunks')).filter((f) => f.endsWith('.js') && f.split('.')[0] === name);
  if (found.length !== 1) throw new Error(`script-profiles: expected one chunk named ${name} in ${CDN}/chunks, found ${found.length}: build the elements package`);
  return join(CDN, 'chunks', /** @type {string} */ (found[0]));
}

/** A file of the chunked build. */
export const cdn = (/** @type {string} */ file) => join(CDN, file);

/** Gzip bytes of `files` less those already loaded (`after`). */
export function bytesOf(/** @type {Iterable<string>} */ files, /** @type {Set<string>} */ after = new Set()) {
  let total = 0;
  for (const file of files) if (!after.has(file)) total += gzipSize(readFileSync(file));
  return total;
}

/** The files' names, relative to the chunked build's folder. */
export const names = (/** @type {Iterable<string>} */ files) => [...files].map((f) => relative(CDN, f)).sort();

/**
 * Each profile's bytes: what a page downloads before it can draw, then what each further use adds.
 * @returns {{ profile: string, bytes: number, files: string[] }[]}
 */
export function profiles() {
  const viewer = loadedWith([cdn('promkit.js')]);
  // The first query loads the PromQL parser (the syntax check before sending), the first chart ECharts' base.
  const timeseries = loadedWith([cdn('promkit.js'), chunk('parse'), chunk('echarts')]);
  const builder = loadedWith([...timeseries, cdn('promkit-builder.js')]);
  const queryEditor = loadedWith([...builder, chunk('editor-code')]);
  const single = join(DIST, 'promkit.min.js');
  return [
    { profile: 'promkit.min.js, the single file', bytes: gzipSize(readFileSync(single)), files: [basename(single)] },
    { profile: 'promkit.js: the viewer, before any chart code', bytes: bytesOf(viewer), files: names(viewer) },
    { profile: 'promkit.js: a page of time series and stats, before its first chart', bytes: bytesOf(timeseries), files: names(timeseries) },
    { profile: 'promkit-builder.js: edit mode, after that page', bytes: bytesOf(builder, timeseries), files: names([...builder].filter((f) => !timeseries.has(f))) },
    { profile: 'the PromQL editor (CodeMirror), when a query field first shows', bytes: bytesOf(queryEditor, builder), files: names([...queryEditor].filter((f) => !builder.has(f))) },
  ];
}
