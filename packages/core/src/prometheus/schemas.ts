/**
 * Wire shapes of the Prometheus HTTP API, checked with zod where a response enters the library.
 * Per-sample arrays are checked by a tight loop instead of a zod element schema, so a 1.1 M-point
 * matrix costs one pass and no copies; every other field goes through zod (its tree-shakable
 * `zod/mini` form, which keeps the browser bundle small).
 */
import * as z from 'zod/mini';

/** Label set of a series: name → value. */
export const labelsSchema = z.record(z.string(), z.string());
export type Labels = z.infer<typeof labelsSchema>;

/** `[unixSeconds, "value"]` as Prometheus sends a float sample. */
export type WireSample = [number, string];

/** Native histogram bucket: `[boundaryRule, "lower", "upper", "count"]`. */
export const wireBucketSchema = z.tuple([z.int().check(z.minimum(0), z.maximum(3)), z.string(), z.string(), z.string()]);
/** Native histogram as Prometheus sends it (all numbers as strings). */
export const wireHistogramSchema = z.object({
  count: z.string(),
  sum: z.string(),
  buckets: z.optional(z.array(wireBucketSchema)),
});
export type WireHistogram = z.infer<typeof wireHistogramSchema>;
/** `[unixSeconds, histogram]`. */
export type WireHistogramSample = [number, WireHistogram];

const sampleSchema = z.tuple([z.number(), z.string()]);
const histogramSampleSchema = z.tuple([z.number(), wireHistogramSchema]);

/** An array of `[number, string]` pairs, checked in one loop; reports the first bad index. */
const sampleArraySchema = z.custom<WireSample[]>().check(
  z.superRefine((value, ctx) => {
    if (!Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: `expected an array of [time, "value"] pairs, got ${describe(value)}` });
      return;
    }
    for (let i = 0; i < value.length; i++) {
      const s: unknown = value[i];
      if (!Array.isArray(s) || s.length !== 2 || typeof s[0] !== 'number' || typeof s[1] !== 'string') {
        ctx.addIssue({ code: 'custom', path: [i], message: `expected [time, "value"], got ${describe(s)}` });
        return;
      }
    }
  }),
);

/** Short description of a bad value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

export const rangeSeriesSchema = z.object({
  metric: labelsSchema,
  values: z.optional(sampleArraySchema),
  histograms: z.optional(z.array(histogramSampleSchema)),
});
export type RangeSeries = z.infer<typeof rangeSeriesSchema>;

export const instantSampleSchema = z.object({
  metric: labelsSchema,
  value: z.optional(sampleSchema),
  histogram: z.optional(histogramSampleSchema),
});
export type InstantSample = z.infer<typeof instantSampleSchema>;

/** `data` of /query and /query_range: a union on `resultType`. */
export const queryDataSchema = z.discriminatedUnion('resultType', [
  z.object({ resultType: z.literal('matrix'), result: z.array(rangeSeriesSchema) }),
  z.object({ resultType: z.literal('vector'), result: z.array(instantSampleSchema) }),
  z.object({ resultType: z.literal('scalar'), result: sampleSchema }),
  z.object({ resultType: z.literal('string'), result: sampleSchema }),
]);

/** Query statistics, passed through as the server sends them (`stats=all`). */
export const queryStatsSchema = z.record(z.string(), z.unknown());
export type QueryStats = z.infer<typeof queryStatsSchema>;

/** The envelope every Prometheus API answer shares. */
export const envelopeSchema = z.object({
  status: z.enum(['success', 'error']),
  data: z.optional(z.unknown()),
  errorType: z.optional(z.string()),
  error: z.optional(z.string()),
  warnings: z.optional(z.array(z.string())),
  infos: z.optional(z.array(z.string())),
  /** VictoriaMetrics: some storage nodes did not answer. */
  isPartial: z.optional(z.boolean()),
});

export const exemplarsSchema = z.array(
  z.object({
    seriesLabels: labelsSchema,
    exemplars: z.array(z.object({ labels: labelsSchema, value: z.string(), timestamp: z.number() })),
  }),
);

export const metadataEntrySchema = z.object({ type: z.string(), help: z.string(), unit: z.string() });
export const metadataSchema = z.record(z.string(), z.array(metadataEntrySchema));

const activeTargetSchema = z.looseObject({
  discoveredLabels: labelsSchema,
  labels: labelsSchema,
  scrapePool: z.string(),
  scrapeUrl: z.string(),
  globalUrl: z.optional(z.string()),
  lastError: z.string(),
  lastScrape: z.string(),
  lastScrapeDuration: z.number(),
  health: z.enum(['up', 'down', 'unknown']),
  scrapeInterval: z.optional(z.string()),
  scrapeTimeout: z.optional(z.string()),
});
export const targetsSchema = z.object({
  activeTargets: z.array(activeTargetSchema),
  droppedTargets: z.array(z.looseObject({ discoveredLabels: labelsSchema })),
});

export const targetMetadataSchema = z.array(
  z.object({
    target: labelsSchema,
    metric: z.optional(z.string()),
    type: z.string(),
    help: z.string(),
    unit: z.string(),
  }),
);

const alertSchema = z.looseObject({
  labels: labelsSchema,
  annotations: labelsSchema,
  state: z.enum(['inactive', 'pending', 'firing']),
  activeAt: z.optional(z.string()),
  value: z.string(),
});
export type Alert = z.infer<typeof alertSchema>;

const ruleCommon = {
  name: z.string(),
  query: z.string(),
  labels: z.optional(labelsSchema),
  health: z.string(),
  lastError: z.optional(z.string()),
  evaluationTime: z.optional(z.number()),
  lastEvaluation: z.optional(z.string()),
};
const ruleSchema = z.discriminatedUnion('type', [
  z.looseObject({
    ...ruleCommon,
    type: z.literal('alerting'),
    duration: z.number(),
    annotations: labelsSchema,
    alerts: z.array(alertSchema),
    state: z.optional(z.enum(['inactive', 'pending', 'firing'])),
  }),
  z.looseObject({ ...ruleCommon, type: z.literal('recording') }),
]);
export const rulesSchema = z.object({
  groups: z.array(
    z.looseObject({
      name: z.string(),
      file: z.string(),
      interval: z.number(),
      rules: z.array(ruleSchema),
      evaluationTime: z.optional(z.number()),
      lastEvaluation: z.optional(z.string()),
    }),
  ),
});

export const alertsSchema = z.object({ alerts: z.array(alertSchema) });

/** Every field optional: VictoriaMetrics answers `{}`. */
export const buildInfoSchema = z.looseObject({
  version: z.optional(z.string()),
  revision: z.optional(z.string()),
  branch: z.optional(z.string()),
  buildUser: z.optional(z.string()),
  buildDate: z.optional(z.string()),
  goVersion: z.optional(z.string()),
});

export const runtimeInfoSchema = z.looseObject({
  startTime: z.string(),
  CWD: z.string(),
  reloadConfigSuccess: z.boolean(),
  lastConfigTime: z.string(),
  corruptionCount: z.number(),
  goroutineCount: z.number(),
  GOMAXPROCS: z.number(),
  GOGC: z.string(),
  GODEBUG: z.string(),
  storageRetention: z.string(),
});

export const flagsSchema = z.record(z.string(), z.string());
export const stringListSchema = z.array(z.string());
export const seriesListSchema = z.array(labelsSchema);
export const formattedQuerySchema = z.string();
