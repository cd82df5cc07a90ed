/**
 * The dashboard JSON format: close to Grafana's model (24-column grid, rows as panels of type
 * `row`, fieldConfig/options per panel, templating variables) so dashboards move between the two,
 * but strict: unknown fields are errors, so a typo is reported instead of silently ignored.
 */
import { z } from 'zod';
import { REDUCERS } from '../format/reduce.js';
import { VARIABLE_FORMATS } from '../promql/interpolate.js';
import { BackendKind } from '../prometheus/backends.js';
import { parseDuration } from '../time/duration.js';

/** The schema version this library reads and writes. */
export const SCHEMA_VERSION = 1;

/** An integer from min to max inclusive, with one message for both bounds. */
function intBetween(min: number, max: number) {
  const error = (issue: { input?: unknown }) => `must be ${min}–${max}, got ${JSON.stringify(issue.input)}`;
  return z.int().min(min, { error }).max(max, { error });
}

/** A Prometheus duration such as "15s" or "1h30m". */
const duration = z.string().refine((text) => parseDuration(text) !== undefined, {
  error: (issue) => `must be a duration such as "15s", "5m" or "1h", got ${JSON.stringify(issue.input)}`,
});

/** A link target: http(s), mailto, or relative. Never `javascript:` or `data:`. */
const safeUrl = z.string().refine((url) => !/^\s*[a-z][a-z0-9+.-]*:/i.test(url) || /^\s*(https?|mailto):/i.test(url), {
  error: (issue) => `must be an http(s), mailto or relative URL, got ${JSON.stringify(issue.input)}`,
});

/** Variable names: letters, digits, underscores; `__` prefix is reserved for built-ins. */
const variableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: (i) => `must be letters, digits and _, got ${JSON.stringify(i.input)}` })
  .refine((name) => !name.startsWith('__'), { error: 'names starting with __ are reserved for built-in variables' });

export const PANEL_TYPES = ['timeseries', 'stat', 'gauge', 'bargauge', 'table', 'heatmap', 'text'] as const;
export type PanelType = (typeof PANEL_TYPES)[number];

const gridPosSchema = z.strictObject({
  x: intBetween(0, 23),
  y: z.int().min(0),
  w: intBetween(1, 24),
  h: intBetween(1, 100),
});

const datasourceSchema = z.strictObject({
  /** Name panels and variables refer to. */
  name: z.string().min(1),
  type: z.literal('prometheus').default('prometheus'),
  /** Base URL of the Prometheus-compatible API (or of a promkit proxy). */
  url: z.string().min(1),
  backend: z.enum(Object.values(BackendKind) as [BackendKind, ...BackendKind[]]).default('prometheus'),
  /** Tenant (Mimir/Cortex `X-Scope-OrgID`; VictoriaMetrics `accountID[:projectID]`). */
  tenant: z.string().optional(),
  /** Headers sent with every request. Put secrets in the host's `auth` resolver, not here. */
  headers: z.record(z.string(), z.string()).optional(),
  /** Name of a credential the host application supplies at run time; never the secret itself. */
  authRef: z.string().optional(),
  /** How often the server scrapes: the floor for `$__interval`. */
  scrapeInterval: duration.default('15s'),
  /** Used by panels and variables that name no datasource. */
  default: z.boolean().optional(),
});

const targetSchema = z.strictObject({
  refId: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { error: (i) => `must start with a letter, got ${JSON.stringify(i.input)}` }),
  expr: z.string().min(1, { error: 'must be a PromQL expression, got an empty string' }),
  legendFormat: z.string().optional(),
  /** Evaluate at the end of the range only (stat, gauge, table). */
  instant: z.boolean().default(false),
  /** Lower bound for this target's step. */
  minInterval: duration.optional(),
  /** Fetched but not shown (other targets may still refer to it). */
  hide: z.boolean().default(false),
});

