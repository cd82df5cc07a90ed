/**
 * promkit dashboards as Grafana's dashboard JSON model (the classic model Grafana's HTTP API,
 * provisioning and import read). Our format is close to it by design: the grid, panel types,
 * fieldConfig and options carry over as they are. What Grafana has no place for is listed as a
 * warning with its path, never dropped silently.
 */
import { parseDashboard } from '../dashboard/parse.js';
import { SORTS, VARIABLE_HIDES, type Dashboard, type DashboardInput, type FieldDefaults, type Panel, type Row, type Variable } from '../dashboard/schema.js';
import type { SchemaProblem } from '../prometheus/errors.js';
import { hostDescription } from '../dashboard/datasources.js';
import { ALERT_SORTS } from '../query/alert-list.js';
import { REDUCER_NAMES } from '../format/reduce.js';

/** Grafana's dashboard schema version this export writes (Grafana 12). */
export const GRAFANA_SCHEMA_VERSION = 41;

/** A reference to a Grafana datasource; `uid` is a `${variable}` so the importer picks one. */
export interface GrafanaDatasourceRef {
  type: 'prometheus';
  uid: string;
}

export interface GrafanaGridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface GrafanaTarget extends Record<string, unknown> {
  refId: string;
  datasource: GrafanaDatasourceRef;
  expr: string;
  legendFormat?: string;
  instant: boolean;
  range: boolean;
  hide?: boolean;
  interval?: string;
  intervalFactor?: number;
  format?: 'table';
}

export interface GrafanaPanel {
  id: number;
  type: string;
  title: string;
  description?: string;
  gridPos: GrafanaGridPos;
  datasource?: GrafanaDatasourceRef;
  targets?: GrafanaTarget[];
  fieldConfig?: { defaults: Record<string, unknown>; overrides: { matcher: { id: string; options?: unknown }; properties: { id: string; value?: unknown }[] }[] };
  options?: Record<string, unknown>;
  maxDataPoints?: number;
  interval?: string;
  timeFrom?: string;
  timeShift?: string;
  repeat?: string;
  repeatDirection?: 'h' | 'v';
  maxPerRow?: number;
  links?: GrafanaLink[];
  transformations?: { id: string; options: unknown; disabled?: boolean }[];
}

export interface GrafanaRowPanel {
  id: number;
  type: 'row';
  title: string;
  gridPos: GrafanaGridPos;
  collapsed: boolean;
  panels: GrafanaPanel[];
  repeat?: string;
}

export interface GrafanaVariable {
  type: 'query' | 'custom' | 'constant' | 'textbox' | 'interval' | 'datasource';
  name: string;
  label?: string;
  description?: string;
  hide: 0 | 1 | 2;
  query: string;
  datasource?: GrafanaDatasourceRef;
  definition?: string;
  refresh?: 1 | 2;
  regex?: string;
  sort?: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  multi?: boolean;
  includeAll?: boolean;
  allValue?: string;
  current?: { text: string | string[]; value: string | string[] };
  auto?: boolean;
  auto_count?: number;
  auto_min?: string;
}

export interface GrafanaLink {
  title: string;
  url: string;
  tooltip: string;
  targetBlank: boolean;
  type: 'link' | 'dashboards';
  icon: string;
  asDropdown: boolean;
  includeVars: boolean;
  keepTime: boolean;
  tags: string[];
}

export interface GrafanaAnnotation {
  name: string;
  enable: boolean;
  iconColor: string;
  datasource: GrafanaDatasourceRef | { type: 'grafana'; uid: '-- Grafana --' };
  builtIn?: number;
  hide?: boolean;
  type?: string;
  expr?: string;
  step?: string;
  titleFormat?: string;
  textFormat?: string;
  tagKeys?: string;
}

export interface GrafanaDashboard {
  uid?: string;
  title: string;
  description?: string;
  tags: string[];
  timezone: string;
  weekStart: string;
  editable: boolean;
  /** 1: shared crosshair, as promkit dashboards have. */
  graphTooltip: 0 | 1 | 2;
  time: { from: string; to: string };
  refresh: string;
  schemaVersion: number;
  templating: { list: GrafanaVariable[] };
  annotations: { list: GrafanaAnnotation[] };
  panels: (GrafanaPanel | GrafanaRowPanel)[];
  links: GrafanaLink[];
}

