/**
 * Reading a dashboard: every problem listed with its JSON path and a sentence a person
 * understands ("panels[3].gridPos.w: must be 1–24, got 30"), never a stack trace.
 */
import * as z from 'zod/mini';
import { SchemaError, type SchemaProblem } from '../prometheus/errors.js';
import { formatPath } from '../internal/schema-problems.js';
import { describe as describeValue } from '../prometheus/schemas.js';
import { dashboardSchema, type Dashboard } from './schema.js';

/** The outcome of checking a dashboard. */
export type DashboardCheck = { ok: true; dashboard: Dashboard } | { ok: false; problems: SchemaProblem[] };

/** Checks a dashboard (an object, or JSON text) and returns it with defaults, or every problem. */
export function validateDashboard(input: unknown): DashboardCheck {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      return { ok: false, problems: [{ path: '(root)', message: `is not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const parsed = dashboardSchema.safeParse(data, { reportInput: true, error: sentence });
  if (parsed.success) return { ok: true, dashboard: parsed.data };
  return { ok: false, problems: flatten(parsed.error.issues, []) };
}

/** Like validateDashboard, but throws a SchemaError listing every problem. */
export function parseDashboard(input: unknown): Dashboard {
  const check = validateDashboard(input);
  if (check.ok) return check.dashboard;
  const count = check.problems.length;
  const list = check.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
  throw new SchemaError(`The dashboard has ${count} problem${count === 1 ? '' : 's'}:\n${list}`, check.problems);
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
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${JSON.stringify(input)}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        const got = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[String(issue.discriminator)] : input;
        return `"${String(issue.discriminator)}" must be ${options.map((o) => JSON.stringify(o)).join(' or ')}, got ${JSON.stringify(got)}`;
      }
      return `does not match any allowed form, got ${describeValue(input)}`;
    default:
      return undefined;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