const colorString = z.string().min(1);
const thresholdsSchema = z.strictObject({
  mode: z.enum(['absolute', 'percentage']).default('absolute'),
  steps: z
    .array(z.strictObject({ value: z.number().nullable(), color: colorString }))
    .min(1, { error: 'needs at least the base step { "value": null, "color": "…" }' }),
});

const mappingResult = z.strictObject({ text: z.string().optional(), color: colorString.optional(), index: z.int().optional() });
const mappingSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('value'), options: z.record(z.string(), mappingResult) }),
  z.strictObject({
    type: z.literal('range'),
    options: z.strictObject({ from: z.number().nullable(), to: z.number().nullable(), result: mappingResult }),
  }),
  z.strictObject({ type: z.literal('regex'), options: z.strictObject({ pattern: z.string(), result: mappingResult }) }),
  z.strictObject({
    type: z.literal('special'),
    options: z.strictObject({ match: z.enum(['nan', 'null', 'null+nan', 'true', 'false', 'empty']), result: mappingResult }),
  }),
]);

const fieldDefaultsSchema = z.strictObject({
  unit: z.string().optional(),
  decimals: intBetween(0, 20).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  displayName: z.string().optional(),
  noValue: z.string().optional(),
  thresholds: thresholdsSchema.optional(),
  mappings: z.array(mappingSchema).optional(),
  color: z
    .strictObject({
      mode: z.enum(['palette-classic', 'fixed', 'thresholds', 'continuous-GrYlRd', 'continuous-BlYlRd', 'continuous-blues']),
      fixedColor: colorString.optional(),
    })
    .optional(),
  custom: z
    .strictObject({
      drawStyle: z.enum(['line', 'bars', 'points']).optional(),
      lineWidth: intBetween(0, 10).optional(),
      fillOpacity: intBetween(0, 100).optional(),
      showPoints: z.enum(['auto', 'always', 'never']).optional(),
      /** Connect across missing samples: true, false, or only gaps shorter than this many ms. */
      spanNulls: z.union([z.boolean(), z.number().min(0)]).optional(),
      stacking: z.strictObject({ mode: z.enum(['none', 'normal', 'percent']), group: z.string().optional() }).optional(),
      axisScale: z.strictObject({ type: z.enum(['linear', 'log']), log: z.union([z.literal(2), z.literal(10)]).optional() }).optional(),
      axisLabel: z.string().optional(),
      axisPlacement: z.enum(['auto', 'left', 'right', 'hidden']).optional(),
      thresholdsStyle: z.strictObject({ mode: z.enum(['off', 'line', 'area', 'line+area']) }).optional(),
    })
    .optional(),
});

const overrideSchema = z.strictObject({
  matcher: z.strictObject({
    id: z.enum(['byName', 'byRegexp', 'byFrameRefID']),
    options: z.string(),
  }),
  /** Each property id is a path into the field defaults, e.g. `unit` or `custom.fillOpacity`. */
  properties: z.array(z.strictObject({ id: z.string().min(1), value: z.unknown() })),
});

const reducer = z.enum(REDUCERS);
const panelOptionsSchema = z.strictObject({
  legend: z
    .strictObject({
      displayMode: z.enum(['list', 'table', 'hidden']).default('list'),
      placement: z.enum(['bottom', 'right']).default('bottom'),
      calcs: z.array(reducer).default([]),
    })
    .optional(),
  tooltip: z
    .strictObject({ mode: z.enum(['single', 'multi', 'none']).default('single'), sort: z.enum(['none', 'asc', 'desc']).default('none') })
    .optional(),
  reduceOptions: z.strictObject({ calcs: z.array(reducer).min(1).default(['lastNotNull']) }).optional(),
  /** stat: show a sparkline of the series behind the value. */
  graphMode: z.enum(['none', 'area']).optional(),
  /** bargauge */
  orientation: z.enum(['auto', 'horizontal', 'vertical']).optional(),
  /** text panel body. */
  content: z.string().optional(),
  mode: z.enum(['markdown', 'text']).optional(),
  /** table: column to sort by and direction. */
  sortBy: z.array(z.strictObject({ displayName: z.string(), desc: z.boolean().default(false) })).optional(),
});

