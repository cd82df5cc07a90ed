/**
 * The dashboard JSON format: close to Grafana's model (24-column grid, rows as panels of type
 * `row`, fieldConfig/options per panel, templating variables) so dashboards move between the two,
 * but strict: unknown fields are errors, so a typo is reported instead of silently ignored.
 * Written with `zod/mini` (functions such as `z.optional(…)` instead of methods), so a browser
 * bundle carries only the checks used.
 */
import * as z from 'zod/mini';
import { REDUCERS } from '../format/reduce.js';
import { VARIABLE_FORMATS } from '../promql/interpolate.js';
import { BackendKind } from '../prometheus/backends.js';
import { MAX_TIMEOUT_MS } from '../prometheus/deadline.js';
import { parseDuration } from '../time/duration.js';
import { INTERVAL_RULE, isIntervalSetting } from '../time/interval-setting.js';
import { notOneOf } from '../internal/schema-problems.js';
import { COLOR_RULE, isColor } from '../format/color.js';
import { URL_RULE, isSafeUrl } from '../format/url.js';
import { crossFieldProblems } from './cross-field.js';
import { transformationSchema } from '../transform/transformations.js';
import { COLOR_MODES } from '../field/color-scheme.js';
import { ALERT_SORTS } from '../query/alert-list.js';

/** The schema version this library reads and writes. */
export const SCHEMA_VERSION = 1;

/** An integer from min to max inclusive, with one message for both bounds. */
function intBetween(min: number, max: number) {
  const error = (issue: { input?: unknown }) => `must be ${min}–${max}, got ${JSON.stringify(issue.input)}`;
  return z.int().check(z.minimum(min, { error }), z.maximum(max, { error }));
}

/** A min interval: a duration, or a `$variable` whose value is one (time/interval-setting.ts). */
const intervalSetting = z.string().check(
  z.refine(isIntervalSetting, { error: (issue) => `must be ${INTERVAL_RULE}, got ${JSON.stringify(issue.input)}` }),
);

/** A Prometheus duration such as "15s" or "1h30m". */
const duration = z.string().check(
  z.refine((text) => parseDuration(text) !== undefined, {
    error: (issue) => `must be a duration such as "15s", "5m" or "1h", got ${JSON.stringify(issue.input)}`,
  }),
);

/** A link target: http(s), mailto, or relative, decided as a browser reads it (format/url.ts). */
const safeUrl = z.string().check(
  z.describe(`A link: ${URL_RULE}.`),
  z.refine(isSafeUrl, { error: (issue) => `must be ${URL_RULE}, got ${JSON.stringify(issue.input)}` }),
);

/** Variable names: letters, digits, underscores; `__` prefix is reserved for built-ins. */
const variableName = z.string().check(
  z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: (i) => `must be letters, digits and _, got ${JSON.stringify(i.input)}` }),
  z.refine((name) => !name.startsWith('__'), { error: 'names starting with __ are reserved for built-in variables' }),
);

export const PANEL_TYPES = ['timeseries', 'stat', 'gauge', 'bargauge', 'table', 'heatmap', 'piechart', 'state-timeline', 'status-history', 'barchart', 'histogram', 'alertlist', 'text'] as const;
export type PanelType = (typeof PANEL_TYPES)[number];

const gridPosSchema = z.strictObject({
  x: intBetween(0, 23),
  y: z.int().check(z.minimum(0)),
  w: intBetween(1, 24),
  h: intBetween(1, 100),
});

/** A request deadline: a duration above zero that a timer can hold (up to 24 days). */
const requestTimeout = duration.check(
  z.refine(
    (text) => {
      const seconds = parseDuration(text);
      return seconds === undefined || (seconds > 0 && seconds * 1000 <= MAX_TIMEOUT_MS);
    },
    { error: (issue) => `must be from 1ms to 24d, got ${JSON.stringify(issue.input)}` },
  ),
);