export interface GrafanaExport {
  dashboard: GrafanaDashboard;
  /** What has no place in Grafana's model, with its path in the promkit dashboard. */
  warnings: SchemaProblem[];
}


/** Converts a promkit dashboard (checked first; throws a SchemaError when invalid) to Grafana's model. */
export function toGrafana(input: DashboardInput): GrafanaExport {
  const d: Dashboard = parseDashboard(input);
  const warnings: SchemaProblem[] = [];
  const sources = datasourceVariables(d, warnings);
  const refOf = (name: string | undefined): GrafanaDatasourceRef => ({ type: 'prometheus', uid: sources.ref(name) });

  const panels: (GrafanaPanel | GrafanaRowPanel)[] = [];
  d.panels.forEach((item, i) => {
    if (item.type !== 'row') {
      panels.push(panelOf(item, refOf));
      return;
    }
    const children = item.panels.map((p) => panelOf(p, refOf));
    // Grafana keeps a collapsed row's panels inside it, and an open row's after it.
    panels.push(rowOf(item, item.collapsed ? children : []));
    if (!item.collapsed) panels.push(...children);
    if (!item.collapsed && children.length) warnings.push({ path: `panels[${i}].panels`, message: 'an open row carries its panels; Grafana lists them after the row instead (moved)' });
  });

  return {
    dashboard: {
      ...(d.uid ? { uid: d.uid } : {}),
      title: d.title,
      ...(d.description ? { description: d.description } : {}),
      tags: d.tags,
      timezone: d.timezone,
      weekStart: d.weekStart,
      editable: true,
      graphTooltip: 1,
      time: { from: timeText(d.time.from), to: timeText(d.time.to) },
      refresh: d.refresh,
      schemaVersion: GRAFANA_SCHEMA_VERSION,
      templating: { list: [...sources.variables, ...d.variables.map((v) => variableOf(v, refOf))] },
      annotations: { list: [BUILT_IN_ANNOTATIONS, ...annotationsOf(d, refOf, warnings)] },
      panels,
      links: d.links.map(linkOf),
    },
    warnings,
  };
}

/** Grafana's own "Annotations & Alerts" entry, which every dashboard it saves has. */
const BUILT_IN_ANNOTATIONS: GrafanaAnnotation = {
  builtIn: 1,
  datasource: { type: 'grafana', uid: '-- Grafana --' },
  enable: true,
  hide: true,
  iconColor: 'rgba(0, 211, 255, 1)',
  name: 'Annotations & Alerts',
  type: 'dashboard',
};

/**
 * One datasource variable per promkit datasource (the default is `${datasource}`): URLs and
 * credentials live in Grafana's datasources, so whoever imports the dashboard picks one.
 */
function datasourceVariables(d: Dashboard, warnings: SchemaProblem[]) {
  const names = d.datasources.length ? d.datasources.map((s) => s.name) : ['default'];
  const defaultName = d.datasources.find((s) => s.default)?.name ?? names[0]!;
  const variableName = (name: string) => (name === defaultName ? 'datasource' : `datasource_${name.replace(/[^A-Za-z0-9_]/g, '_')}`);
  d.datasources.forEach((s, i) => {
    if (s.type === 'host') {
      warnings.push({ path: `datasources[${i}]`, message: `"${s.name}" is ${hostDescription(s)}: Grafana has no such datasource, so the panels and variables that use it ask a Prometheus one and show nothing until they are pointed elsewhere` });
    } else if (s.backend !== 'prometheus' || s.tenant || s.headers || s.authRef) {
      warnings.push({ path: `datasources[${i}]`, message: `"${s.name}": its URL, backend, tenant, headers and credentials belong to the Grafana datasource; the dashboard asks for one of type prometheus` });
    }
  });
  const variables: GrafanaVariable[] = names.map((name) => ({
    type: 'datasource',
    name: variableName(name),
    label: names.length > 1 ? name : 'Data source',
    hide: 0,
    query: 'prometheus',
  }));
  return {
    variables,
    /** `${datasource}` for a panel's datasource name (or `$var`, kept as it is). */
    ref: (name: string | undefined) => (name?.startsWith('$') ? name : `\${${variableName(name ?? defaultName)}}`),
  };
}