const linkSchema = z.strictObject({
  title: z.string().min(1),
  url: safeUrl,
  tooltip: z.string().optional(),
  targetBlank: z.boolean().optional(),
});

const panelCommon = {
  id: z.int().min(1, { error: (i) => `must be a positive whole number, got ${JSON.stringify(i.input)}` }),
  title: z.string().default(''),
  description: z.string().optional(),
  gridPos: gridPosSchema,
  links: z.array(linkSchema).optional(),
  /** Repeat this panel (or row) once per selected value of this variable. */
  repeat: z.string().optional(),
  repeatDirection: z.enum(['h', 'v']).optional(),
  maxPerRow: intBetween(1, 24).optional(),
};

export const panelSchema = z.strictObject({
  ...panelCommon,
  type: z.enum(PANEL_TYPES),
  /** Datasource name, or `$var` of a datasource variable; the dashboard default when absent. */
  datasource: z.string().optional(),
  targets: z.array(targetSchema).default([]),
  maxDataPoints: z.int().min(1).optional(),
  /** Minimum step for every target of the panel. */
  interval: duration.optional(),
  /** Relative time override: the panel shows the last `timeFrom` instead of the dashboard range. */
  timeFrom: duration.optional(),
  /** Shift the panel's range back by this much. */
  timeShift: duration.optional(),
  fieldConfig: z
    .strictObject({ defaults: fieldDefaultsSchema.default({}), overrides: z.array(overrideSchema).default([]) })
    .default({ defaults: {}, overrides: [] }),
  options: panelOptionsSchema.default({}),
});
export type Panel = z.infer<typeof panelSchema>;

export const rowSchema = z.strictObject({
  ...panelCommon,
  type: z.literal('row'),
  collapsed: z.boolean().default(false),
  /** The row's panels while it is collapsed (expanded rows own the panels that follow them). */
  panels: z.array(panelSchema).default([]),
});
export type Row = z.infer<typeof rowSchema>;

const variableCommon = {
  name: variableName,
  label: z.string().optional(),
  description: z.string().optional(),
  hide: z.enum(['none', 'label', 'variable']).default('none'),
};
const selection = z.strictObject({
  value: z.union([z.string(), z.array(z.string())]),
  text: z.union([z.string(), z.array(z.string())]).optional(),
});
const choice = {
  multi: z.boolean().default(false),
  includeAll: z.boolean().default(false),
  /** Replaces the placeholder as it is when All is selected (e.g. `.*`). */
  allValue: z.string().optional(),
  current: selection.optional(),
};
export const SORTS = ['none', 'alpha-asc', 'alpha-desc', 'num-asc', 'num-desc', 'alpha-ci-asc', 'alpha-ci-desc'] as const;

export const variableSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...variableCommon,
    ...choice,
    type: z.literal('query'),
    datasource: z.string().optional(),
    /** `label_values(metric, label)`, `label_values(label)`, `label_names()`, `query_result(expr)`, `metrics(regex)`. */
    query: z.string().min(1),
    /** Keep only matching values; a capture group (or a group named `value`/`text`) picks part of each. */
    regex: z.string().optional(),
    sort: z.enum(SORTS).default('none'),
    refresh: z.enum(['load', 'time']).default('load'),
  }),
  z.strictObject({
    ...variableCommon,
    ...choice,
    type: z.literal('custom'),
    /** `a,b,c` or `Label : value, Other : other`. */
    query: z.string(),
  }),
  z.strictObject({ ...variableCommon, type: z.literal('constant'), query: z.string() }),
  z.strictObject({ ...variableCommon, type: z.literal('textbox'), query: z.string().default(''), current: selection.optional() }),
  z.strictObject({
    ...variableCommon,
    type: z.literal('interval'),
    /** Choices such as `1m,5m,1h`. */
    query: z.string().min(1),
    /** Offer `auto`: the range divided by `autoCount`, at least `autoMin`. */
    auto: z.boolean().default(false),
    autoCount: z.int().min(1).default(30),
    autoMin: duration.default('10s'),
    current: selection.optional(),
  }),
  z.strictObject({
    ...variableCommon,
    ...choice,
    type: z.literal('datasource'),
    query: z.literal('prometheus').default('prometheus'),
    /** Keep only datasources whose name matches. */
    regex: z.string().optional(),
  }),
]);
export type Variable = z.infer<typeof variableSchema>;

const annotationSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('prometheus'),
    name: z.string().min(1),
    enabled: z.boolean().default(true),
    datasource: z.string().optional(),
    /** Every sample of this query with a non-zero value becomes an event. */
    expr: z.string().min(1),
    step: duration.optional(),
    titleFormat: z.string().optional(),
    textFormat: z.string().optional(),
    tagKeys: z.string().optional(),
    color: colorString.default('rgba(0, 211, 255, 1)'),
  }),
  z.strictObject({
    type: z.literal('events'),
    name: z.string().min(1),
    enabled: z.boolean().default(true),
    color: colorString.default('rgba(255, 96, 96, 1)'),
    /** Events the host supplies (deploys, incidents); times in epoch ms. */
    events: z
      .array(
        z.strictObject({
          time: z.number(),
          timeEnd: z.number().optional(),
          title: z.string(),
          text: z.string().optional(),
          tags: z.array(z.string()).optional(),
        }),
      )
      .default([]),
  }),
]);

const timeExpression = z.union([z.string().min(1), z.number()]);

const dashboardShape = z.strictObject({
  /** JSON Schema reference for editors; ignored when reading. */
  $schema: z.string().optional(),
  schemaVersion: z.literal(SCHEMA_VERSION, {
    error: (i) =>
      `promkit reads schemaVersion ${SCHEMA_VERSION}; this dashboard has ${JSON.stringify(i.input)}${
        typeof i.input === 'number' && i.input > SCHEMA_VERSION ? ': upgrade @promkit/core' : ''
      }`,
  }),
  uid: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: (i) => `must be 1–40 letters, digits, - or _, got ${JSON.stringify(i.input)}` })
    .optional(),
  title: z.string().min(1, { error: 'must not be empty' }),
  description: z.string().optional(),
  tags: z.array(z.string()).default([]),
  time: z.strictObject({ from: timeExpression, to: timeExpression }).default({ from: 'now-6h', to: 'now' }),
  /** IANA timezone, `browser` or `utc`. */
  timezone: z.string().default('browser'),
  weekStart: z.enum(['monday', 'sunday']).default('monday'),
  /** Auto-refresh interval, or empty for off. */
  refresh: z.union([z.literal(''), duration]).default(''),
  datasources: z.array(datasourceSchema).default([]),
  variables: z.array(variableSchema).default([]),
  panels: z.array(z.discriminatedUnion('type', [rowSchema, panelSchema])).default([]),
  links: z.array(linkSchema).default([]),
  annotations: z.array(annotationSchema).default([]),
});
type DashboardShape = z.infer<typeof dashboardShape>;

/** The whole format: shape plus the cross-field rules (unique ids, references that resolve, the grid). */
export const dashboardSchema = dashboardShape.superRefine(checkReferences);

