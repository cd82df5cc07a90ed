/**
 * `promkit rules check FILE|DIR…`: existing rule files and PrometheusRule resources checked as
 * Prometheus would load them. Errors (what Prometheus refuses) fail the run; naming advice is
 * listed and fails only with `--strict`. With `--prometheus URL`, a metric a rule reads that the
 * server does not have is an error, with the nearest name the server has.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { PrometheusClient } from '../prometheus/client.js';
import { checkRuleYaml, type LocatedRuleProblem } from '../rules/read.js';
import { UsageError } from './inputs.js';

/** What one file held and what is wrong with it. */
export interface CheckedRuleFile {
  file: string;
  groups: number;
  rules: number;
  problems: LocatedRuleProblem[];
}

const RULE_FILE_EXTENSIONS = new Set(['.yml', '.yaml']);

/** The files named, folders searched for `.yml`/`.yaml` files (sorted, hidden ones left out). */
export async function ruleFilesIn(paths: string[]): Promise<string[]> {
  if (!paths.length) throw new UsageError('rules check needs at least one rule file or folder.');
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UsageError(`cannot read ${path}: no such file or folder.`);
    if (info.isFile()) files.push(path);
    else files.push(...(await yamlFilesUnder(path)));
  }
  return files;
}

async function yamlFilesUnder(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await yamlFilesUnder(path)));
    else if (RULE_FILE_EXTENSIONS.has(extname(entry.name))) files.push(path);
  }
  return files;
}

/** The metric names a Prometheus has, for `--prometheus`. */
export async function metricsOf(url: string): Promise<string[]> {
  const client = new PrometheusClient({ url });
  return (await client.labelValues({ label: '__name__' })).data;
}

/** Checks each file; a file with no rule document in it is a problem of its own. */
export async function checkRuleFiles(files: string[], knownMetrics?: string[]): Promise<CheckedRuleFile[]> {
  const checked: CheckedRuleFile[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const { documents, problems } = checkRuleYaml(text, knownMetrics ? { knownMetrics } : {});
    const groups = documents.flatMap((d) => d.groups);
    if (!documents.length) problems.push({ path: '', message: 'holds no rules: neither a rule file (groups:) nor a PrometheusRule resource', severity: 'error' });
    checked.push({ file, groups: groups.length, rules: groups.reduce((n, g) => n + g.rules.length, 0), problems });
  }
  return checked;
}

/** One problem as a compiler would print it: `file:line:column: error: path: message`. */
export function problemLine(file: string, p: LocatedRuleProblem): string {
  const place = p.line ? `${file}:${p.line}:${p.column ?? 1}` : file;
  return `${place}: ${p.severity}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** The closing line: files, groups, rules, errors, advice. */
export function summaryLine(checked: CheckedRuleFile[]): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const all = checked.flatMap((c) => c.problems);
  const errors = all.filter((p) => p.severity === 'error').length;
  const groups = checked.reduce((n, c) => n + c.groups, 0);
  const rules = checked.reduce((n, c) => n + c.rules, 0);
  return `${count(checked.length, 'file')}, ${count(groups, 'group')}, ${count(rules, 'rule')}: ${count(errors, 'error')}, ${count(all.length - errors, 'piece of advice', 'pieces of advice')}`;
}
