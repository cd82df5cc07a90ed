// @ts-check
/**
 * `npm run bench`: runs every benchmark (bench/*.bench.mjs, or those named on the command line),
 * prints one table, and writes it with the machine it ran on into bench/README.md.
 * Each row compares promkit with its alternative in the same run, as a ratio against a target.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, ensureSystemParts, run } from '../scripts/ensure.mjs';

// Like `npm test`, from a fresh clone: what is missing is installed, and the benchmarks measure
// the code as it is now, not an old build.
ensureNodeModules();
ensureSystemParts();
run('npm', ['run', 'build', '--silent']);

const here = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.mjs') && (!wanted.length || wanted.some((w) => f.startsWith(w)))).sort();

/** @type {import('./measure.mjs').Row[]} */
const rows = [];
for (const file of files) {
  process.stderr.write(`running ${file}…\n`);
  const { run } = await import(`./${file}`);
  rows.push(...(await run()));
}

const machine = `${cpus()[0]?.model.trim()} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
const verdict = (/** @type {import('./measure.mjs').Row} */ r) => (Number.isNaN(r.target) ? '—' : r.ratio <= r.target ? 'met' : '**missed**');
/** A row's ratio as `0.52×`, or its count as it is. */
const shown = (/** @type {import('./measure.mjs').Row} */ r) => (r.count ? String(r.ratio) : `${r.ratio.toFixed(r.ratio < 0.1 ? 3 : 2)}×`);
const table = [
  `Machine: ${machine}`,
  '',
  '| Benchmark | Case | promkit | Compared with | Ratio | Target | |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.benchmark} | ${r.case} | ${r.promkit} | ${r.alternative} | ${shown(r)} | ${Number.isNaN(r.target) ? '—' : `≤ ${r.count ? r.target : `${r.target}×`}`} | ${verdict(r)}${r.note ? ` (${r.note})` : ''} |`),
].join('\n');
console.log(table);

if (!wanted.length) {
  const readme = new URL('./README.md', import.meta.url);
  const text = await readFile(readme, 'utf8');
  const [before, rest] = text.split('<!-- results -->');
  const after = rest?.split('<!-- /results -->')[1];
  if (after === undefined) throw new Error('bench/README.md lost its <!-- results --> … <!-- /results --> markers');
  await writeFile(readme, `${before}<!-- results -->\n${table}\n<!-- /results -->${after}`);
  process.stderr.write('bench/README.md updated\n');
}