const prometheusDatasourceSchema = z.strictObject({
  /** Name panels and variables refer to. */
  name: z.string().check(z.minLength(1)),
  type: z._default(z.literal('prometheus'), 'prometheus'),
  /** Base URL of the Prometheus-compatible API (or of a promkit proxy). */
  url: z.string().check(z.minLength(1)),
  backend: z._default(z.enum(Object.values(BackendKind) as [BackendKind, ...BackendKind[]]), 'prometheus'),
  /** Tenant (Mimir/Cortex `X-Scope-OrgID`; VictoriaMetrics `accountID[:projectID]`). */
  tenant: z.optional(z.string()),
  /** Headers sent with every request. Put secrets in the host's `auth` resolver, not here. */
  headers: z.optional(z.record(z.string(), z.string())),
  /** Name of a credential the host application supplies at run time; never the secret itself. */
  authRef: z.optional(z.string()),
  /** How often the server scrapes: the floor for `$__interval`. */
  scrapeInterval: z._default(duration, '15s'),
  /**
   * Deadline for each request to this datasource, whole answer included, as a duration such as
   * "30s" (like `scrapeInterval`); default the client's 30s. A server that stalls past it gives a
   * TimeoutError (with Retry) instead of a chart that never loads.
   */
  timeout: z.optional(requestTimeout),
  /** Used by panels and variables that name no datasource. */
  default: z.optional(z.boolean()),
});

/**
 * Data from the host app: `source` names a source the page registered (`registerSource`) or gave
 * the dashboard; each target's `expr` is that source's own query text, passed on as written
 * (variables filled in).
 */
const hostDatasourceSchema = z
  .strictObject({
    name: z.string().check(z.minLength(1)),
    type: z.literal('host'),
    /** The registered name of the host's source. */
    source: z.optional(z.string().check(z.minLength(1, { error: 'must name the source the page registers, got an empty string' }))),
    /**
     * A live stream of new samples: a Server-Sent Events URL (http(s) or a path on the page's
     * origin) or a WebSocket one (ws(s)); with no `source`, panels draw what it sent so far.
     */
    stream: z.optional(
      z.string().check(z.regex(/^(?:https?:\/\/|wss?:\/\/|\/)/i, { error: (i) => `must be an http(s) or ws(s) URL, or a path starting with /, got ${JSON.stringify(i.input)}` })),
    ),
    default: z.optional(z.boolean()),
  })
  .check(z.refine((ds) => ds.source !== undefined || ds.stream !== undefined, { error: 'needs a source (a name the page registers) or a stream (a Server-Sent Events or WebSocket URL)', path: ['source'] }));

const datasourceSchema = z.discriminatedUnion('type', [prometheusDatasourceSchema, hostDatasourceSchema], {
  error: (i) => (i.code === 'invalid_union' ? `type must be "prometheus" (the default) or "host", got ${JSON.stringify((i.input as { type?: unknown } | undefined)?.type)}` : undefined),
});

const targetSchema = z.strictObject({
  refId: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { error: (i) => `must start with a letter, got ${JSON.stringify(i.input)}` })),
  expr: z.string().check(z.minLength(1, { error: 'must be a PromQL expression, got an empty string' })),
  legendFormat: z.optional(z.string()),
  /** Evaluate at the end of the range only (stat, gauge, table). */
  instant: z._default(z.boolean(), false),
  /** Lower bound for this target's step: a duration, or a `$variable` whose value is one. */
  minInterval: z.optional(intervalSetting),
  /** Grafana's resolution 1/N: the automatic step times N (1–10). */
  intervalFactor: z.optional(intBetween(1, 10)),
  /** Fetched but not shown (other targets may still refer to it). */
  hide: z._default(z.boolean(), false),
  /** Also fetch the exemplars of the series a range query reads (`/api/v1/query_exemplars`): a time series draws each as a point. */
  exemplar: z.optional(z.boolean()),
  /**
   * `table`: the answer as one table of rows (Time, a column per label, Value), the shape
   * Grafana's table format gives transformations such as merge and organize.
   */
  format: z.optional(z.literal('table')),
});

const notAColor = (input: unknown) => `must be a colour: ${COLOR_RULE}; got ${JSON.stringify(input)}`;
/** A colour promkit applies (format/color.ts): never a CSS fragment such as `red;position:fixed`. */
const colorString = z.string().check(
  z.describe(`A colour: ${COLOR_RULE}.`),
  z.refine(isColor, { error: (issue) => notAColor(issue.input) }),
);
const thresholdsSchema = z.strictObject({
  mode: z._default(z.enum(['absolute', 'percentage']), 'absolute'),
  steps: z
    .array(z.strictObject({ value: z.nullable(z.number()), color: colorString }))
    .check(z.minLength(1, { error: 'needs at least the base step { "value": null, "color": "…" }' })),
});

