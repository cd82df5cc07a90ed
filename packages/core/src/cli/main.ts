/**
 * The `promkit` command: generate Grafana dashboards and rule files from code, check that what is
 * committed is current, validate, publish to Grafana, and import Grafana dashboards.
 * Exit codes: 0 done, 1 problems found (invalid input, stale output, Grafana refused), 2 usage.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { validateDashboard } from '../dashboard/parse.js';
import { toGrafana, type GrafanaDashboard } from '../grafana/export.js';
import { fromGrafana } from '../grafana/import.js';
import { GrafanaClient, type GrafanaAuth } from '../grafana/client.js';
import { provisioningFiles } from '../grafana/provisioning.js';
import { PromkitError } from '../prometheus/errors.js';
import { ruleProblems } from '../rules/validate.js';
import { toPrometheusRuleYaml, toRuleFileYaml } from '../rules/render.js';
import { readInputs, readJson, UsageError, type Inputs } from './inputs.js';
import { checkRuleFiles, metricsOf, problemLine, ruleFilesIn, summaryLine } from './rules-check.js';

export const USAGE = `Usage: promkit <command> [options]

  generate <file...> --out DIR [--check] [--grafana-path PATH]
      Grafana dashboard JSON, Grafana's provisioning file and Prometheus rule files
      (plain and PrometheusRule) from promkit dashboards (.json) or modules (.js, .mjs, .ts)
      exporting \`dashboards\` and \`rules\`. --check writes nothing and fails when DIR is stale.
  validate <file...> [--strict]
      Checks dashboards and rules; lists every problem with its path. Rule naming advice is
      listed without failing, unless --strict.
  rules check <file|dir...> [--prometheus URL] [--strict] [--json]
      Checks existing rule files and PrometheusRule resources (.yml/.yaml, folders searched) as
      Prometheus loads them: file:line:column for each error and piece of advice. --prometheus
      also flags metrics the server does not have. Fails on errors (on advice too with --strict).
  publish <file...> --grafana-url URL [--token T | --user U --password P | --proxy-user U]
          [--org ID] [--folder A/B] [--overwrite] [--message M] [--datasource NAME] [--api classic|kubernetes]
      Publishes the dashboards to Grafana. The token may also come from GRAFANA_TOKEN.
  import <grafana.json> [--out FILE] [--datasource-url URL]
      A Grafana dashboard as promkit JSON (stdout, or FILE); what could not be carried over is
      listed on stderr.
`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
}

const defaultIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), env: process.env };

/** Runs one command line; returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'generate':
        return await generate(rest, io);
      case 'validate':
        return await validate(rest, io);
      case 'publish':
        return await publish(rest, io);
      case 'import':
        return await importGrafana(rest, io);
      case 'rules':
        return await rules(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}" (commands: generate, validate, rules, publish, import).`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`promkit: ${(error as Error).message}\nRun \`promkit --help\` for usage.\n`);
      return 2;
    }
    if (error instanceof PromkitError) {
      io.err(`promkit: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function args<T extends Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>>(argv: string[], options: T) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}

/** The inputs' dashboards in Grafana's model (uid from the file name where they have none); warnings to stderr. */
function grafanaDashboards(inputs: Pick<Inputs, 'dashboards'>, io: Io): GrafanaDashboard[] {
  return inputs.dashboards.map(({ source, name, dashboard }) => {
    const { dashboard: grafana, warnings } = toGrafana(dashboard);
    for (const w of warnings) io.err(`${source}: ${w.path}: ${w.message}\n`);
    return { ...grafana, uid: grafana.uid ?? name.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 40) };
  });
}

