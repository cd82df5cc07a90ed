/**
 * A transformation: Grafana's id, a checked options object, and a pure function from frames to
 * frames. Each lives in a module of its own; transformations.ts lists them and applies a panel's
 * list in order.
 */
import * as z from 'zod/mini';
import { grafanaRegex } from '../format/regex.js';
import { REDUCERS } from '../format/reduce.js';
import type { DataFrame } from './data-frame.js';

export interface Transformer<Options> {
  id: string;
  /** Checks a dashboard's options for it, filling in Grafana's defaults. */
  options: z.ZodMiniType<Options>;
  apply(frames: DataFrame[], options: Options): DataFrame[];
}

/** Declares a transformer with its options' type inferred from the schema. */
export function transformer<S extends z.ZodMiniType>(id: string, options: S, apply: (frames: DataFrame[], options: z.infer<S>) => DataFrame[]): Transformer<z.infer<S>> {
  return { id, options: options as z.ZodMiniType<z.infer<S>>, apply };
}

/** A `pattern` or `/pattern/flags` that compiles. */
export const regexOption = z.string().check(
  z.refine(
    (text) => {
      try {
        grafanaRegex(text);
        return true;
      } catch {
        return false;
      }
    },
    { error: (i) => `must be a regular expression that compiles, got ${JSON.stringify(i.input)}` },
  ),
);

/** One of the reductions (format/reduce.ts). */
export const reducerOption = z.enum(REDUCERS);
