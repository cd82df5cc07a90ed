import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const typescriptFor = (declarations, outDir = 'dist') =>
  typescript({
    tsconfig: './tsconfig.json',
    compilerOptions: { module: 'NodeNext', composite: false, declaration: declarations, declarationMap: declarations, stripInternal: declarations, outDir, rootDir: 'src' },
  });

/** The viewer's script-tag global, which promkit-builder.min.js extends. */
const GLOBAL = 'promkit';
const VIEWER_MODULE = '\0promkit-viewer:';

/**
 * For promkit-builder.min.js: every module whose runtime exports promkit.min.js already exposes on
 * `window.promkit` (the @promkit/core modules behind its root, the viewer's elements and events) is
 * read from there instead of bundled a second time, and the viewer's define modules (e.g. the
 * panel editor's `import '../panel/panel.js'` for its preview) become nothing: the viewer
 * registered them. New builder elements are covered without a list. The bundle starts by checking
 * the viewer is there, and each taken module checks its names, so a missing or mismatched
 * promkit.min.js is a clear error, not a half-registered page.
 */
function fromViewer() {
  /** @type {Promise<{ names: Set<string>, defines: Set<string> }> | undefined} */
  let viewer;
  const resolved = async (ctx, source, importer) => (await ctx.resolve(source, importer, { skipSelf: true }))?.id;
  /** A module's runtime export names, read from its file (following `export *`), not through this.load, which can wait on an import cycle forever. */
  async function exportsOf(ctx, id) {
    const code = readFileSync(id, 'utf8');
    const ast = ctx.parse(id.endsWith('.ts') ? ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText : code);
    const names = [];
    for (const node of ast?.body ?? []) {
      if (node.type === 'ExportAllDeclaration' && !node.exported) names.push(...(await exportsOf(ctx, await resolved(ctx, node.source.value, id))).filter((n) => n !== 'default'));
      else if (node.type === 'ExportAllDeclaration') names.push(node.exported.name);
      else if (node.type === 'ExportNamedDeclaration') {
        for (const spec of node.specifiers) names.push(spec.exported.name ?? spec.exported.value);
        const d = node.declaration;
        if (d?.id) names.push(d.id.name);
        for (const v of d?.declarations ?? []) if (v.id.type === 'Identifier') names.push(v.id.name);
      } else if (node.type === 'ExportDefaultDeclaration') names.push('default');
    }
    return names;
  }
  async function surface(ctx) {
    const src = (file) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));
    // What bundle.ts exposes: every export of the elements root and of @promkit/core's root.
    const names = new Set([...(await exportsOf(ctx, src('index.ts'))), ...(await exportsOf(ctx, await resolved(ctx, '@promkit/core', src('bundle.ts'))))]);
    const defines = new Set();
    for (const node of ctx.parse(readFileSync(src('define.ts'), 'utf8')).body) if (node.type === 'ImportDeclaration') defines.add(await resolved(ctx, node.source.value, src('define.ts')));
    return { names, defines };
  }
  return {
    name: 'from-viewer',
    /** Before any module is resolved: what promkit.min.js exposes. */
    async buildStart() {
      viewer = undefined;
      const read = await surface(this);
      viewer = Promise.resolve(read);
    },
    async resolveId(source, importer, options) {
      if (source.startsWith(VIEWER_MODULE)) return source;
      if (!importer || importer.startsWith('\0')) return null;
      const id = await resolved(this, source, importer);
      if (!id || !/[\\/]packages[\\/](core[\\/]dist|elements[\\/]src)[\\/]/.test(id) || /builder(-bundle)?\.ts$/.test(id)) return null;
      // Resolutions made while buildStart reads the surface resolve normally.
      if (!viewer) return null;
      const { names, defines } = await viewer;
      if (defines.has(id)) return `${VIEWER_MODULE}define`;
      const exports = await exportsOf(this, id);
      if (exports.length > 0 && exports.every((name) => names.has(name))) return `${VIEWER_MODULE}${exports.join(',')}`;
      return null;
    },
    load(id) {
      if (!id.startsWith(VIEWER_MODULE)) return null;
      const wanted = id.slice(VIEWER_MODULE.length);
      if (wanted === 'define') return 'export {};';
      const list = wanted.split(',');
      return [
        `const viewer = globalThis.${GLOBAL};`,
        `const missing = ${JSON.stringify(list)}.filter((name) => !(name in viewer));`,
        "if (missing.length) throw new Error(`promkit-builder.min.js: window.promkit has no ${missing.join(', ')}: load the promkit.min.js of the same promkit version`);",
        ...list.map((name) => `export const ${name} = viewer.${name};`),
      ].join('\n');
    },
    /** Runs first in the bundle, before any module. */
    intro: () =>
      `if (typeof globalThis.${GLOBAL}?.PromDashboard !== 'function') throw new Error('promkit-builder.min.js: load promkit.min.js first (its <script> tag before this one); the builder uses the viewer and @promkit/core from window.promkit');`,
  };
}

