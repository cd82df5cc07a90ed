/**
 * What every step of a Grafana import shares: readers for untyped JSON, the warnings list, and how
 * Grafana's datasource references map onto promkit's datasources.
 */
import type { SchemaProblem } from '../prometheus/errors.js';
import { datasourceVariable } from '../dashboard/datasource-ref.js';

/** A JSON object as Grafana wrote it: nothing about it is trusted. */
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as an object, or an empty one. */
export function objectOf(value: unknown): Json {
  return isObject(value) ? value : {};
}

/** The value as an array, or an empty one. */
export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty string, or undefined. */
export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A finite number (numeric strings too, as old dashboards wrote them), or undefined. */
export function numberOf(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** Where promkit sends a Grafana datasource reference. */
export type DatasourceTarget =
  /**
   * A promkit datasource by name, or undefined for the dashboard's default. `untyped`: Grafana
   * named a datasource without saying its type, so it may not be a Prometheus at all.
   */
  | { kind: 'prometheus'; name: string | undefined; untyped?: boolean }
  /** Something promkit does not query (Loki, Elasticsearch, Grafana's own, …). */
  | { kind: 'other'; description: string };

/** Datasource types promkit queries (Grafana's Prometheus and its managed variants). */
const PROMETHEUS_TYPES = /prometheus/i;
const MIXED = '-- Mixed --';

export class ImportContext {
  readonly warnings: SchemaProblem[] = [];
  readonly #datasourceNames: Set<string>;
  /** Grafana datasource variable name → promkit datasource name (undefined: the default). */
  readonly #boundVariables = new Map<string, string | undefined>();
  /** Datasource variables kept as promkit datasource variables (a choice among the datasources). */
  readonly chooserVariables = new Set<string>();
  /** `${DS_NAME}` inputs of a dashboard exported "for sharing externally". */
  readonly #inputs = new Map<string, string>();
  readonly #reported = new Set<string>();

  constructor(datasourceNames: string[], inputs: unknown[]) {
    this.#datasourceNames = new Set(datasourceNames);
    for (const input of inputs.filter(isObject)) {
      const name = textOf(input['name']);
      if (name && input['type'] === 'datasource') this.#inputs.set(name, textOf(input['pluginId']) ?? '');
    }
  }

  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }

  /** Runs `read`, filing the warnings it gives under `path` (for settings read out of their place). */
  at<T>(path: string, read: () => T): T {
    const from = this.warnings.length;
    const result = read();
    for (const w of this.warnings.slice(from)) w.path = path;
    return result;
  }

  /** Warns once per key, at the first place it happens. */
  warnOnce(key: string, path: string, message: string): void {
    if (this.#reported.has(key)) return;
    this.#reported.add(key);
    this.warn(path, message);
  }

  /**
   * Decides what a Grafana datasource variable becomes. Variables named `datasource`, after a
   * promkit datasource (`datasource_<name>`, or the name itself), or without promkit datasources
   * to choose from, bind panels to one datasource; others stay a choice among the datasources.
   * Returns true when the variable stays a promkit variable.
   */
  addDatasourceVariable(name: string): boolean {
    const bound = name.startsWith('datasource_') ? name.slice('datasource_'.length) : name;
    const known = [...this.#datasourceNames].find((n) => n === bound || n.replace(/[^A-Za-z0-9_]/g, '_') === bound);
    if (name === 'datasource' || known !== undefined || this.#datasourceNames.size === 0) {
      this.#boundVariables.set(name, known);
      return false;
    }
    this.chooserVariables.add(name);
    return true;
  }

  /** Where a panel's, target's, variable's or annotation's `datasource` field points. */
  datasource(ref: unknown, path: string): DatasourceTarget {
    if (ref === undefined || ref === null || ref === '') return { kind: 'prometheus', name: undefined };
    const uid = typeof ref === 'string' ? ref : textOf(objectOf(ref)['uid']);
    const type = typeof ref === 'string' ? undefined : textOf(objectOf(ref)['type']);
    if (uid === MIXED) return { kind: 'other', description: MIXED };
    const variable = uid !== undefined ? datasourceVariable(uid) : undefined;
    if (variable !== undefined) {
      if (this.chooserVariables.has(variable)) return { kind: 'prometheus', name: `$${variable}` };
      if (this.#boundVariables.has(variable)) return { kind: 'prometheus', name: this.#boundVariables.get(variable) };
      const plugin = this.#inputs.get(variable);
      if (plugin !== undefined) {
        return PROMETHEUS_TYPES.test(plugin) ? { kind: 'prometheus', name: undefined } : { kind: 'other', description: `${plugin} (input ${variable})` };
      }
      this.warnOnce(`var:${variable}`, path, `refers to "$${variable}", which is no datasource variable or input of this dashboard; the default datasource is used`);
      return { kind: 'prometheus', name: undefined };
    }
    if (type !== undefined && !PROMETHEUS_TYPES.test(type)) return { kind: 'other', description: `${type}${uid ? ` "${uid}"` : ''}` };
    if (uid === undefined) return { kind: 'prometheus', name: undefined };
    if (/^-- ?(Grafana|Dashboard) ?--$/.test(uid) || uid === 'grafana') return { kind: 'other', description: uid };
    if (this.#datasourceNames.has(uid)) return { kind: 'prometheus', name: uid };
    this.warnOnce(`ds:${uid}`, path, `Grafana datasource "${uid}" is queried through the default datasource (name it in the datasources option to map it elsewhere)`);
    return { kind: 'prometheus', name: undefined, ...(type === undefined ? { untyped: true } : {}) };
  }
}
