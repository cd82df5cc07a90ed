/** zod issues → problems a person can read: `data.result[3].metric: expected object, got string`. */
import type * as z from 'zod/mini';
import type { SchemaProblem } from '../prometheus/errors.js';
import { closest } from './closest.js';

/** Formats a path such as ['data', 'result', 3, 'metric'] as `data.result[3].metric`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(root)';
}

/** Every issue of a zod error, with `prefix` prepended to its path. */
export function schemaProblems(error: z.core.$ZodError, prefix: readonly PropertyKey[] = []): SchemaProblem[] {
  return error.issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}

/** The first problem, and how many more there are. */
export function summarizeProblems(problems: SchemaProblem[]): string {
  const [first] = problems;
  if (!first) return 'no details';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return `${first.path}: ${first.message}${more}`;
}

/**
 * The message for a value outside a fixed set, naming the valid values and the nearest one:
 * `"timeserie" is not a panel type; use one of timeseries, stat, … (did you mean "timeseries"?)`.
 * For a schema's `error` option, so it reaches every parse, with or without an error map.
 */
export function notOneOf(noun: string, values: readonly string[]): (issue: { input?: unknown }) => string {
  return ({ input }) =>
    `${input === undefined ? 'is required' : `${JSON.stringify(input)} is not a ${noun}`}; use one of ${values.join(', ')}${didYouMean(input, values)}`;
}

/** ` (did you mean "table"?)` when `input` looks like a typo of one of `values`, else nothing. */
export function didYouMean(input: unknown, values: readonly unknown[]): string {
  if (typeof input !== 'string') return '';
  const near = closest(input, values.filter((v): v is string => typeof v === 'string'));
  return near === undefined ? '' : ` (did you mean ${JSON.stringify(near)}?)`;
}
