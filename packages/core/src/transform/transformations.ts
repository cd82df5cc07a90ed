/**
 * The transformations promkit applies, by Grafana id, and a panel's list applied in order.
 * A transformation's options are checked by the dashboard schema, so `applyTransformations`
 * only meets options it can use.
 */
import * as z from 'zod/mini';
import { notOneOf } from '../internal/schema-problems.js';
import type { DataFrame } from './data-frame.js';
import { calculateField } from './calculate-field.js';
import { filterByValue } from './filter-by-value.js';
import { filterFieldsByName } from './filter-fields-by-name.js';
import { groupBy } from './group-by.js';
import { joinByField, seriesToColumns } from './join-by-field.js';
import { labelsToFields } from './labels-to-fields.js';
import { limit } from './limit.js';
import { merge } from './merge.js';
import { organize } from './organize.js';
import { reduce } from './reduce.js';
import { renameByRegex } from './rename-by-regex.js';
import { sortBy } from './sort-by.js';
import type { Transformer } from './transformer.js';

const TRANSFORMERS = [organize, merge, joinByField, seriesToColumns, filterFieldsByName, filterByValue, reduce, renameByRegex, calculateField, sortBy, limit, labelsToFields, groupBy] as const;

/** Grafana ids of the transformations promkit applies. */
export const TRANSFORMATION_IDS: readonly string[] = TRANSFORMERS.map((t) => t.id);

const byId = new Map<string, Transformer<unknown>>(TRANSFORMERS.map((t) => [t.id, t as Transformer<unknown>]));

const entries = TRANSFORMERS.map((t) =>
  z.strictObject({ id: z.literal(t.id), options: z.prefault(t.options as z.ZodMiniType, {}), disabled: z.optional(z.boolean()) }),
);

/** One entry of a panel's `transformations`: Grafana's shape, `{ id, options, disabled? }`. */
export const transformationSchema = z.discriminatedUnion('id', entries as unknown as [(typeof entries)[number], ...(typeof entries)[number][]], {
  error: (issue) =>
    issue.code === 'invalid_union' ? notOneOf('transformation promkit applies', TRANSFORMATION_IDS)({ input: (issue.input as { id?: unknown } | undefined)?.id }) : undefined,
});

/** A transformation as a dashboard holds it. */
export interface Transformation {
  id: string;
  options?: unknown;
  disabled?: boolean | undefined;
}

/**
 * The frames after each enabled transformation in turn. Options are read as the schema reads
 * them (defaults filled in); one that does not check, or an id promkit does not know, is passed
 * over: the dashboard's schema problems already name it.
 */
export function applyTransformations(frames: DataFrame[], transformations: readonly Transformation[]): DataFrame[] {
  return transformations.reduce((current, t) => {
    const transformer = byId.get(t.id);
    if (t.disabled || !transformer) return current;
    const options = transformer.options.safeParse(t.options ?? {});
    return options.success ? transformer.apply(current, options.data) : current;
  }, frames);
}