const mappingResult = z.strictObject({ text: z.optional(z.string()), color: z.optional(colorString), index: z.optional(z.int()) });
const mappingSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('value'), options: z.record(z.string(), mappingResult) }),
  z.strictObject({
    type: z.literal('range'),
    options: z.strictObject({ from: z.nullable(z.number()), to: z.nullable(z.number()), result: mappingResult }),
  }),
  z.strictObject({ type: z.literal('regex'), options: z.strictObject({ pattern: z.string(), result: mappingResult }) }),
  z.strictObject({
    type: z.literal('special'),
    options: z.strictObject({ match: z.enum(['nan', 'null', 'null+nan', 'true', 'false', 'empty']), result: mappingResult }),
  }),
]);

const linkSchema = z.strictObject({
  title: z.string().check(z.minLength(1)),
  url: safeUrl,
  tooltip: z.optional(z.string()),
  targetBlank: z.optional(z.boolean()),
});

const fieldDefaultsSchema = z.strictObject({
  unit: z.optional(z.string()),
  decimals: z.optional(intBetween(0, 20)),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  displayName: z.optional(z.string()),
  noValue: z.optional(z.string()),
  /** `null as zero`: a time series drops to zero where samples are missing (Grafana's graph setting), instead of a gap. */
  nullValueMode: z.optional(z.enum(['null', 'null as zero'])),
  thresholds: z.optional(thresholdsSchema),
  mappings: z.optional(z.array(mappingSchema)),
  /** Data links: each value links to a URL made from it (`${__value.raw}`, `${__data.fields.pod}`, `${__field.labels.node}`…; field/data-link.ts). Tables and stats draw them. */
  links: z.optional(z.array(linkSchema)),
  color: z.optional(
    z.strictObject({
      /** How values are coloured: the palette by series, one fixed colour, shades of it or a continuous scheme by value, or the thresholds. */
      mode: z.enum(COLOR_MODES),
      fixedColor: z.optional(colorString),
      /** A continuous scheme or shades on a time series: each line takes the colour of its last (default), lowest or highest value. */
      seriesBy: z.optional(z.enum(['last', 'min', 'max'])),
    }),
  ),
  custom: z.optional(
    z.strictObject({
      drawStyle: z.optional(z.enum(['line', 'bars', 'points'])),
      lineWidth: z.optional(intBetween(0, 10)),
      fillOpacity: z.optional(intBetween(0, 100)),
      /** How the fill fades: flat (none), or from the line down to clear (opacity; Grafana's hue and scheme gradients are drawn so too). */
      gradientMode: z.optional(z.enum(['none', 'opacity', 'hue', 'scheme'])),
      showPoints: z.optional(z.enum(['auto', 'always', 'never'])),
      /** Connect across missing samples: true, false, or only gaps shorter than this many ms. */
      spanNulls: z.optional(z.union([z.boolean(), z.number().check(z.minimum(0))])),
      stacking: z.optional(z.strictObject({ mode: z.enum(['none', 'normal', 'percent']), group: z.optional(z.string()) })),
      axisScale: z.optional(z.strictObject({ type: z.enum(['linear', 'log']), log: z.optional(z.union([z.literal(2), z.literal(10)])) })),
      axisLabel: z.optional(z.string()),
      axisPlacement: z.optional(z.enum(['auto', 'left', 'right', 'hidden'])),
      thresholdsStyle: z.optional(z.strictObject({ mode: z.enum(['off', 'line', 'area', 'line+area']) })),
      /** The y axis reaches at least this low (and `axisSoftMax` this high) even when the data does not. */
      axisSoftMin: z.optional(z.number()),
      axisSoftMax: z.optional(z.number()),
      /** `negative-Y`: drawn below the axis (values negated on the chart; tooltips give them as they are). */
      transform: z.optional(z.enum(['negative-Y'])),
      /**
       * Table cells of the field: plain (`auto`), coloured text or background (the value's
       * threshold or mapping colour), or a gauge bar from min to max (`mode` basic, gradient, lcd).
       */
      cellOptions: z.optional(
        z.strictObject({ type: z.enum(['auto', 'color-text', 'color-background', 'gauge']), mode: z.optional(z.enum(['basic', 'gradient', 'lcd'])) }),
      ),
      /** Leave the series out of the legend, the tooltip or the chart. */
      hideFrom: z.optional(z.strictObject({ legend: z._default(z.boolean(), false), tooltip: z._default(z.boolean(), false), viz: z._default(z.boolean(), false) })),
    }),
  ),
});

