/**
 * Grafana dashboards into promkit's format, so <prom-dashboard> shows them without Grafana. Reads
 * every shape found in the wild: the API's `{ dashboard, meta }` envelope, exports "for sharing
 * externally" with `__inputs`, current `panels`, and the `rows` of schemaVersion 14–16. What has
 * no place in promkit is a warning with its path in the Grafana JSON, never a failure.
 */
import { validateDashboard } from '../dashboard/parse.js';
import { SORTS, VARIABLE_HIDES, type Dashboard, type DashboardInput, type PanelInput } from '../dashboard/schema.js';
import { SCHEMA_VERSION } from '../dashboard/schema.js';
import { SchemaError, type SchemaProblem } from '../prometheus/errors.js';
import { readJsonInput } from '../internal/json-input.js';
import { arrayOf, isObject, numberOf, objectOf, textOf, ImportContext, type Json } from './import-context.js';
import { panelOf, durationOf } from './import-panels.js';
import { dashboardLinksOf } from './import-links.js';
import { sourcePanels, type SourcePanel } from './import-rows.js';
import { colorOf } from './import-fields.js';

type DatasourceInput = NonNullable<DashboardInput['datasources']>[number];
type VariableInput = NonNullable<DashboardInput['variables']>[number];
type AnnotationInput = NonNullable<DashboardInput['annotations']>[number];
type RowInput = Extract<NonNullable<DashboardInput['panels']>[number], { type: 'row' }>;

export interface FromGrafanaOptions {
  /**
   * The Prometheus datasources the dashboard queries. Grafana's datasources map onto these by
   * name: a datasource variable `datasource_<name>` (as toGrafana writes them), or a datasource
   * whose uid or name is `<name>`. Everything else goes to the default. Leave out to let the page
   * supply the URL (`<prom-dashboard url>`).
   */
  datasources?: DatasourceInput[];
}

export interface GrafanaImport {
  dashboard: Dashboard;
  /** What was not carried over, or was changed to fit, with its path in the Grafana JSON. */
  warnings: SchemaProblem[];
}


/**
 * Converts a Grafana dashboard (an object or JSON text) into a promkit dashboard. Throws a
 * SchemaError only when the input is not a Grafana dashboard at all.
 */
export function fromGrafana(input: unknown, options: FromGrafanaOptions = {}): GrafanaImport {
  const root = unwrap(input);
  const datasources = options.datasources ?? [];
  const ctx = new ImportContext(datasources.map((d) => d.name), arrayOf(root['__inputs']));

  const variables = variablesOf(root, ctx);
  const variableNames = new Set(variables.map((v) => v.name));
  const panels = panelsOf(sourcePanels(root, ctx), variableNames, ctx);
  const time = objectOf(root['time']);
  const refresh = durationOf(root['refresh'], 'refresh', ctx);
  const timezone = textOf(root['timezone']);
  const uid = textOf(root['uid']);
  const draft: DashboardInput = {
    schemaVersion: SCHEMA_VERSION,
    ...(uid && /^[A-Za-z0-9_-]{1,40}$/.test(uid) ? { uid } : {}),
    title: textOf(root['title']) ?? 'Imported dashboard',
    ...(textOf(root['description']) ? { description: root['description'] as string } : {}),
    tags: arrayOf(root['tags']).filter((t): t is string => typeof t === 'string'),
    time: { from: timeOf(time['from'], 'now-6h'), to: timeOf(time['to'], 'now') },
    timezone: timezone === undefined ? 'browser' : timezone,
    ...(root['weekStart'] === 'sunday' || root['weekStart'] === 'monday' ? { weekStart: root['weekStart'] } : {}),
    refresh: refresh ?? '',
    datasources,
    variables,
    panels,
    links: dashboardLinksOf(root['links'], 'links', ctx),
    annotations: annotationsOf(root, ctx),
  };
  if (uid && !draft.uid) ctx.warn('uid', `${JSON.stringify(uid)} is not a promkit uid (1–40 letters, digits, - or _): left out`);
  const check = validateDashboard(draft);
  if (!check.ok) {
    // Everything above is made to fit the schema; reaching this is a promkit bug worth reporting.
    const list = check.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
    throw new SchemaError(`fromGrafana built a dashboard promkit cannot read; please report this with the Grafana JSON:\n${list}`, check.problems);
  }
  return { dashboard: check.dashboard, warnings: ctx.warnings };
}

