// @ts-check
/**
 * The README's ```tsx (React) and ```js (Vue) blocks as runnable browser modules: each block is
 * bundled by esbuild exactly as written, except that it talks to the test Prometheus instead of
 * `/api/prom` and charts the live test series instead of `http_requests_total`.
 */
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Writes one module per block into `outDir` and an index.json listing them.
 * @param {{ root: string, outDir: string, prometheusUrl: string }} options
 * @returns {Promise<{ file: string, lang: string, source: string }[]>}
 */
export async function bundleReadmeSnippets({ root, outDir, prometheusUrl }) {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```(tsx|js)\n([\s\S]*?)```/g)].map((m, i) => ({ lang: m[1] ?? '', source: m[2] ?? '', name: `block-${i}` }));
  await mkdir(outDir, { recursive: true });
  const written = [];
  for (const block of blocks) {
    const contents = block.source.replaceAll('/api/prom', prometheusUrl).replaceAll('http_requests_total', 'promkit_live_requests_total');
    const file = `${block.name}.js`;
    await build({
      stdin: { contents, loader: block.lang === 'tsx' ? 'tsx' : 'js', resolveDir: root, sourcefile: `README.md (${block.name}.${block.lang})` },
      bundle: true,
      format: 'esm',
      jsx: 'automatic',
      outfile: join(outDir, file),
      // The runtime template compiler, which the recipe's isCustomElement option configures.
      alias: { vue: require.resolve('vue/dist/vue.esm-bundler.js') },
      define: { 'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
      logLevel: 'error',
    });
    written.push({ file, lang: block.lang, source: block.source });
  }
  await writeFile(join(outDir, 'index.json'), JSON.stringify(written));
  return written;
}