/** Which series an override applies to, by Grafana's matcher ids (field/overrides.ts reads them). */
const MATCHER_IDS = ['byName', 'byRegexp', 'byFrameRefID', 'byNames', 'byType', 'byValue'] as const;
export const matcherSchema = z.discriminatedUnion(
  'id',
  [
    z.strictObject({ id: z.enum(['byName', 'byRegexp', 'byFrameRefID']), options: z.string() }),
    /** Any of a list of display names (`include`), or none of them (`exclude`). */
    z.strictObject({
      id: z.literal('byNames'),
      options: z.strictObject({ mode: z._default(z.enum(['include', 'exclude']), 'include'), names: z._default(z.array(z.string()), []), prefix: z.optional(z.string()), readOnly: z.optional(z.boolean()) }),
    }),
    /** Every field of a type: promkit's series are `number` fields (a table's label columns are `string`). */
    z.strictObject({ id: z.literal('byType'), options: z.enum(['number', 'string', 'time', 'boolean']) }),
    /** Series whose reduction (`mean`, `max`…) compares to a value. */
    z.strictObject({
      id: z.literal('byValue'),
      /** `allIsZero` and `allIsNull` (NaN here) reduce to 1 when every sample is, else 0, as in Grafana. */
      options: z.strictObject({ reducer: z.enum([...REDUCERS, 'allIsZero', 'allIsNull']), op: z.enum(['gt', 'gte', 'lt', 'lte', 'eq', 'ne']), value: z.number() }),
    }),
  ],
  { error: (i) => (i.code === 'invalid_union' ? notOneOf('matcher', MATCHER_IDS)({ input: (i.input as { id?: unknown } | undefined)?.id }) : undefined) },
);

const overrideSchema = z.strictObject({
  matcher: matcherSchema,
  /** Each property id is a path into the field defaults, e.g. `unit` or `custom.fillOpacity`. */
  properties: z.array(
    z.strictObject({ id: z.string().check(z.minLength(1)), value: z.unknown() }).check(
      z.superRefine(({ id, value }, ctx) => {
        for (const { at, input } of overrideColorProblems(id.split('.'), value, [])) {
          ctx.addIssue({ code: 'custom', path: ['value', ...at], message: notAColor(input), input });
        }
      }),
    ),
  ),
});

/**
 * Where an override value holds a colour that is not one: every `color` string and `fixedColor`
 * value it reaches, with the property id as the path to it (`color` → `{ fixedColor }`,
 * `thresholds` → `steps[i].color`, `mappings` → `[i].options…color`).
 */
function overrideColorProblems(keys: readonly PropertyKey[], value: unknown, at: PropertyKey[], depth = 0): { at: PropertyKey[]; input: unknown }[] {
  const key = keys.at(-1);
  if ((key === 'fixedColor' ? value !== undefined : key === 'color' && typeof value === 'string') && !isColor(value)) return [{ at, input: value }];
  if (typeof value !== 'object' || value === null || depth > 8) return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const index = Array.isArray(value) ? Number(k) : k;
    return overrideColorProblems([...keys, index], v, [...at, index], depth + 1);
  });
}

