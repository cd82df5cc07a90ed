/**
 * Fields that keep what was typed when the definition refused it: the builder's form editors
 * (dashboard settings, datasources) show the text and its problem beside the field, and their
 * `value` is undefined until every field is fixed.
 */
import { PromkitError, SchemaError } from '@promkit/core';

/** What a field holds that the definition refused: the text typed and why. */
export interface Draft {
  text: string;
  message: string;
}

/** Refused fields by field key. */
export type Drafts = Readonly<Record<string, Draft>>;

/**
 * One edit of the fields `texts` (field key → text typed): the edited definition, or none with
 * each refused field's problem among the drafts (a SchemaError's paths become field keys through
 * `keyOf`; any other PromkitError is the first field's). The fields edited lose their old drafts.
 * Errors that are not promkit's are thrown.
 */
export function tryEdit<T>(current: T, drafts: Drafts, texts: Readonly<Record<string, string>>, change: (d: T) => T, keyOf: (path: string) => string): { next: T | undefined; drafts: Drafts } {
  const kept: Record<string, Draft> = { ...drafts };
  for (const key of Object.keys(texts)) delete kept[key];
  try {
    return { next: change(current), drafts: kept };
  } catch (error) {
    if (!(error instanceof PromkitError)) throw error;
    const problems = error instanceof SchemaError ? error.problems : [{ path: Object.keys(texts)[0] ?? '', message: error.message }];
    for (const p of problems) {
      const key = keyOf(p.path);
      kept[key] = { text: texts[key] ?? Object.values(texts)[0] ?? '', message: p.message };
    }
    return { next: undefined, drafts: kept };
  }
}