function panelOf(p: Panel, refOf: (name: string | undefined) => GrafanaDatasourceRef): GrafanaPanel {
  const common = {
    id: p.id,
    type: p.type,
    title: p.title,
    ...(p.description ? { description: p.description } : {}),
    gridPos: { ...p.gridPos },
    ...(p.links ? { links: p.links.map(linkOf) } : {}),
    // Grafana reads a missing repeatDirection as 'h': left out when the dashboard leaves it out.
    ...(p.repeat ? { repeat: p.repeat, ...(p.repeatDirection ? { repeatDirection: p.repeatDirection } : {}) } : {}),
    ...(p.maxPerRow ? { maxPerRow: p.maxPerRow } : {}),
  };
  const options = optionsOf(p);
  if (p.type === 'text') return { ...common, options };
  if (p.type === 'alertlist') return { ...common, ...(p.datasource ? { datasource: refOf(p.datasource) } : {}), options: alertListOptionsOf(p) };
  const datasource = refOf(p.datasource);
  return {
    ...common,
    datasource,
    targets: p.targets.map((t) => ({
      refId: t.refId,
      datasource,
      expr: t.expr,
      ...(t.legendFormat ? { legendFormat: t.legendFormat } : {}),
      instant: t.instant,
      range: !t.instant,
      ...(t.hide ? { hide: true } : {}),
      ...(t.minInterval ? { interval: t.minInterval } : {}),
      ...(t.intervalFactor ? { intervalFactor: t.intervalFactor } : {}),
      ...(t.format ? { format: t.format } : {}),
      ...(t.exemplar ? { exemplar: true } : {}),
    })),
    fieldConfig: {
      defaults: fieldDefaultsOf(p.fieldConfig.defaults),
      overrides: p.fieldConfig.overrides.map((o) => ({ matcher: { ...o.matcher }, properties: o.properties.map(overridePropertyOf) })),
    },
    options,
    ...(p.maxDataPoints ? { maxDataPoints: p.maxDataPoints } : {}),
    ...(p.interval ? { interval: p.interval } : {}),
    ...(p.timeFrom ? { timeFrom: p.timeFrom } : {}),
    ...(p.timeShift ? { timeShift: p.timeShift } : {}),
    ...(p.transformations ? { transformations: p.transformations.map((t) => structuredClone(t)) } : {}),
  };
}

/** Field settings as Grafana names them: promkit's `custom.axisScale` is Grafana's `custom.scaleDistribution`. */
function fieldDefaultsOf(defaults: FieldDefaults): Record<string, unknown> {
  if (!defaults.custom?.axisScale) return { ...defaults };
  const { axisScale, ...custom } = defaults.custom;
  return { ...defaults, custom: { ...custom, scaleDistribution: scaleOf(axisScale) } };
}

function overridePropertyOf(property: { id: string; value?: unknown }): { id: string; value?: unknown } {
  if (property.id !== 'custom.axisScale') return { ...property };
  return { id: 'custom.scaleDistribution', value: scaleOf(property.value as NonNullable<FieldDefaults['custom']>['axisScale']) };
}

function scaleOf(scale: NonNullable<FieldDefaults['custom']>['axisScale']): { type: 'linear' | 'log'; log?: number } {
  return scale?.type === 'log' ? { type: 'log', log: scale.log ?? 10 } : { type: 'linear' };
}

/** Options as Grafana's panel plugins expect them: ours, plus the switches Grafana reads. */
function optionsOf(p: Panel): Record<string, unknown> {
  const options: Record<string, unknown> = { ...p.options };
  const legend = p.options.legend;
  if (legend) {
    const sortBy = legend.sortBy === undefined ? undefined : legend.sortBy === 'name' ? 'Name' : REDUCER_NAMES[legend.sortBy];
    options['legend'] = { ...legend, ...(sortBy ? { sortBy } : {}), showLegend: legend.displayMode !== 'hidden' };
  }
  if (p.options.reduceOptions) options['reduceOptions'] = { values: false, fields: '', ...p.options.reduceOptions };
  return options;
}