/** Every file `generate` writes, by path relative to --out. */
function generatedFiles(inputs: Inputs, grafanaPath: string | undefined, io: Io): { path: string; content: string }[] {
  const dashboards = grafanaDashboards(inputs, io);
  const files = dashboards.length ? provisioningFiles(dashboards, grafanaPath ? { path: grafanaPath } : {}) : [];
  for (const { name, groups } of inputs.rules) {
    files.push({ path: `rules/${name}.rules.yaml`, content: toRuleFileYaml(groups) });
    files.push({ path: `rules/${name}.prometheusrule.yaml`, content: toPrometheusRuleYaml(groups, { name }) });
  }
  return files;
}

async function generate(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = args(argv, { out: { type: 'string' }, check: { type: 'boolean' }, 'grafana-path': { type: 'string' } });
  if (!values.out) throw new UsageError('generate needs --out DIR (where the files go).');
  const inputs = await readInputs(positionals);
  if (report(problemsOf(inputs), io)) return 1;
  const files = generatedFiles(inputs, values['grafana-path'], io);
  if (values.check) {
    const stale: string[] = [];
    for (const file of files) {
      const current = await readFile(join(values.out, file.path), 'utf8').catch(() => undefined);
      if (current !== file.content) stale.push(`${join(values.out, file.path)}${current === undefined ? ' (missing)' : ''}`);
    }
    if (stale.length) {
      io.err(`promkit: ${stale.length} generated file${stale.length === 1 ? ' is' : 's are'} out of date:\n${stale.map((s) => `  ${s}\n`).join('')}Run \`promkit generate ${positionals.join(' ')} --out ${values.out}\` and commit the result.\n`);
      return 1;
    }
    io.out(`${files.length} generated files are up to date.\n`);
    return 0;
  }
  for (const file of files) {
    const path = join(values.out, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
    io.out(`wrote ${path}\n`);
  }
  return 0;
}

/**
 * Every problem of the inputs' dashboards and rules, as `source: path: message`: what fails the
 * command, and the rules' naming advice (which fails it only when `strict`).
 */
function problemsOf(inputs: Inputs, strict = false): { failing: string[]; advice: string[] } {
  const failing: string[] = [];
  const advice: string[] = [];
  for (const { source, dashboard } of inputs.dashboards) {
    const check = validateDashboard(dashboard);
    if (!check.ok) failing.push(...check.problems.map((p) => `${source}: ${p.path}: ${p.message}`));
  }
  for (const { source, groups } of inputs.rules) {
    for (const p of ruleProblems(groups)) (p.severity === 'error' || strict ? failing : advice).push(`${source}: ${p.path}: ${p.message}`);
  }
  return { failing, advice };
}

/** Prints the problems (advice apart); true when something fails the command. */
function report({ failing, advice }: { failing: string[]; advice: string[] }, io: Io): boolean {
  if (advice.length) io.err(`promkit: advice (Prometheus accepts these; --strict fails on them):\n${advice.map((p) => `  ${p}\n`).join('')}`);
  if (!failing.length) return false;
  io.err(`promkit: ${failing.length} problem${failing.length === 1 ? '' : 's'}:\n${failing.map((p) => `  ${p}\n`).join('')}`);
  return true;
}

async function validate(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = args(argv, { strict: { type: 'boolean' } });
  const inputs = await readInputs(positionals);
  if (report(problemsOf(inputs, values.strict), io)) return 1;
  io.out(`${inputs.dashboards.length} dashboard${inputs.dashboards.length === 1 ? '' : 's'} and ${inputs.rules.reduce((n, r) => n + r.groups.length, 0)} rule group(s) are valid.\n`);
  return 0;
}

async function rules(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'check') throw new UsageError(`rules has one command, check (got ${sub === undefined ? 'nothing' : `"${sub}"`}): promkit rules check FILE|DIR…`);
  const { values, positionals } = args(rest, { prometheus: { type: 'string' }, strict: { type: 'boolean' }, json: { type: 'boolean' } });
  const files = await ruleFilesIn(positionals);
  const known = values.prometheus ? await metricsOf(values.prometheus) : undefined;
  const checked = await checkRuleFiles(files, known);
  const all = checked.flatMap((c) => c.problems);
  const failed = all.some((p) => p.severity === 'error' || values.strict);
  if (values.json) {
    io.out(`${JSON.stringify({ ok: !failed, files: checked }, null, 2)}\n`);
  } else {
    for (const c of checked) for (const p of c.problems) io.out(`${problemLine(c.file, p)}\n`);
    io.out(`${summaryLine(checked)}\n`);
  }
  return failed ? 1 : 0;
}