/**
 * The builder bundle's own copy of Lit would create a second Trusted Types policy named
 * `lit-html`, which a strict `trusted-types` list refuses without `'allow-duplicates'`: its copy
 * names its policy `promkit` instead (the README's policy lists both).
 */
function litPolicyNamed(name) {
  return {
    name: 'lit-policy-name',
    transform(code, id) {
      if (!/[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
      const old = 'createPolicy("lit-html"';
      if (code.split(old).length !== 2) throw new Error(`lit-policy-name: ${id} no longer has one ${old}; update rollup.config.mjs`);
      return { code: code.replace(old, `createPolicy(${JSON.stringify(name)}`), map: null };
    },
  };
}

export default [
  /** ESM build with declarations; dependencies stay external for npm users. */
  {
    input: ['src/index.ts', 'src/define.ts', 'src/builder.ts', ...['panel', 'dashboard', 'time-range', 'refresh-picker', 'variable', 'rules'].map((name) => `src/components/${name}/${name}.ts`)],
    output: { dir: 'dist', format: 'es', sourcemap: true, preserveModules: true, preserveModulesRoot: 'src' },
    external: [/^lit(\/|$)/, /^@lit\//, /^echarts(\/|$)/, /^zrender(\/|$)/, /^@promkit\//, /^marked$/, /^dompurify$/, /^@codemirror\//, /^@lezer\//, /^@prometheus-io\//],
    plugins: [typescriptFor(true)],
  },
  /** One minified file for a <script> tag: everything bundled, every element registered. */
  {
    input: 'src/bundle.ts',
    output: { file: 'dist/promkit.min.js', format: 'iife', name: 'promkit', sourcemap: true, inlineDynamicImports: true },
    plugins: [
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import'] }),
      typescriptFor(false),
      terser({ format: { comments: false } }),
    ],
  },
  /**
   * The chunked script-tag build in dist/cdn, for `<script type="module">`: promkit.js registers
   * the viewer and loads the rest from chunks/ on first use (echarts-loader.ts, on-demand.ts);
   * promkit-builder.js and promkit-core.js share those chunks, so nothing is downloaded twice.
   */
  {
    input: { promkit: 'src/chunked.ts', 'promkit-builder': 'src/builder.ts', 'promkit-core': 'src/chunked-core.ts' },
    output: { dir: 'dist/cdn', format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name].[hash].js' },
    plugins: [
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import'] }),
      typescriptFor(false, 'dist/cdn'),
      terser({ format: { comments: false } }),
    ],
  },
  /** The builder for a <script> tag after promkit.min.js: adds its classes to window.promkit. */
  {
    input: 'src/builder-bundle.ts',
    output: { file: 'dist/promkit-builder.min.js', format: 'iife', name: GLOBAL, extend: true, sourcemap: true, inlineDynamicImports: true },
    plugins: [
      fromViewer(),
      litPolicyNamed('promkit'),
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import'] }),
      typescriptFor(false),
      terser({ format: { comments: false } }),
    ],
  },
];
