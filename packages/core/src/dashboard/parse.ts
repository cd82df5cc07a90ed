/**
 * Reading a dashboard: every problem listed with its JSON path and a sentence a person
 * understands ("panels[3].gridPos.w: must be 1–24, got 30"), never a stack trace.
 */
import * as z from 'zod/mini';
import { SchemaError, type SchemaProblem } from '../prometheus/errors.js';
import { didYouMean, formatPath } from '../internal/schema-problems.js';
import { readJsonInput } from '../internal/json-input.js';
import { describe as describeValue } from '../prometheus/schemas.js';
import { crossFieldProblems, type RowPart, type VariablePart } from './cross-field.js';
import { dashboardParts, dashboardSchema, type Dashboard, type Datasource, type Panel } from './schema.js';

/** The outcome of checking a dashboard. */
export type DashboardCheck = { ok: true; dashboard: Dashboard } | { ok: false; problems: SchemaProblem[] };

const options = { reportInput: true, error: sentence } as const;

/** Checks a dashboard (an object, or JSON text) and returns it with defaults, or every problem. */
export function validateDashboard(input: unknown): DashboardCheck {
  const read = readJsonInput(input);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const data = read.data;
  const parsed = dashboardSchema.safeParse(data, options);
  if (parsed.success) return { ok: true, dashboard: parsed.data };
  const problems = problemsByPart(data);
  // Checking part by part finds what the whole parse found and more; the fallback is a safety net.
  return { ok: false, problems: problems.length > 0 ? problems : flatten(parsed.error.issues, []) };
}

/**
 * Every problem, found part by part: the dashboard's own fields, then each datasource, variable
 * and panel on its own (an unknown panel type hides nothing else of that panel), then the
 * cross-field rules over the parts that parsed. A datasource or variable with a problem of its
 * own still defines its name, so references to it are not reported twice.
 */
function problemsByPart(data: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (!isRecord(data)) {
    parsePart(dashboardParts.shape, data, [], problems);
    return problems;
  }
  const lists = { datasources: listAt(data, 'datasources'), variables: listAt(data, 'variables'), panels: listAt(data, 'panels') };
  const rest = { ...data };
  for (const key of Object.keys(lists) as (keyof typeof lists)[]) if (lists[key].length > 0) rest[key] = [];
  parsePart(dashboardParts.shape, rest, [], problems);

  const datasources = lists.datasources.map((raw, i) => parsePart(dashboardParts.datasource, raw, ['datasources', i], problems) ?? nameOf(raw));
  const variables = lists.variables.map((raw, i) => parsePart(dashboardParts.variable, raw, ['variables', i], problems) ?? nameOf(raw));
  const panels = lists.panels.map((raw, i) => parsePanelOrRow(raw, ['panels', i], problems));
  for (const { path, message } of crossFieldProblems({ datasources, variables, panels })) problems.push({ path: formatPath(path), message });
  return problems;
}

/** A panel, or a row whose nested panels are each checked on their own. */
function parsePanelOrRow(raw: unknown, path: PropertyKey[], problems: SchemaProblem[]): Panel | RowPart | undefined {
  if (!isRecord(raw) || raw['type'] !== 'row') return parsePart(dashboardParts.panel, raw, path, problems);
  const children = listAt(raw, 'panels');
  if (children.length === 0) return parsePart(dashboardParts.row, raw, path, problems);
  const row = parsePart(dashboardParts.row, { ...raw, panels: [] }, path, problems);
  const panels = children.map((child, j) => parsePart(dashboardParts.panel, child, [...path, 'panels', j], problems));
  return row && { ...row, panels };
}

/** Parses one part; on failure adds its problems (under `path`) and returns undefined. */
function parsePart<S extends z.ZodMiniType>(schema: S, value: unknown, path: PropertyKey[], problems: SchemaProblem[]): z.infer<S> | undefined {
  const parsed = schema.safeParse(value, options);
  if (parsed.success) return parsed.data as z.infer<S>;
  problems.push(...flatten(parsed.error.issues, path));
  return undefined;
}

/** What a datasource or variable that did not parse still says: its name and type. */
function nameOf(raw: unknown): VariablePart | undefined {
  if (!isRecord(raw) || typeof raw['name'] !== 'string') return undefined;
  return { name: raw['name'], type: typeof raw['type'] === 'string' ? raw['type'] : '' };
}

/** `data[key]` when it is an array (else empty: the shape check reports it). */
function listAt(data: Record<string, unknown>, key: string): unknown[] {
  const value = data[key];
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Like validateDashboard, but throws a SchemaError listing every problem. */
export function parseDashboard(input: unknown): Dashboard {
  const check = validateDashboard(input);
  if (check.ok) return check.dashboard;
  throw SchemaError.listing('The dashboard has', check.problems);
}

/**
 * Reads one panel (an object, or JSON text) as it appears in a dashboard's `panels`, with
 * defaults; throws a SchemaError listing every problem with its path (`targets[0].expr: is
 * required`). Rows are dashboard structure, not panels: use parseDashboard for those.
 */
export function parsePanel(input: unknown): Panel {
  const read = readJsonInput(input);
  const problems: SchemaProblem[] = [];
  const panel = read.ok ? parsePart(dashboardParts.panel, read.data, [], problems) : undefined;
  if (!read.ok) problems.push(read.problem);
  if (panel) return panel;
  throw SchemaError.listing("The panel's settings have", problems);
}

/** Checks one datasource on its own (a server that stores datasources apart from dashboards): it with defaults, or every problem. */
export function validateDatasource(input: unknown): { ok: true; datasource: Datasource } | { ok: false; problems: SchemaProblem[] } {
  const problems: SchemaProblem[] = [];
  const datasource = parsePart(dashboardParts.datasource, input, [], problems);
  return datasource ? { ok: true, datasource } : { ok: false, problems };
}

/** Union issues carry the reasons of each branch; keep the branch that got furthest. */
function flatten(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): SchemaProblem[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
      if (depth(best) > 0) return flatten(best, path);
    }
    return [{ path: formatPath(path), message: issue.message }];
  });
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

/** One zod issue as a sentence; messages set in the schema win. */
function sentence(issue: z.core.$ZodRawIssue): string | undefined {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? 'is required' : `must be ${article(issue.expected)}, got ${describeValue(input)}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `must have at least ${issue.minimum} ${issue.origin === 'array' ? 'item' : 'character'}${Number(issue.minimum) === 1 ? '' : 's'}`
        : `must be at least ${issue.minimum}, got ${JSON.stringify(input)}`;
    case 'too_big':
      return `must be at most ${issue.maximum}, got ${JSON.stringify(input)}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${JSON.stringify(input)}${didYouMean(input, issue.values)}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        const got = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[String(issue.discriminator)] : input;
        return `"${String(issue.discriminator)}" must be ${options.map((o) => JSON.stringify(o)).join(' or ')}, got ${JSON.stringify(got)}${didYouMean(got, options)}`;
      }
      return `does not match any allowed form, got ${describeValue(input)}`;
    default:
      return undefined;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