/** A dashboard as promkit reads it, defaults filled in. */
export type Dashboard = z.infer<typeof dashboardSchema>;
/** A dashboard as written in JSON: everything with a default may be left out. */
export type DashboardInput = z.input<typeof dashboardSchema>;
/** A panel as written (defaults may be left out). */
export type PanelInput = z.input<typeof panelSchema>;
export type Datasource = z.infer<typeof datasourceSchema>;
export type Target = z.infer<typeof targetSchema>;
export type FieldDefaults = z.infer<typeof fieldDefaultsSchema>;
export type PanelOptions = z.infer<typeof panelOptionsSchema>;
export type Thresholds = z.infer<typeof thresholdsSchema>;
export type ValueMapping = z.infer<typeof mappingSchema>;
export type Annotation = z.infer<typeof annotationSchema>;
export type DashboardLink = z.infer<typeof linkSchema>;
export type VariableSelection = z.infer<typeof selection>;
export { VARIABLE_FORMATS };

type Ctx = z.RefinementCtx;

/** Cross-field rules zod's shape cannot say: unique ids and names, references that resolve, the grid. */
function checkReferences(d: DashboardShape, ctx: Ctx): void {
  const problem = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message, input: undefined });

  const datasourceNames = new Set<string>();
  d.datasources.forEach((ds, i) => {
    if (datasourceNames.has(ds.name)) problem(['datasources', i, 'name'], `"${ds.name}" is used by another datasource`);
    datasourceNames.add(ds.name);
  });
  const defaults = d.datasources.filter((ds) => ds.default);
  if (defaults.length > 1) problem(['datasources'], `only one datasource can be the default; ${defaults.length} are`);

  const variableNames = new Set<string>();
  d.variables.forEach((v, i) => {
    if (variableNames.has(v.name)) problem(['variables', i, 'name'], `"${v.name}" is used by another variable`);
    variableNames.add(v.name);
    if ((v.type === 'query') && v.datasource !== undefined) checkDatasource(v.datasource, ['variables', i, 'datasource']);
  });

  function checkDatasource(name: string, path: PropertyKey[]) {
    const variable = /^\$\{?([A-Za-z0-9_]+)\}?$/.exec(name)?.[1];
    if (variable !== undefined) {
      if (!d.variables.some((v) => v.name === variable && v.type === 'datasource')) {
        problem(path, `"${name}" refers to no datasource variable; add a variable of type "datasource" named "${variable}"`);
      }
    } else if (!datasourceNames.has(name)) {
      const known = [...datasourceNames].map((n) => `"${n}"`).join(', ') || 'none';
      problem(path, `refers to datasource "${name}", which is not in datasources (known: ${known})`);
    }
  }

  const panelIds = new Map<number, string>();
  const visit = (panel: Panel | Row, path: PropertyKey[]) => {
    const where = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').slice(1);
    const first = panelIds.get(panel.id);
    if (first !== undefined) problem([...path, 'id'], `id ${panel.id} is already used by ${first}`);
    else panelIds.set(panel.id, where);
    // Only when x and w are each in range: otherwise their own problem is already listed.
    if (panel.gridPos.x <= 23 && panel.gridPos.w <= 24 && panel.gridPos.x + panel.gridPos.w > 24) {
      problem([...path, 'gridPos'], `x + w must be at most 24 (the grid's width), got ${panel.gridPos.x} + ${panel.gridPos.w}`);
    }
    if (panel.repeat !== undefined && !variableNames.has(panel.repeat)) {
      problem([...path, 'repeat'], `repeats by "${panel.repeat}", which is not a variable of this dashboard`);
    }
    if (panel.type === 'row') {
      panel.panels.forEach((child, j) => visit(child, [...path, 'panels', j]));
      return;
    }
    if (panel.datasource !== undefined) checkDatasource(panel.datasource, [...path, 'datasource']);
    const refIds = new Set<string>();
    panel.targets.forEach((t, j) => {
      if (refIds.has(t.refId)) problem([...path, 'targets', j, 'refId'], `"${t.refId}" is used by another target of this panel`);
      refIds.add(t.refId);
    });
  };
  d.panels.forEach((panel, i) => visit(panel, ['panels', i]));
}