const reducer = z.enum(REDUCERS);
/** Grafana's stat `colorMode` values promkit draws. */
export const STAT_COLOR_MODES = ['value', 'background', 'background_solid', 'none'] as const;
/** Grafana's stat `textMode` values promkit draws. */
export const STAT_TEXT_MODES = ['auto', 'value', 'value_and_name', 'name', 'none'] as const;
/** What a pie chart's slice labels can say. */
export const PIE_LABELS = ['name', 'value', 'percent'] as const;
const panelOptionsSchema = z.strictObject({
  legend: z.optional(
    z.strictObject({
      displayMode: z._default(z.enum(['list', 'table', 'hidden']), 'list'),
      placement: z._default(z.enum(['bottom', 'right']), 'bottom'),
      calcs: z._default(z.array(reducer), []),
      /** table legends: the column the rows are sorted by (one of `calcs`, or the series name), ascending unless `sortDesc`. */
      sortBy: z.optional(z.union([reducer, z.literal('name')])),
      sortDesc: z.optional(z.boolean()),
      /** piechart: what the legend shows beside each name: the slice's value, its percent of the whole. */
      values: z.optional(z.array(z.enum(PIE_LABELS.slice(1) as ['value', 'percent']))),
    }),
  ),
  tooltip: z.optional(
    z.strictObject({ mode: z._default(z.enum(['single', 'multi', 'none']), 'single'), sort: z._default(z.enum(['none', 'asc', 'desc']), 'none') }),
  ),
  reduceOptions: z.optional(z.strictObject({ calcs: z._default(z.array(reducer).check(z.minLength(1)), ['lastNotNull']) })),
  /** stat: show a sparkline of the series behind the value. */
  graphMode: z.optional(z.enum(['none', 'area'])),
  /** stat: what the colour paints: the value (default), the tile's background (gradient or solid), or nothing. */
  colorMode: z.optional(z.enum(STAT_COLOR_MODES)),
  /** stat: the value and, with several series, the name (auto); or just one of them, or neither. */
  textMode: z.optional(z.enum(STAT_TEXT_MODES)),
  /** bargauge and barchart: which way the bars go (a bar chart's `auto` is vertical). */
  orientation: z.optional(z.enum(['auto', 'horizontal', 'vertical'])),
  /** barchart: bars side by side (none), stacked (normal), or stacked to 100 % (percent). */
  stacking: z.optional(z.enum(['none', 'normal', 'percent'])),
  /** barchart: how much of each category's width its bars take, 0.1–1 (default 0.7). */
  groupWidth: z.optional(z.number().check(z.minimum(0.1), z.maximum(1))),
  /** barchart: how much of its slot each bar of a group takes, 0.1–1 (default 0.97). */
  barWidth: z.optional(z.number().check(z.minimum(0.1), z.maximum(1))),
  /** histogram: about how many value bands (default 30), when `bucketSize` is not set. */
  bucketCount: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
  /** histogram: each band's width, in the field's unit; a round width giving about `bucketCount` bands unless set. */
  bucketSize: z.optional(z.number().check(z.positive())),
  /** histogram: where the bands start (default 0). */
  bucketOffset: z.optional(z.number()),
  /** histogram: one count of every series' samples together, instead of a count per series. */
  combine: z.optional(z.boolean()),
  /** barchart: the category labels' angle in degrees, -90–90 (default 0). */
  xTickLabelRotation: z.optional(z.number().check(z.minimum(-90), z.maximum(90))),
  /** bargauge: a flat bar (basic), one that deepens to the value's colour (gradient), or lit cells (lcd). */
  displayMode: z.optional(z.enum(['basic', 'gradient', 'lcd'])),
  /** heatmap: bucket raw series by value (at each time, how many series are in each band) instead of reading `le` buckets. */
  calculate: z.optional(z.boolean()),
  /** heatmap with `calculate`: the value bands, a number of them (`count`) or their size (`size`); 10 equal bands unless given. */
  calculation: z.optional(z.strictObject({ yBuckets: z.optional(z.strictObject({ mode: z.enum(['count', 'size']), value: z.number().check(z.positive()) })) })),
  /** piechart: a full pie, or a donut. */
  pieType: z.optional(z.enum(['pie', 'donut'])),
  /** piechart: what each slice's label says (none by default, as in Grafana). */
  displayLabels: z.optional(z.array(z.enum(PIE_LABELS))),
  /** state-timeline: consecutive samples of one value are one span (default true). */
  mergeValues: z.optional(z.boolean()),
  /** state-timeline, status-history and barchart: write each span's or bar's value on it when it fits (auto, the default), always, or never. */
  showValue: z.optional(z.enum(['auto', 'always', 'never'])),
  /** state-timeline and status-history: how much of each row's height its spans fill, 0–1 (default 0.9). */
  rowHeight: z.optional(z.number().check(z.minimum(0.1), z.maximum(1))),
  /** alertlist: the alert rules listed (default), or how many there are as one number. */
  viewMode: z.optional(z.enum(['list', 'stat'])),
  /** alertlist: only alerts whose name contains this text, in any case (variables filled in). */
  alertName: z.optional(z.string()),
  /** alertlist: only instances whose labels match, PromQL matchers in braces: `{severity="critical", instance=~"eu-.+"}`. */
  alertInstanceLabelFilter: z.optional(z.string()),
  /** alertlist: the states shown (both unless set false). */
  stateFilter: z.optional(z.strictObject({ firing: z.optional(z.boolean()), pending: z.optional(z.boolean()) })),
  /** alertlist: the order, `alpha-asc` unless set; `time-asc` lists the rule active longest first. */
  sortOrder: z.optional(z.enum(ALERT_SORTS)),
  /** alertlist: at most this many rules (default 10). */
  maxItems: z.optional(z.int().check(z.minimum(1))),
  /** alertlist: each rule's instances under it, by their labels. */
  showInstances: z.optional(z.boolean()),
  /** text panel body. */
  content: z.optional(z.string()),
  mode: z.optional(z.enum(['markdown', 'text'])),
  /** table: a footer row reducing each value column (`reducer`: the first is shown), optionally only the `fields` named. */
  footer: z.optional(z.strictObject({ show: z._default(z.boolean(), false), reducer: z._default(z.array(reducer).check(z.minLength(1)), ['sum']), fields: z.optional(z.array(z.string())) })),
  /** table: column to sort by and direction. */
  sortBy: z.optional(z.array(z.strictObject({ displayName: z.string(), desc: z._default(z.boolean(), false) }))),
});


