/**
 * `filterFieldsByName`: keep the fields `include` names or matches (all of them when it is not
 * set), then drop those `exclude` names or matches. Names are the shown ones.
 */
import * as z from 'zod/mini';
import { grafanaRegex } from '../format/regex.js';
import { dataFieldName } from './data-frame.js';
import { regexOption, transformer } from './transformer.js';

const selection = z.optional(z.strictObject({ names: z.optional(z.array(z.string())), pattern: z.optional(regexOption) }));
type Selection = z.infer<typeof selection>;

function selects(selection: NonNullable<Selection>, name: string): boolean {
  return (selection.names?.includes(name) ?? false) || (selection.pattern !== undefined && grafanaRegex(selection.pattern).test(name));
}

export const filterFieldsByName = transformer('filterFieldsByName', z.strictObject({ include: selection, exclude: selection }), (frames, { include, exclude }) =>
  frames.map((frame) => ({
    ...frame,
    fields: frame.fields.filter((f) => (!include || selects(include, dataFieldName(f))) && !(exclude && selects(exclude, dataFieldName(f)))),
  })),
);
