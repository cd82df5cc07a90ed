/** `limit`: the first `limitField` rows of every frame (10 when not set, as in Grafana). */
import * as z from 'zod/mini';
import { pickRows, rowCount } from './data-frame.js';
import { transformer } from './transformer.js';

export const limit = transformer('limit', z.strictObject({ limitField: z._default(z.int().check(z.minimum(0)), 10) }), (frames, { limitField }) =>
  frames.map((frame) => (rowCount(frame) <= limitField ? frame : pickRows(frame, Array.from({ length: limitField }, (_, i) => i)))),
);