/**
 * A dashboard's link: a URL, or (`type: "dashboards"`) the dashboards of the page's store that
 * have every one of `tags` (every dashboard without tags), as Grafana's links by tag.
 */
const dashboardLinkSchema = z
  .strictObject({
    type: z.optional(z.literal('dashboards')),
    title: z.string().check(z.minLength(1)),
    url: z.optional(safeUrl),
    tags: z.optional(z.array(z.string())),
    /** Links by tag: the linked dashboard opens at this one's time range (in the page URL, with `sync-url`, or in a new tab). */
    keepTime: z.optional(z.boolean()),
    /** Links by tag: the linked dashboard opens with this one's variable values, where it has variables of the same names (as keepTime). */
    includeVars: z.optional(z.boolean()),
    tooltip: z.optional(z.string()),
    targetBlank: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((link, ctx) => {
      if (link.type === 'dashboards' && link.url !== undefined) ctx.addIssue({ code: 'custom', path: ['url'], input: link.url, message: 'a link to dashboards by tag has no url: it lists the dashboards of the page’s store with its tags' });
      if (link.type === undefined && link.url === undefined) ctx.addIssue({ code: 'custom', path: ['url'], input: undefined, message: `is required: ${URL_RULE}; or set "type": "dashboards" and "tags" to list the store's dashboards with those tags` });
      for (const key of ['tags', 'keepTime', 'includeVars'] as const) {
        if (link.type === undefined && link[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], input: link[key], message: 'only a link of "type": "dashboards" (dashboards by tag) has this' });
      }
    }),
  );

const panelCommon = {
  id: z.int().check(z.minimum(1, { error: (i) => `must be a positive whole number, got ${JSON.stringify(i.input)}` })),
  title: z._default(z.string(), ''),
  description: z.optional(z.string()),
  gridPos: gridPosSchema,
  links: z.optional(z.array(linkSchema)),
  /** Repeat this panel (or row) once per selected value of this variable. */
  repeat: z.optional(z.string()),
  repeatDirection: z.optional(z.enum(['h', 'v'])),
  maxPerRow: z.optional(intBetween(1, 24)),
};

export const panelSchema = z.strictObject({
  ...panelCommon,
  type: z.enum(PANEL_TYPES, { error: notOneOf('panel type', PANEL_TYPES) }),
  /** Datasource name, or `$var` of a datasource variable; the dashboard default when absent. */
  datasource: z.optional(z.string()),
  targets: z._default(z.array(targetSchema), []),
  maxDataPoints: z.optional(z.int().check(z.minimum(1))),
  /** Minimum step for every target of the panel: a duration, or a `$variable` whose value is one. */
  interval: z.optional(intervalSetting),
  /** Relative time override: the panel shows the last `timeFrom` instead of the dashboard range. */
  timeFrom: z.optional(duration),
  /** Shift the panel's range back by this much. */
  timeShift: z.optional(duration),
  fieldConfig: z._default(
    z.strictObject({ defaults: z._default(fieldDefaultsSchema, {}), overrides: z._default(z.array(overrideSchema), []) }),
    { defaults: {}, overrides: [] },
  ),
  options: z._default(panelOptionsSchema, {}),
  /** Grafana's transformations, applied in order to the query results before they are drawn. */
  transformations: z.optional(z.array(transformationSchema)),
});
export type Panel = z.infer<typeof panelSchema>;