/** The dashboard object inside JSON text, an API envelope, or as it is. */
function unwrap(input: unknown): Json {
  const read = readJsonInput(input);
  if (!read.ok) throw new SchemaError(`The Grafana dashboard ${read.problem.message}`, [read.problem]);
  let data = read.data;
  // The HTTP API's { dashboard, meta }, and the Kubernetes-style resource's { spec }.
  if (isObject(data) && isObject(data['dashboard'])) data = data['dashboard'];
  if (isObject(data) && isObject(data['spec']) && typeof data['apiVersion'] === 'string') data = data['spec'];
  if (!isObject(data) || (!Array.isArray(data['panels']) && !Array.isArray(data['rows']))) {
    const message = 'is not a Grafana dashboard: expected an object with a "panels" (or, before Grafana 5, "rows") array';
    throw new SchemaError(`The input ${message}.`, [{ path: '(root)', message }]);
  }
  return data;
}

/** Grafana times are date math (`now-6h`) or ISO text; ISO becomes epoch milliseconds. */
function timeOf(value: unknown, fallback: string): string | number {
  const text = textOf(value);
  if (text === undefined) return typeof value === 'number' ? value : fallback;
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text))) return Date.parse(text);
  if (/^\d{13}$/.test(text)) return Number(text);
  return text;
}

/** Panels with unique ids; rows keep their collapsed panels; repeats only by kept variables. */
function panelsOf(sources: SourcePanel[], variableNames: Set<string>, ctx: ImportContext): (PanelInput | RowInput)[] {
  const taken = new Set<number>();
  const idOf = (src: SourcePanel) => {
    const wanted = numberOf(src.raw['id']);
    if (wanted !== undefined && Number.isInteger(wanted) && wanted >= 1 && !taken.has(wanted)) {
      taken.add(wanted);
      return wanted;
    }
    return -1;
  };
  // Two passes: keep every id that can be kept, then number the rest after the largest.
  const all = sources.flatMap((s) => [s, ...(s.children ?? [])]);
  const ids = new Map(all.map((s) => [s, idOf(s)]));
  let next = Math.max(0, ...taken) + 1;
  const id = (src: SourcePanel) => {
    const kept = ids.get(src)!;
    if (kept !== -1) return kept;
    if (src.raw['id'] !== undefined) ctx.warn(`${src.path}.id`, `${JSON.stringify(src.raw['id'])} is used by another panel or is not a positive whole number: renumbered ${next}`);
    return next++;
  };
  const checkRepeat = <T extends { repeat?: string | undefined }>(panel: T, path: string): T => {
    if (panel.repeat === undefined || variableNames.has(panel.repeat)) return panel;
    ctx.warn(`${path}.repeat`, `repeats by "${panel.repeat}", which is not a variable promkit kept: shown once`);
    const { repeat: _dropped, ...rest } = panel;
    return rest as T;
  };
  return sources.map((src) => {
    if (src.raw['type'] !== 'row') return checkRepeat(panelOf(src, id(src), ctx), src.path);
    const row: RowInput = {
      id: id(src),
      type: 'row',
      title: typeof src.raw['title'] === 'string' ? src.raw['title'] : '',
      gridPos: { ...src.gridPos },
      collapsed: src.raw['collapsed'] === true || src.raw['collapse'] === true,
      panels: (src.children ?? []).map((child) => checkRepeat(panelOf(child, id(child), ctx), child.path)),
      ...(textOf(src.raw['repeat']) ? { repeat: src.raw['repeat'] as string } : {}),
    };
    return checkRepeat(row, src.path);
  });
}

