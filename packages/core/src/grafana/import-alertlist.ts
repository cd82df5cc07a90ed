/**
 * Grafana's alert list panel → promkit's `alertlist`: the firing and pending alerts of the panel's
 * Prometheus datasource, filtered and sorted by the same options. Both forms are read: Grafana 8+
 * (`options`: alertName, alertInstanceLabelFilter, stateFilter {firing, pending, …}, sortOrder,
 * maxItems, viewMode, showInstances, datasource) and the legacy panel (`nameFilter`, `limit`,
 * `stateFilter: ['alerting', …]`, `sortOrder` beside the panel's other fields). What Prometheus'
 * alert API has no answer for (normal and no-data rules, state changes, Grafana folders and
 * dashboards, custom grouping) is named in a warning.
 */
import { ALERT_SORTS } from '../query/alert-list.js';
import type { PanelInput, PanelOptions } from '../dashboard/schema.js';
import { arrayOf, isObject, numberOf, objectOf, textOf, type ImportContext, type Json } from './import-context.js';

type Base = Pick<PanelInput, 'id' | 'title' | 'description' | 'gridPos' | 'links' | 'repeat' | 'repeatDirection' | 'maxPerRow'>;

/** Settings of Grafana's alert list read here or named in a warning: no "not a setting" warning for them. */
const LEGACY = ['show', 'limit', 'nameFilter', 'stateFilter', 'sortOrder', 'onlyAlertsOnDashboard', 'dashboardFilter', 'dashboardTags', 'folderId'] as const;
const READ = new Set<string>(['options', ...LEGACY]);

export function alertListOf(raw: Json, base: Base, path: string, ctx: ImportContext): PanelInput {
  const current = objectOf(raw['options']);
  const legacy = Object.keys(current).length === 0 && LEGACY.some((key) => raw[key] !== undefined);
  const options = legacy ? legacyOptionsOf(raw, path, ctx) : currentOptionsOf(current, `${path}.options`, ctx);
  const source = ctx.datasource(current['datasource'] ?? raw['datasource'], `${path}.datasource`);
  if (source.kind === 'other') ctx.warn(`${path}.datasource`, `alerts of ${source.description} are not read: the list shows the alerts of the dashboard's default Prometheus`);
  for (const key of Object.keys(raw)) if (!READ.has(key) && !QUIET.has(key)) ctx.warn(`${path}.${key}`, 'is not a panel setting promkit uses (left out)');
  return { ...base, type: 'alertlist', ...(source.kind === 'prometheus' && source.name !== undefined ? { datasource: source.name } : {}), options };
}

const NO_HISTORY = 'recent state changes are not listed: Prometheus keeps no alert history, so the list shows the current alerts';
const NOT_ON_DASHBOARDS = "Grafana links alerts to dashboards; Prometheus' alerts are not: every alert of the datasource is listed";

/** Panel fields every Grafana panel has, read elsewhere or of no use to an alert list. */
const QUIET = new Set(['id', 'type', 'title', 'description', 'gridPos', 'links', 'repeat', 'repeatDirection', 'maxPerRow', 'datasource', 'pluginVersion', 'targets', 'fieldConfig', 'transparent', 'span', 'height', 'error', 'isNew', 'editable', 'hideTimeOverride', 'timeFrom', 'timeShift', 'interval']);