export const rowSchema = z.strictObject({
  ...panelCommon,
  type: z.literal('row'),
  collapsed: z._default(z.boolean(), false),
  /** The row's panels while it is collapsed (expanded rows own the panels that follow them). */
  panels: z._default(z.array(panelSchema), []),
});
export type Row = z.infer<typeof rowSchema>;

/** How a variable's options are sorted; the index is Grafana's number for it (`sort: 3` is `num-asc`). */
export const SORTS = ['none', 'alpha-asc', 'alpha-desc', 'num-asc', 'num-desc', 'alpha-ci-asc', 'alpha-ci-desc'] as const;
/** What of a variable the toolbar hides; the index is Grafana's number for it (`hide: 2` is `variable`). */
export const VARIABLE_HIDES = ['none', 'label', 'variable'] as const;

const variableCommon = {
  name: variableName,
  label: z.optional(z.string()),
  description: z.optional(z.string()),
  hide: z._default(z.enum(VARIABLE_HIDES), 'none'),
};
const selection = z.strictObject({
  value: z.union([z.string(), z.array(z.string())]),
  text: z.optional(z.union([z.string(), z.array(z.string())])),
});
const choice = {
  multi: z._default(z.boolean(), false),
  includeAll: z._default(z.boolean(), false),
  /** Replaces the placeholder as it is when All is selected (e.g. `.*`). */
  allValue: z.optional(z.string()),
  current: z.optional(selection),
};

export const variableSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...variableCommon,
    ...choice,
    type: z.literal('query'),
    datasource: z.optional(z.string()),
    /** `label_values(metric, label)`, `label_values(label)`, `label_names()`, `query_result(expr)`, `metrics(regex)`. */
    query: z.string().check(z.minLength(1)),
    /** Keep only matching values; a capture group (or a group named `value`/`text`) picks part of each. */
    regex: z.optional(z.string()),
    sort: z._default(z.enum(SORTS), 'none'),
    refresh: z._default(z.enum(['load', 'time']), 'load'),
  }),
  z.strictObject({
    ...variableCommon,
    ...choice,
    type: z.literal('custom'),
    /** `a,b,c` or `Label : value, Other : other`. */
    query: z.string(),
  }),
  z.strictObject({ ...variableCommon, type: z.literal('constant'), query: z.string() }),
  z.strictObject({ ...variableCommon, type: z.literal('textbox'), query: z._default(z.string(), ''), current: z.optional(selection) }),
  z.strictObject({
    ...variableCommon,
    type: z.literal('interval'),
    /** Choices such as `1m,5m,1h`. */
    query: z.string().check(z.minLength(1)),
    /** Offer `auto`: the range divided by `autoCount`, at least `autoMin`. */
    auto: z._default(z.boolean(), false),
    autoCount: z._default(z.int().check(z.minimum(1)), 30),
    autoMin: z._default(duration, '10s'),
    current: z.optional(selection),
  }),
  z.strictObject({
    ...variableCommon,
    ...choice,
    type: z.literal('datasource'),
    query: z._default(z.literal('prometheus'), 'prometheus'),
    /** Keep only datasources whose name matches. */
    regex: z.optional(z.string()),
  }),
]);
export type Variable = z.infer<typeof variableSchema>;

/** Only events carrying these tags: all of them, or any with `matchAny` (Grafana's tag filter). */
const annotationTagFilter = {
  tags: z.optional(z.array(z.string())),
  matchAny: z.optional(z.boolean()),
};

const annotationSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('prometheus'),
    name: z.string().check(z.minLength(1)),
    enabled: z._default(z.boolean(), true),
    ...annotationTagFilter,
    datasource: z.optional(z.string()),
    /** Every sample of this query with a non-zero value becomes an event. */
    expr: z.string().check(z.minLength(1)),
    step: z.optional(duration),
    titleFormat: z.optional(z.string()),
    textFormat: z.optional(z.string()),
    tagKeys: z.optional(z.string()),
    color: z._default(colorString, 'rgba(0, 211, 255, 1)'),
  }),
  z.strictObject({
    type: z.literal('events'),
    name: z.string().check(z.minLength(1)),
    enabled: z._default(z.boolean(), true),
    ...annotationTagFilter,
    color: z._default(colorString, 'rgba(255, 96, 96, 1)'),
    /** Events the host supplies (deploys, incidents); times in epoch ms. */
    events: z._default(
      z.array(
        z.strictObject({
          time: z.number(),
          timeEnd: z.optional(z.number()),
          title: z.string(),
          text: z.optional(z.string()),
          tags: z.optional(z.array(z.string())),
        }),
      ),
      [],
    ),
  }),
  z.strictObject({
    type: z.literal('host'),
    name: z.string().check(z.minLength(1)),
    enabled: z._default(z.boolean(), true),
    ...annotationTagFilter,
    color: z._default(colorString, 'rgba(255, 152, 48, 1)'),
    /** A datasource of type host: its source's `annotations(request)` answers, and its stream pushes more. */
    datasource: z.string().check(z.minLength(1)),
    /** The source's own query text (variables filled in); a stream message's `channel` names it. */
    query: z._default(z.string(), ''),
  }),
]);

