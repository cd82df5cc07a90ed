/** APIs that take a document as an object or as JSON text read it here: the value, or why the text is not JSON. */
import type { SchemaProblem } from '../prometheus/errors.js';

export type JsonInput = { ok: true; data: unknown } | { ok: false; problem: SchemaProblem };

/** Text is parsed as JSON; anything else is taken as it is. */
export function readJsonInput(input: unknown): JsonInput {
  if (typeof input !== 'string') return { ok: true, data: input };
  try {
    return { ok: true, data: JSON.parse(input) };
  } catch (error) {
    return { ok: false, problem: { path: '(root)', message: `is not valid JSON: ${(error as Error).message}` } };
  }
}