function currentOptionsOf(o: Json, path: string, ctx: ImportContext): PanelOptions {
  const out: PanelOptions = {};
  if (o['viewMode'] === 'stat' || o['viewMode'] === 'list') out.viewMode = o['viewMode'];
  const name = textOf(o['alertName'])?.trim();
  if (name) out.alertName = name;
  const labels = textOf(o['alertInstanceLabelFilter'])?.trim();
  if (labels) out.alertInstanceLabelFilter = labels;
  const states = objectOf(o['stateFilter']);
  if (isObject(o['stateFilter'])) {
    // Grafana 7's alert list said `alerting` for firing, and listed more states (ok, no_data, paused).
    const firing = states['firing'] ?? states['alerting'];
    out.stateFilter = { ...(typeof firing === 'boolean' ? { firing } : {}), ...(typeof states['pending'] === 'boolean' ? { pending: states['pending'] } : {}) };
    const unlisted = ['normal', 'noData', 'recovering', 'ok', 'no_data', 'paused'].filter((s) => states[s] === true);
    if (unlisted.length) ctx.warn(`${path}.stateFilter`, `${unlisted.join(', ')} rules are not listed: Prometheus' alert API gives firing and pending alerts only`);
  }
  Object.assign(out, sortAndLimitOf(o['sortOrder'], o['maxItems'], path, 'maxItems', ctx));
  if (o['showInstances'] === true) out.showInstances = true;
  if (o['groupMode'] === 'custom' && arrayOf(o['groupBy']).length) ctx.warn(`${path}.groupBy`, 'custom grouping is left out: alerts are grouped by their rule');
  if (o['showOptions'] === 'changes') ctx.warn(`${path}.showOptions`, NO_HISTORY);
  if (textOf(o['dashboardTitle']) || arrayOf(o['tags']).length) ctx.warn(`${path}`, 'filters by Grafana dashboards or tags, which Prometheus alerts do not belong to (left out)');
  if (o['dashboardAlerts'] === true) ctx.warn(`${path}.dashboardAlerts`, NOT_ON_DASHBOARDS);
  if (textOf(o['folder']) || isObject(o['folder'])) ctx.warn(`${path}.folder`, 'Grafana folders are left out: every alert of the datasource is listed');
  return out;
}

/** Grafana's legacy alert list, whose settings sit on the panel itself. */
function legacyOptionsOf(raw: Json, path: string, ctx: ImportContext): PanelOptions {
  const out: PanelOptions = {};
  if (raw['show'] === 'changes') ctx.warn(`${path}.show`, NO_HISTORY);
  const name = textOf(raw['nameFilter'])?.trim();
  if (name) out.alertName = name;
  const states = arrayOf(raw['stateFilter']).filter((s): s is string => typeof s === 'string');
  // An empty legacy state filter means every state.
  if (states.length) {
    out.stateFilter = { firing: states.includes('alerting'), pending: states.includes('pending') };
    const unlisted = states.filter((s) => s !== 'alerting' && s !== 'pending');
    if (unlisted.length) ctx.warn(`${path}.stateFilter`, `${unlisted.join(', ')} alerts are not listed: Prometheus' alert API gives firing and pending alerts only`);
  }
  Object.assign(out, sortAndLimitOf(raw['sortOrder'], raw['limit'], path, 'limit', ctx));
  if (raw['onlyAlertsOnDashboard'] === true) ctx.warn(`${path}.onlyAlertsOnDashboard`, NOT_ON_DASHBOARDS);
  for (const key of ['dashboardFilter', 'dashboardTags', 'folderId'] as const) {
    const value = raw[key];
    if (value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) ctx.warn(`${path}.${key}`, 'filters by Grafana dashboards or folders, which Prometheus alerts do not belong to (left out)');
  }
  return out;
}

function sortAndLimitOf(sort: unknown, limit: unknown, path: string, limitKey: string, ctx: ImportContext): Pick<PanelOptions, 'sortOrder' | 'maxItems'> {
  const out: Pick<PanelOptions, 'sortOrder' | 'maxItems'> = {};
  const order = numberOf(sort);
  if (order !== undefined && ALERT_SORTS[order - 1]) out.sortOrder = ALERT_SORTS[order - 1]!;
  else if (sort !== undefined) ctx.warn(`${path}.sortOrder`, `${JSON.stringify(sort)} is not one of Grafana's sort orders 1–5 (alphabetical first)`);
  const max = numberOf(limit);
  if (max !== undefined && Number.isInteger(max) && max >= 1) out.maxItems = max;
  else if (limit !== undefined) ctx.warn(`${path}.${limitKey}`, `${JSON.stringify(limit)} is not a number of alerts (10 are listed)`);
  return out;
}