const timeExpression = z.union([z.string().check(z.minLength(1)), z.number()]);

const dashboardShape = z.strictObject({
  /** JSON Schema reference for editors; ignored when reading. */
  $schema: z.optional(z.string()),
  schemaVersion: z.literal(SCHEMA_VERSION, {
    error: (i) =>
      `promkit reads schemaVersion ${SCHEMA_VERSION}; this dashboard has ${JSON.stringify(i.input)}${
        typeof i.input === 'number' && i.input > SCHEMA_VERSION ? ': upgrade @promkit/core' : ''
      }`,
  }),
  uid: z.optional(
    z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, { error: (i) => `must be 1–40 letters, digits, - or _, got ${JSON.stringify(i.input)}` })),
  ),
  title: z.string().check(z.minLength(1, { error: 'must not be empty' })),
  description: z.optional(z.string()),
  tags: z._default(z.array(z.string()), []),
  time: z._default(z.strictObject({ from: timeExpression, to: timeExpression }), { from: 'now-6h', to: 'now' }),
  /** IANA timezone, `browser` or `utc`. */
  timezone: z._default(z.string(), 'browser'),
  weekStart: z._default(z.enum(['monday', 'sunday']), 'monday'),
  /** Auto-refresh interval, or empty for off. */
  refresh: z._default(z.union([z.literal(''), duration]), ''),
  datasources: z._default(z.array(datasourceSchema), []),
  variables: z._default(z.array(variableSchema), []),
  panels: z._default(z.array(z.discriminatedUnion('type', [rowSchema, panelSchema])), []),
  links: z._default(z.array(dashboardLinkSchema), []),
  annotations: z._default(z.array(annotationSchema), []),
});

/** The whole format: shape plus the cross-field rules (unique ids, references that resolve, the grid). */
export const dashboardSchema = dashboardShape.check(
  z.superRefine((d, ctx) => {
    for (const { path, message } of crossFieldProblems(d)) ctx.addIssue({ code: 'custom', path, message, input: undefined });
  }),
);

/** The parts validateDashboard checks one at a time, so a problem in one hides none in another. */
export const dashboardParts = { shape: dashboardShape, datasource: datasourceSchema, variable: variableSchema, panel: panelSchema, row: rowSchema };

/** A dashboard as promkit reads it, defaults filled in. */
export type Dashboard = z.infer<typeof dashboardSchema>;
/** A dashboard as written in JSON: everything with a default may be left out. */
export type DashboardInput = z.input<typeof dashboardSchema>;
/** A panel as written (defaults may be left out). */
export type PanelInput = z.input<typeof panelSchema>;
export type Datasource = z.infer<typeof datasourceSchema>;
/** A Prometheus-compatible datasource (every datasource but the host's). */
export type PrometheusDatasource = z.infer<typeof prometheusDatasourceSchema>;
/** A datasource whose data the host app's registered source gives. */
export type HostDatasource = z.infer<typeof hostDatasourceSchema>;
export type Target = z.infer<typeof targetSchema>;
export type FieldDefaults = z.infer<typeof fieldDefaultsSchema>;
export type PanelOptions = z.infer<typeof panelOptionsSchema>;
export type Thresholds = z.infer<typeof thresholdsSchema>;
export type ValueMapping = z.infer<typeof mappingSchema>;
export type Annotation = z.infer<typeof annotationSchema>;
export type DashboardLink = z.infer<typeof dashboardLinkSchema>;
/** A panel's link: always a URL. */
export type PanelLink = z.infer<typeof linkSchema>;
export type VariableSelection = z.infer<typeof selection>;
export { VARIABLE_FORMATS };