async function publish(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = args(argv, {
    'grafana-url': { type: 'string' },
    token: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    'proxy-user': { type: 'string' },
    org: { type: 'string' },
    folder: { type: 'string' },
    overwrite: { type: 'boolean' },
    message: { type: 'string' },
    datasource: { type: 'string' },
    api: { type: 'string' },
  });
  const url = values['grafana-url'] ?? io.env['GRAFANA_URL'];
  if (!url) throw new UsageError('publish needs --grafana-url URL (or GRAFANA_URL).');
  const token = values.token ?? io.env['GRAFANA_TOKEN'];
  let auth: GrafanaAuth | undefined;
  if (values.user !== undefined) {
    if (values.password === undefined) throw new UsageError('--user needs --password.');
    auth = { type: 'basic', username: values.user, password: values.password };
  } else if (values['proxy-user'] !== undefined) auth = { type: 'proxy', user: values['proxy-user'] };
  else if (token) auth = { type: 'token', token };
  const orgId = values.org === undefined ? undefined : Number(values.org);
  if (orgId !== undefined && !(Number.isInteger(orgId) && orgId > 0)) throw new UsageError(`--org must be an organization id such as 1, got "${values.org}".`);
  if (values.api !== undefined && values.api !== 'classic' && values.api !== 'kubernetes') throw new UsageError(`--api must be classic or kubernetes, got "${values.api}".`);
  const inputs = await readInputs(positionals);
  if (!inputs.dashboards.length) throw new UsageError('publish found no dashboards in the files given.');
  if (report(problemsOf(inputs), io)) return 1;
  const client = new GrafanaClient({ url, ...(auth ? { auth } : {}), ...(orgId ? { orgId } : {}), ...(values.api ? { api: values.api as 'classic' | 'kubernetes' } : {}) });
  const folder = values.folder ? await client.ensureFolder(values.folder) : undefined;
  let failed = 0;
  for (const dashboard of grafanaDashboards(inputs, io)) {
    try {
      const saved = await client.publish(dashboard, {
        ...(folder ? { folderUid: folder.uid } : {}),
        ...(values.overwrite ? { overwrite: true } : {}),
        ...(values.message ? { message: values.message } : {}),
        ...(values.datasource ? { datasource: values.datasource } : {}),
      });
      io.out(`published "${dashboard.title}" (version ${saved.version}): ${saved.url}\n`);
    } catch (error) {
      if (!(error instanceof PromkitError)) throw error;
      io.err(`promkit: "${dashboard.title}": ${error.message}\n`);
      failed += 1;
    }
  }
  return failed ? 1 : 0;
}

async function importGrafana(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = args(argv, { out: { type: 'string' }, 'datasource-url': { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('import takes one Grafana dashboard JSON file.');
  const json = await readJson(positionals[0]!);
  const datasources = values['datasource-url'] ? [{ name: 'default', url: values['datasource-url'], default: true }] : [];
  const { dashboard, warnings } = fromGrafana(json, { datasources });
  for (const w of warnings) io.err(`${positionals[0]}: ${w.path}: ${w.message}\n`);
  const text = `${JSON.stringify(dashboard, null, 2)}\n`;
  if (values.out) {
    await mkdir(dirname(values.out), { recursive: true });
    await writeFile(values.out, text);
    io.err(`wrote ${values.out} (${warnings.length} warning${warnings.length === 1 ? '' : 's'})\n`);
  } else io.out(text);
  return 0;
}