/** Template variables; Prometheus datasource variables bind to datasources (see FromGrafanaOptions). */
function variablesOf(root: Json, ctx: ImportContext): VariableInput[] {
  const list = arrayOf(objectOf(root['templating'])['list']);
  const out: VariableInput[] = [];
  list.forEach((value, i) => {
    const v = objectOf(value);
    const path = `templating.list[${i}]`;
    const name = textOf(v['name']);
    if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || name.startsWith('__')) {
      ctx.warn(`${path}.name`, `${JSON.stringify(v['name'])} is not a variable name promkit reads (letters, digits, _): left out`);
      return;
    }
    const common = {
      name,
      ...(textOf(v['label']) ? { label: v['label'] as string } : {}),
      ...(textOf(v['description']) ? { description: v['description'] as string } : {}),
      hide: VARIABLE_HIDES[numberOf(v['hide']) ?? 0] ?? 'none',
    };
    const current = currentOf(v['current']);
    const choice = {
      multi: v['multi'] === true,
      includeAll: v['includeAll'] === true,
      ...(typeof v['allValue'] === 'string' && v['allValue'] !== '' ? { allValue: v['allValue'] } : {}),
      ...(current ? { current } : {}),
    };
    const query = typeof v['query'] === 'string' ? v['query'] : textOf(objectOf(v['query'])['query']) ?? '';
    switch (v['type']) {
      case 'datasource':
        if (typeof v['query'] === 'string' && !/prometheus/i.test(v['query'])) {
          ctx.warn(path, `"${name}" chooses among ${v['query']} datasources, which promkit does not query (left out)`);
          return;
        }
        if (ctx.addDatasourceVariable(name)) {
          out.push({ ...common, ...choice, type: 'datasource', ...(textOf(v['regex']) ? { regex: v['regex'] as string } : {}) });
        }
        return;
      case 'query': {
        const source = ctx.datasource(v['datasource'], `${path}.datasource`);
        if (source.kind === 'other') {
          const values = arrayOf(v['options']).map((o) => textOf(objectOf(o)['value'])).filter((o): o is string => o !== undefined && o !== '$__all');
          ctx.warn(path, `"${name}" queries ${source.description}, which promkit does not query: kept as a fixed list of its saved options (${values.length})`);
          out.push({ ...common, ...choice, type: 'custom', query: values.map((o) => o.replace(/,/g, '\\,')).join(',') });
          return;
        }
        if (!query) {
          ctx.warn(`${path}.query`, `"${name}" has no query (left out)`);
          return;
        }
        out.push({
          ...common,
          ...choice,
          type: 'query',
          ...(source.name !== undefined ? { datasource: source.name } : {}),
          query,
          ...(textOf(v['regex']) ? { regex: v['regex'] as string } : {}),
          sort: SORTS[numberOf(v['sort']) ?? 0] ?? 'none',
          refresh: v['refresh'] === 2 ? 'time' : 'load',
        });
        return;
      }
      case 'custom':
        out.push({ ...common, ...choice, type: 'custom', query });
        return;
      case 'constant':
        out.push({ ...common, type: 'constant', query });
        return;
      case 'textbox':
        out.push({ ...common, type: 'textbox', query, ...(current ? { current } : {}) });
        return;
      case 'interval': {
        const autoMin = durationOf(v['auto_min'], `${path}.auto_min`, ctx);
        const autoCount = numberOf(v['auto_count']);
        if (!query) {
          ctx.warn(`${path}.query`, `"${name}" lists no intervals (left out)`);
          return;
        }
        out.push({
          ...common,
          type: 'interval',
          query,
          auto: v['auto'] === true,
          ...(autoCount !== undefined && autoCount >= 1 ? { autoCount: Math.round(autoCount) } : {}),
          ...(autoMin ? { autoMin } : {}),
          ...(current ? { current } : {}),
        });
        return;
      }
      default:
        ctx.warn(path, `"${name}" is a variable of type ${JSON.stringify(v['type'])}, which promkit does not have (left out)`);
    }
  });
  return out;
}

/** A saved selection; `text` only where it says something `value` does not. */
function currentOf(raw: unknown): { value: string | string[]; text?: string | string[] } | undefined {
  if (!isObject(raw)) return undefined;
  const pick = (x: unknown) => (typeof x === 'string' ? x : Array.isArray(x) && x.every((e) => typeof e === 'string') ? (x as string[]) : undefined);
  const value = pick(raw['value']);
  if (value === undefined || (typeof value === 'string' && value === '' && raw['text'] === undefined)) return undefined;
  const text = pick(raw['text']);
  return { value, ...(text !== undefined && JSON.stringify(text) !== JSON.stringify(value) ? { text } : {}) };
}

/** Prometheus annotation queries; Grafana's built-in and other datasources' ones are left out. */
function annotationsOf(root: Json, ctx: ImportContext): AnnotationInput[] {
  const out: AnnotationInput[] = [];
  arrayOf(objectOf(root['annotations'])['list']).forEach((value, i) => {
    const a = objectOf(value);
    const path = `annotations.list[${i}]`;
    if (a['builtIn'] === 1) return;
    const name = textOf(a['name']) ?? `Annotations ${i + 1}`;
    const source = ctx.datasource(a['datasource'], `${path}.datasource`);
    const expr = textOf(a['expr']) ?? textOf(objectOf(a['target'])['expr']);
    if (source.kind === 'other' || !expr) {
      ctx.warn(path, `"${name}" ${source.kind === 'other' ? `reads ${source.description}` : 'has no PromQL expression'}, which promkit cannot show (left out)`);
      return;
    }
    const step = durationOf(a['step'], `${path}.step`, ctx);
    const color = colorOf(a['iconColor'], `${path}.iconColor`, ctx);
    out.push({
      type: 'prometheus',
      name,
      enabled: a['enable'] !== false,
      ...(source.name !== undefined ? { datasource: source.name } : {}),
      expr,
      ...(step ? { step } : {}),
      ...(textOf(a['titleFormat']) ? { titleFormat: a['titleFormat'] as string } : {}),
      ...(textOf(a['textFormat']) ? { textFormat: a['textFormat'] as string } : {}),
      ...(textOf(a['tagKeys']) ? { tagKeys: a['tagKeys'] as string } : {}),
      ...(color ? { color } : {}),
    });
  });
  return out;
}
