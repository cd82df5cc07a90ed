/** zod issues → problems a person can read: `data.result[3].metric: expected object, got string`. */
import type * as z from 'zod/mini';
import type { SchemaProblem } from '../prometheus/errors.js';

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
