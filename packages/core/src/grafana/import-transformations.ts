/**
 * A Grafana panel's `transformations`, kept where promkit applies them. Each is checked by the
 * same schema a promkit dashboard is: an option promkit does not read is left out with a warning
 * and the rest kept; a transformation promkit does not apply, or whose options do not check, is
 * left out with a warning naming why.
 */
import type * as z from 'zod/mini';
import { formatPath } from '../internal/schema-problems.js';
import { TRANSFORMATION_IDS, transformationSchema } from '../transform/transformations.js';
import type { PanelInput } from '../dashboard/schema.js';
import { arrayOf, isObject, textOf, type ImportContext, type Json } from './import-context.js';

/** Fields of a transformation entry Grafana writes that promkit has no use for. */
const QUIET_ENTRY = new Set(['id', 'options', 'disabled', 'topic']);

export function transformationsOf(raw: unknown, path: string, ctx: ImportContext): Pick<PanelInput, 'transformations'> {
  const kept = arrayOf(raw).flatMap((entry, i) => {
    const at = `${path}[${i}]`;
    const t = isObject(entry) ? entry : {};
    const id = textOf(t['id']);
    if (!id || !TRANSFORMATION_IDS.includes(id)) {
      ctx.warn(`${at}.id`, `the transformation ${JSON.stringify(id ?? null)} is not applied (promkit applies ${TRANSFORMATION_IDS.join(', ')})`);
      return [];
    }
    if (t['filter'] !== undefined) ctx.warn(`${at}.filter`, 'a transformation applies to every query in promkit, not to those a filter picks');
    for (const key of Object.keys(t)) if (!QUIET_ENTRY.has(key) && key !== 'filter') ctx.warn(`${at}.${key}`, 'is not a transformation setting promkit uses (left out)');
    const candidate = { id, options: structuredClone(isObject(t['options']) ? t['options'] : {}), ...(t['disabled'] === true ? { disabled: true } : {}) };
    const checked = checkedDroppingUnknown(candidate, at, ctx);
    return checked ? [checked] : [];
  });
  return kept.length ? { transformations: kept } : {};
}

/**
 * Options Grafana's editor writes that change nothing: sortBy's empty `fields` and merge's empty
 * `reducers` (their defaults), and calculateField's `binary.reducer`, which Grafana reads only in
 * its reduce-row mode. They are left out without a warning.
 */
function unread(id: string, at: string, value: unknown): boolean {
  if (id === 'sortBy' && at === 'options.fields') return isObject(value) && Object.keys(value).length === 0;
  if (id === 'merge' && at === 'options.reducers') return Array.isArray(value) && value.length === 0;
  return id === 'calculateField' && at === 'options.binary.reducer';
}

/** The entry as the schema reads it, options it does not know removed (and named); undefined when it still does not check. */
function checkedDroppingUnknown(candidate: { id: string; options: Json }, at: string, ctx: ImportContext) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const result = transformationSchema.safeParse(candidate);
    if (result.success) return candidate;
    const unknown = result.error.issues.filter((issue): issue is z.core.$ZodIssueUnrecognizedKeys => issue.code === 'unrecognized_keys');
    if (unknown.length === 0) {
      const issue = result.error.issues[0]!;
      ctx.warn(issue.path.length ? `${at}.${formatPath(issue.path)}` : at, `${issue.message}: the transformation is not applied`);
      return undefined;
    }
    for (const issue of unknown) {
      const owner = issue.path.reduce<unknown>((node, key) => (isObject(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined), candidate);
      for (const key of issue.keys) {
        if (!unread(candidate.id, [...issue.path, key].join('.'), isObject(owner) ? owner[key] : undefined)) ctx.warn(`${at}.${formatPath([...issue.path, key])}`, 'is not a transformation option promkit uses (left out)');
        if (isObject(owner)) delete owner[key];
      }
    }
  }
  return undefined;
}
