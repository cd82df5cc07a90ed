/** Operation parameters as typed: numbers read from text, their problems, and operations with a new number or flag. */
import type { Operation } from '@promkit/core/edit';

/** The number `text` spells (`inf`, `-Inf` included), or undefined. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (/^[+-]?inf$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  const n = t === '' ? Number.NaN : Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** `op` with a new number: the spelling read from a query (`numberText`) no longer applies. */
export function withNumber(op: Operation, field: 'param' | 'quantile' | 'value', value: number): Operation {
  const next = { ...op, [field]: value } as Operation & { numberText?: string };
  delete next.numberText;
  return next;
}

/** `op` with `flag` set (true) or left out. */
export function withFlag(op: Operation, flag: 'left' | 'bool', on: boolean): Operation {
  const next = { ...op } as Operation & Record<string, unknown>;
  if (on) next[flag] = true;
  else delete next[flag];
  return next;
}

/** Why `text` is not a number, or undefined. */
export function numberProblem(text: string): string | undefined {
  return parseNumber(text) === undefined ? `“${text}” is not a number: write one such as 100, 0.5 or 1e6.` : undefined;
}

/** Why `text` is not a quantile (0 to 1), or undefined. */
export function quantileProblem(text: string): string | undefined {
  const n = parseNumber(text);
  return n === undefined || n < 0 || n > 1 ? `“${text}” is not a quantile: write a number from 0 to 1, such as 0.95 for the 95th percentile.` : undefined;
}

/** Why `text` is not a count (a whole number of at least 1), or undefined. */
export function countProblem(text: string): string | undefined {
  const n = parseNumber(text);
  return n === undefined || !Number.isInteger(n) || n < 1 ? `“${text}” is not a count: write a whole number of at least 1, such as 5.` : undefined;
}
