#!/usr/bin/env node
// Extracts every PromQL expression from the dashboards and rule files in sources/
// and writes queries.json: [{ expr, source, kind: "dashboard" | "rule" }, ...].
//
// Usage: node extract.mjs [sourcesDir] [outFile]
//   defaults: <this folder>/sources and <this folder>/queries.json
//
// Files are read in sorted name order and, within a file, in document order;
// an expression seen twice keeps its first source. Expressions are kept exactly
// as written (Grafana variables, trailing newlines of YAML block scalars and all).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const sourcesDir = process.argv[2] ?? join(here, 'sources');
const outFile = process.argv[3] ?? join(here, 'queries.json');

/** Grafana variable-query helpers that are not PromQL. */
const GRAFANA_VAR_FUNCS = /^\s*(label_values|label_names|query_result|metrics)\s*\(/;
/** Datasource types whose `expr` is not PromQL. */
const NON_PROM_TYPE = /^(loki|tempo|elasticsearch|grafana|influxdb|cloudwatch|mysql|postgres|graphite|jaeger|zipkin)$/i;
const NON_PROM_NAME = /loki|tempo|elastic/i;

const stats = { skippedGrafanaVarQueries: 0, skippedNonPromDatasource: 0, dashboards: 0, ruleFiles: 0 };

/** True when a Grafana datasource reference points at something other than Prometheus. */
function nonProm(ds) {
  if (ds == null) return false;
  if (typeof ds === 'string') return NON_PROM_NAME.test(ds);
  if (typeof ds.type === 'string') return NON_PROM_TYPE.test(ds.type);
  return typeof ds.uid === 'string' && NON_PROM_NAME.test(ds.uid);
}

/** Every panel, including those nested in rows (new `panels[].panels`, old `rows[].panels`). */
function* panelsOf(dash) {
  const walk = function* (list) {
    for (const p of list ?? []) {
      if (!p || typeof p !== 'object') continue;
      yield p;
      if (Array.isArray(p.panels)) yield* walk(p.panels);
    }
  };
  yield* walk(dash.panels);
  for (const row of dash.rows ?? []) yield* walk(row?.panels);
}

function dashboardExprs(dash, emit) {
  if (dash && typeof dash === 'object' && dash.dashboard && !dash.panels && !dash.rows) dash = dash.dashboard;
  if (!dash || typeof dash !== 'object' || !(dash.panels || dash.rows)) return false;
  stats.dashboards++;
  for (const panel of panelsOf(dash)) {
    for (const t of panel.targets ?? []) {
      if (!t || typeof t.expr !== 'string' || t.expr.trim() === '') continue;
      if (nonProm(t.datasource ?? panel.datasource)) { stats.skippedNonPromDatasource++; continue; }
      emit(t.expr);
    }
  }
  for (const v of dash.templating?.list ?? []) {
    if (v?.type !== 'query') continue;
    const q = typeof v.query === 'string' ? v.query : v.query?.query;
    if (typeof q !== 'string' || q.trim() === '') continue;
    if (nonProm(v.datasource)) { stats.skippedNonPromDatasource++; continue; }
    if (GRAFANA_VAR_FUNCS.test(q)) { stats.skippedGrafanaVarQueries++; continue; }
    emit(q);
  }
  for (const a of dash.annotations?.list ?? []) {
    if (typeof a?.expr !== 'string' || a.expr.trim() === '') continue;
    if (nonProm(a.datasource)) { stats.skippedNonPromDatasource++; continue; }
    emit(a.expr);
  }
  return true;
}

/** Rule groups of a plain rule file or of a PrometheusRule resource. */
function ruleExprs(doc, emit) {
  const groups = doc?.groups ?? doc?.spec?.groups;
  if (!Array.isArray(groups)) return false;
  stats.ruleFiles++;
  for (const g of groups) {
    for (const r of g?.rules ?? []) {
      if (typeof r?.expr === 'string' && r.expr.trim() !== '') emit(r.expr);
      else if (typeof r?.expr === 'number') emit(String(r.expr)); // e.g. `expr: 1`
    }
  }
  return true;
}

/** ConfigMap / ConfigMapList holding dashboards as JSON strings. */
function configMapDashboards(doc, emit) {
  const maps = doc?.kind === 'ConfigMapList' ? doc.items ?? [] : doc?.kind === 'ConfigMap' ? [doc] : [];
  let found = false;
  for (const cm of maps) {
    for (const [key, value] of Object.entries(cm?.data ?? {})) {
      if (typeof value !== 'string' || !key.endsWith('.json')) continue;
      try { found = dashboardExprs(JSON.parse(value), emit) || found; } catch { /* not JSON */ }
    }
  }
  return found;
}

const seen = new Map();
const perSource = {};
for (const name of readdirSync(sourcesDir).sort()) {
  const text = readFileSync(join(sourcesDir, name), 'utf8');
  perSource[name] = { dashboard: 0, rule: 0, duplicates: 0 };
  const emitter = (kind) => (expr) => {
    if (seen.has(expr)) { perSource[name].duplicates++; return; }
    seen.set(expr, { expr, source: name, kind });
    perSource[name][kind]++;
  };
  let used = false;
  if (name.endsWith('.json')) {
    used = dashboardExprs(JSON.parse(text), emitter('dashboard'));
  } else if (/\.ya?ml$/.test(name)) {
    for (const d of parseAllDocuments(text)) {
      if (d.errors.length) throw new Error(`${name}: ${d.errors[0].message}`);
      const doc = d.toJS();
      used = ruleExprs(doc, emitter('rule')) || configMapDashboards(doc, emitter('dashboard')) || used;
    }
  }
  if (!used) perSource[name].note = 'no dashboard or rule groups found';
}

const out = [...seen.values()];
writeFileSync(outFile, '[\n' + out.map((q) => JSON.stringify(q)).join(',\n') + '\n]\n');

const count = (k) => out.filter((q) => q.kind === k).length;
console.log(JSON.stringify({ total: out.length, dashboard: count('dashboard'), rule: count('rule'), ...stats, perSource }, null, 1));
