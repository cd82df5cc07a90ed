// @ts-check
/**
 * The script-tag bundle (every element, minified + gzip) against its budget and against the bare
 * parts it is built on: ECharts (`echarts/core` with the same charts and components promkit
 * registers) and lit, built with the same rollup, resolve and terser settings.
 */
import { readFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BUILDER_BUDGET_KB, profiles } from '../tests/harness/script-profiles.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The first budget for the script-tag bundle, gzip bytes. */
export const BUDGET = 230 * 1024;
/** Issue 20's targets for the chunked build, gzip bytes: before a time series page's first chart, and edit mode on top. */
export const FIRST_CHART_TARGET = 200 * 1024;
export const BUILDER_TARGET = 150 * 1024;
/** The builder bundle's budget, gzip bytes (the one tests/integration/bundle-size.test.ts holds). */
export const BUILDER_BUDGET = BUILDER_BUDGET_KB * 1024;

/** Gzip size as the budget counts it (level 9, as `gzip -9`). */
export const gzipSize = (/** @type {Uint8Array | string} */ code) => gzipSync(code, { level: 9 }).length;

/** The ECharts parts promkit registers, read from its registration module. */
export async function echartsParts() {
  const source = await readFile(join(ROOT, 'packages/elements/src/charts/echarts.ts'), 'utf8');
  const list = /use\(\[([\s\S]*?)\]\)/.exec(source)?.[1];
  if (!list) throw new Error('bundle bench: no use([...]) in packages/elements/src/charts/echarts.ts');
  return list.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Minified bytes of bare ECharts with those parts, plus a lit element that starts a chart. */
export async function bareParts() {
  const parts = await echartsParts();
  const from = (/** @type {string} */ name) => (name.endsWith('Chart') ? 'echarts/charts' : name.endsWith('Renderer') ? 'echarts/renderers' : 'echarts/components');
  const modules = [...new Set(parts.map(from))];
  const entry = [
    "import { init, use } from 'echarts/core';",
    ...modules.map((module) => `import { ${parts.filter((p) => from(p) === module).join(', ')} } from '${module}';`),
    "import { LitElement, html } from 'lit';",
    `use([${parts.join(', ')}]);`,
    'class BareChart extends LitElement { render() { return html`<div style="height:300px"></div>`; } firstUpdated() { init(this.renderRoot.firstElementChild); } }',
    "customElements.define('bare-chart', BareChart);",
  ].join('\n');
  // Inside the project, so the bare entry resolves the same node_modules; test-output is not in a fresh clone.
  await mkdir(join(ROOT, 'test-output'), { recursive: true });
  const dir = await mkdtemp(join(ROOT, 'test-output', 'bare-'));
  try {
    await writeFile(join(dir, 'bare.mjs'), entry);
    // The same plugins and settings as packages/elements/rollup.config.mjs gives the script-tag bundle.
    await writeFile(
      join(dir, 'rollup.config.mjs'),
      [
        "import nodeResolve from '@rollup/plugin-node-resolve';",
        "import replace from '@rollup/plugin-replace';",
        "import terser from '@rollup/plugin-terser';",
        `export default { input: ${JSON.stringify(join(dir, 'bare.mjs'))}, output: { file: ${JSON.stringify(join(dir, 'bare.min.js'))}, format: 'iife' }, onwarn: () => {}, plugins: [`,
        "  replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),",
        "  nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import'] }),",
        '  terser({ format: { comments: false } }),',
        '] };',
      ].join('\n'),
    );
    await promisify(execFile)(join(ROOT, 'node_modules/.bin/rollup'), ['-c', join(dir, 'rollup.config.mjs'), '--silent'], { cwd: ROOT });
    return await readFile(join(dir, 'bare.min.js'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** @returns {Promise<import('./measure.mjs').Row[]>} */
export async function run() {
  const ours = gzipSize(await readFile(join(ROOT, 'packages/elements/dist/promkit.min.js')));
  const builder = gzipSize(await readFile(join(ROOT, 'packages/elements/dist/promkit-builder.min.js')));
  const bare = gzipSize(await bareParts());
  // The chunked build (dist/cdn): what each profile downloads (tests/harness/script-profiles.mjs).
  const chunked = profiles().filter((p) => !p.profile.startsWith('promkit.min.js'));
  const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
  return [
    { benchmark: 'bundle', case: 'promkit.min.js, min + gzip', promkit: kb(ours), alternative: `budget ${kb(BUDGET)}`, ratio: ours / BUDGET, target: 1 },
    { benchmark: 'bundle', case: 'promkit.min.js, min + gzip', promkit: kb(ours), alternative: `bare echarts/core (same parts) + lit ${kb(bare)}`, ratio: ours / bare, target: 1.1 },
    { benchmark: 'bundle', case: 'promkit-builder.min.js (after promkit.min.js), min + gzip', promkit: kb(builder), alternative: `budget ${kb(BUILDER_BUDGET)}`, ratio: builder / BUILDER_BUDGET, target: 1 },
    ...chunked.map(({ profile, bytes }) => {
      const target = profile.includes('first chart') ? FIRST_CHART_TARGET : profile.includes('edit mode') ? BUILDER_TARGET : undefined;
      return { benchmark: 'bundle', case: `${profile}, min + gzip`, promkit: kb(bytes), alternative: target ? `target ${kb(target)}` : `single file ${kb(ours)}`, ratio: bytes / (target ?? ours), target: target ? 1 : Number.NaN };
    }),
  ];
}
