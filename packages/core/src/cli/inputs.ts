/**
 * What the command line reads: promkit dashboard JSON files, and JavaScript or TypeScript modules
 * that export dashboards and rule groups (`export const dashboards = [...]`, `export const rules
 * = [...]`, or a default export `{ dashboards, rules }`).
 */
import { readFile, rm } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DashboardInput } from '../dashboard/schema.js';
import type { RuleGroup } from '../rules/model.js';

/** A problem with what the user gave: the message says what and what to do (exit code 2). */
export class UsageError extends Error {}

export interface Inputs {
  /** Dashboards with the file they came from (for messages and default file names). */
  dashboards: { source: string; name: string; dashboard: DashboardInput }[];
  rules: { source: string; name: string; groups: RuleGroup[] }[];
}

/** Reads every input file; throws a UsageError naming the file that cannot be read. */
export async function readInputs(files: string[]): Promise<Inputs> {
  if (!files.length) throw new UsageError('name at least one dashboard JSON file or module (.js, .mjs, .ts).');
  const inputs: Inputs = { dashboards: [], rules: [] };
  for (const file of files) {
    const name = basename(file, extname(file));
    if (extname(file) === '.json') {
      inputs.dashboards.push({ source: file, name, dashboard: await readDashboardJson(file) });
      continue;
    }
    const module = await importModule(file);
    const exported = (module['default'] ?? {}) as Record<string, unknown>;
    const list = (key: string) => module[key] ?? exported[key];
    const dashboards = [...asArray(list('dashboards')), ...asArray(list('dashboard'))] as DashboardInput[];
    const rules = asArray(list('rules')) as RuleGroup[];
    if (!dashboards.length && !rules.length) {
      throw new UsageError(`${file} exports no dashboards or rules: export \`dashboards\` (or \`dashboard\`) and/or \`rules\`, or a default { dashboards, rules }.`);
    }
    dashboards.forEach((dashboard, i) => inputs.dashboards.push({ source: `${file}#dashboards[${i}]`, name: dashboards.length > 1 ? `${name}-${i + 1}` : name, dashboard }));
    if (rules.length) inputs.rules.push({ source: file, name, groups: rules });
  }
  return inputs;
}

/** A JSON file as an object, or a UsageError that says why not. */
export async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}.`);
  }
}

async function readDashboardJson(file: string): Promise<DashboardInput> {
  const json = await readJson(file);
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  const grafanaLike = typeof json === 'object' && json !== null && ('dashboard' in json || 'templating' in json || 'rows' in json || (typeof version === 'number' && version > 1));
  if (grafanaLike) throw new UsageError(`${file} looks like a Grafana dashboard, not a promkit one: convert it first with \`promkit import ${file} --out ${basename(file, '.json')}.promkit.json\`.`);
  return json as DashboardInput;
}

function asArray(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Imports a module; TypeScript is compiled with esbuild first (an optional dependency). */
async function importModule(file: string): Promise<Record<string, unknown>> {
  const path = resolve(file);
  if (!['.js', '.mjs', '.ts', '.mts'].includes(extname(file))) throw new UsageError(`${file}: expected a .json dashboard or a .js, .mjs or .ts module.`);
  try {
    if (!extname(file).endsWith('ts')) return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    let esbuild: typeof import('esbuild');
    try {
      esbuild = await import('esbuild');
    } catch {
      throw new UsageError(`${file} is TypeScript, which promkit compiles with esbuild: install it (npm install --save-dev esbuild), or pass a .js module.`);
    }
    // Next to the source, so the module's own imports resolve from the user's node_modules.
    const out = join(dirname(path), `.promkit-${process.pid}-${Date.now()}.mjs`);
    try {
      await esbuild.build({ entryPoints: [path], bundle: true, platform: 'node', format: 'esm', outfile: out, packages: 'external', logLevel: 'silent' });
      return (await import(pathToFileURL(out).href)) as Record<string, unknown>;
    } finally {
      await rm(out, { force: true });
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot load ${file}: ${code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(path) ? 'no such file' : (error as Error).message}`);
  }
}
