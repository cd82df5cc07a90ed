/**
 * `organize`: hide, reorder and rename fields, in that order, on every frame. Fields are named
 * as they are shown; a field missing from `indexByName` goes after those it names, keeping its
 * place among the others. With `includeByName` (Grafana 10+), only the fields it marks stay.
 */
import * as z from 'zod/mini';
import { dataFieldName } from './data-frame.js';
import { transformer } from './transformer.js';

const flags = z._default(z.record(z.string(), z.boolean()), {});

export const organize = transformer(
  'organize',
  z.strictObject({
    excludeByName: flags,
    includeByName: z.optional(z.record(z.string(), z.boolean())),
    indexByName: z._default(z.record(z.string(), z.number()), {}),
    renameByName: z._default(z.record(z.string(), z.string()), {}),
  }),
  (frames, { excludeByName, includeByName, indexByName, renameByName }) => {
    const including = includeByName && Object.values(includeByName).some(Boolean);
    const position = (name: string) => indexByName[name] ?? Number.POSITIVE_INFINITY;
    return frames.map((frame) => ({
      ...frame,
      fields: frame.fields
        .filter((f) => (including ? includeByName[dataFieldName(f)] === true : excludeByName[dataFieldName(f)] !== true))
        .map((f, i) => ({ f, i }))
        .sort((a, b) => position(dataFieldName(a.f)) - position(dataFieldName(b.f)) || a.i - b.i)
        .map(({ f }) => {
          const rename = renameByName[dataFieldName(f)];
          return rename ? { ...f, displayName: rename } : f;
        }),
    }));
  },
);
