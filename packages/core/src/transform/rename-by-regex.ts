/**
 * `renameByRegex`: every field whose shown name matches `regex` is renamed to the name with the
 * match replaced by `renamePattern` (`$1` for a group), as JavaScript's `replace` does.
 */
import * as z from 'zod/mini';
import { grafanaRegex } from '../format/regex.js';
import { dataFieldName } from './data-frame.js';
import { regexOption, transformer } from './transformer.js';

export const renameByRegex = transformer('renameByRegex', z.strictObject({ regex: regexOption, renamePattern: z._default(z.string(), '') }), (frames, { regex, renamePattern }) => {
  const pattern = grafanaRegex(regex);
  return frames.map((frame) => ({
    ...frame,
    fields: frame.fields.map((f) => {
      const name = dataFieldName(f);
      return pattern.test(name) ? { ...f, displayName: name.replace(pattern, renamePattern) } : f;
    }),
  }));
});