/** An alert list's options as Grafana's alert list reads them: its sort order is a number. */
function alertListOptionsOf(p: Panel): Record<string, unknown> {
  const { sortOrder, ...options } = p.options;
  return { ...options, ...(sortOrder ? { sortOrder: ALERT_SORTS.indexOf(sortOrder) + 1 } : {}) };
}

function rowOf(row: Row, panels: GrafanaPanel[]): GrafanaRowPanel {
  return { id: row.id, type: 'row', title: row.title, gridPos: { ...row.gridPos }, collapsed: row.collapsed, panels, ...(row.repeat ? { repeat: row.repeat } : {}) };
}

function variableOf(v: Variable, refOf: (name: string | undefined) => GrafanaDatasourceRef): GrafanaVariable {
  const common = {
    name: v.name,
    ...(v.label ? { label: v.label } : {}),
    ...(v.description ? { description: v.description } : {}),
    hide: VARIABLE_HIDES.indexOf(v.hide) as GrafanaVariable['hide'],
  };
  const choice = 'multi' in v ? { multi: v.multi, includeAll: v.includeAll, ...(v.allValue !== undefined ? { allValue: v.allValue } : {}) } : {};
  const current = 'current' in v && v.current ? { current: { text: v.current.text ?? v.current.value, value: v.current.value } } : {};
  switch (v.type) {
    case 'query':
      return {
        ...common,
        ...choice,
        ...current,
        type: 'query',
        datasource: refOf(v.datasource),
        query: v.query,
        definition: v.query,
        refresh: v.refresh === 'time' ? 2 : 1,
        ...(v.regex ? { regex: v.regex } : {}),
        sort: SORTS.indexOf(v.sort) as NonNullable<GrafanaVariable['sort']>,
      };
    case 'custom':
      return { ...common, ...choice, ...current, type: 'custom', query: v.query };
    case 'constant':
      return { ...common, type: 'constant', query: v.query };
    case 'textbox':
      return { ...common, ...current, type: 'textbox', query: v.query };
    case 'interval':
      return { ...common, ...current, type: 'interval', query: v.query, auto: v.auto, auto_count: v.autoCount, auto_min: v.autoMin };
    case 'datasource':
      return { ...common, ...choice, ...current, type: 'datasource', query: 'prometheus', ...(v.regex ? { regex: v.regex } : {}) };
  }
}

function annotationsOf(d: Dashboard, refOf: (name: string | undefined) => GrafanaDatasourceRef, warnings: SchemaProblem[]): GrafanaAnnotation[] {
  const out: GrafanaAnnotation[] = [];
  d.annotations.forEach((a, i) => {
    if (a.type !== 'prometheus') {
      warnings.push({ path: `annotations[${i}]`, message: `"${a.name}": events supplied by the host page have no Grafana equivalent (left out; Grafana's own annotations API holds such events)` });
      return;
    }
    out.push({
      name: a.name,
      enable: a.enabled,
      iconColor: a.color,
      datasource: refOf(a.datasource),
      expr: a.expr,
      ...(a.step ? { step: a.step } : {}),
      ...(a.titleFormat ? { titleFormat: a.titleFormat } : {}),
      ...(a.textFormat ? { textFormat: a.textFormat } : {}),
      ...(a.tagKeys ? { tagKeys: a.tagKeys } : {}),
    });
  });
  return out;
}

/** A link as Grafana keeps it: a URL, or Grafana's own links to dashboards by tag (a dropdown). */
function linkOf(l: Dashboard['links'][number]): GrafanaLink {
  const common = { title: l.title, tooltip: l.tooltip ?? '', targetBlank: l.targetBlank ?? false, includeVars: l.includeVars ?? false, keepTime: l.keepTime ?? false };
  if (l.type === 'dashboards') return { ...common, url: '', type: 'dashboards', icon: 'external link', asDropdown: true, tags: [...(l.tags ?? [])] };
  return { ...common, url: l.url ?? '', type: 'link', icon: 'external link', asDropdown: false, tags: [] };
}

/** Grafana keeps times as text: date math as written, epoch milliseconds as ISO 8601. */
function timeText(t: string | number): string {
  return typeof t === 'number' ? new Date(t).toISOString() : t;
}
