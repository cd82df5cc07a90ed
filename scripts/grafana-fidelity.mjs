#!/usr/bin/env node
// @ts-check
/**
 * How much of real Grafana dashboards promkit loses: imports every dashboard of the corpus
 * (tests/fixtures/grafana/corpus) with fromGrafana from a built @promkit/core and counts panels
 * drawn, panels kept as notes, and the import's warnings grouped into kinds of lost feature.
 *
 *   node scripts/grafana-fidelity.mjs                 Markdown tables on stdout
 *   node scripts/grafana-fidelity.mjs --json          the same as JSON
 *   node scripts/grafana-fidelity.mjs --baseline      tests/fixtures/grafana/corpus/lost-features.json
 *   node scripts/grafana-fidelity.mjs --core DIR      fromGrafana of another checkout (DIR/packages/core/dist)
 *
 * Build core first (`npm run build -w @promkit/core`). "Lost features" counts every warning but
 * the informational ones (tests/harness/grafana-corpus.mjs lists the kinds): those say how
 * something was mapped or checked, with nothing a viewer of the dashboard misses.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CORPUS, corpusFiles, countImport } from '../tests/harness/grafana-corpus.mjs';

/** @typedef {import('../tests/harness/grafana-corpus.mjs').Warning} Warning */
/** @typedef {import('../tests/harness/grafana-corpus.mjs').Kind} Kind */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every corpus file counted with the fromGrafana of a built core at `coreRoot`. */
async function measure(/** @type {string} */ coreRoot) {
  const entry = join(coreRoot, 'packages/core/dist/grafana/index.js');
  /** @type {{ fromGrafana: (input: unknown) => { warnings: Warning[] } }} */
  const core = await import(pathToFileURL(entry).href);
  return corpusFiles().map((file) => {
    const source = JSON.parse(readFileSync(join(CORPUS, file), 'utf8'));
    return { file, schemaVersion: source.schemaVersion, ...countImport(source, core.fromGrafana(source).warnings) };
  });
}

/** Counts by kind, most frequent first. */
function tally(/** @type {Kind[]} */ kinds) {
  /** @type {Map<string, { group: string, item?: string, informational: boolean, count: number }>} */
  const out = new Map();
  for (const k of kinds) {
    const key = `${k.group}\u0000${k.item ?? ''}`;
    const entry = out.get(key) ?? { group: k.group, ...(k.item !== undefined ? { item: k.item } : {}), informational: k.informational === true, count: 0 };
    entry.count++;
    out.set(key, entry);
  }
  return [...out.values()].sort((a, b) => b.count - a.count || a.group.localeCompare(b.group) || (a.item ?? '').localeCompare(b.item ?? ''));
}

/** The commit a checkout is at, if git can tell. */
function commitOf(/** @type {string} */ dir) {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function markdown(/** @type {Awaited<ReturnType<typeof report>>} */ r) {
  const lines = [`Core: \`${r.core}\`${r.commit ? ` at ${r.commit}` : ''}; corpus: ${r.files.length} dashboards.`, ''];
  const t = r.totals;
  lines.push('| files | panels | drawn | notes | warnings | informational | lost features |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  lines.push(`| ${r.files.length} | ${t.panels} | ${t.imported} | ${t.notes} | ${t.warnings} | ${t.informational} | **${t.lost}** |`, '');
  lines.push('| lost feature | count | items |', '| --- | ---: | --- |');
  /** @type {Map<string, { count: number, items: string[] }>} */
  const groups = new Map();
  for (const k of r.kinds.filter((k) => !k.informational)) {
    const g = groups.get(k.group) ?? { count: 0, items: [] };
    g.count += k.count;
    if (k.item !== undefined) g.items.push(`${k.item} ×${k.count}`);
    groups.set(k.group, g);
  }
  for (const [group, g] of [...groups].sort((a, b) => b[1].count - a[1].count)) lines.push(`| ${group} | ${g.count} | ${g.items.join(', ').replace(/\|/g, '\\|')} |`);
  lines.push('', '| informational (not counted) | count |', '| --- | ---: |');
  for (const k of r.kinds.filter((k) => k.informational)) lines.push(`| ${k.group} | ${k.count} |`);
  lines.push('', '| file | schemaVersion | panels | notes | warnings | lost |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const f of r.files) lines.push(`| ${f.file} | ${f.schemaVersion} | ${f.panels} | ${f.notes} | ${f.warnings} | ${f.lost} |`);
  return lines.join('\n');
}

async function report(/** @type {string} */ coreRoot) {
  const files = await measure(coreRoot);
  const sum = (/** @type {'panels' | 'imported' | 'notes' | 'warnings' | 'informational' | 'lost'} */ k) => files.reduce((n, f) => n + f[k], 0);
  return {
    core: coreRoot,
    commit: commitOf(coreRoot),
    totals: { files: files.length, panels: sum('panels'), imported: sum('imported'), notes: sum('notes'), warnings: sum('warnings'), informational: sum('informational'), lost: sum('lost') },
    kinds: tally(files.flatMap((f) => f.kinds)),
    files: files.map(({ kinds: _kinds, ...f }) => f),
  };
}

const args = process.argv.slice(2);
const core = args[args.indexOf('--core') + 1];
const result = await report(args.includes('--core') && core ? resolve(core) : ROOT);
if (args.includes('--baseline')) {
  const files = Object.fromEntries(result.files.map((f) => [f.file, f.lost]));
  const $comment = 'Lost features per corpus file, the most packages/core/test/grafana-corpus.test.ts allows. Written by node scripts/grafana-fidelity.mjs --baseline (after npm run build -w @promkit/core).';
  console.log(JSON.stringify({ $comment, files }, null, 2));
} else if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
else console.log(markdown(result));
