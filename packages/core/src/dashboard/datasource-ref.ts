/**
 * A panel's, variable's or annotation's `datasource` is a datasource's name, or a reference to a
 * datasource variable written `$ds`, `${ds}` or `${ds:format}` (as Grafana writes it). One reading
 * of that for the schema's checks, Grafana import and the panels that resolve it.
 */
import type { VariableValues } from '../promql/interpolate.js';

const REFERENCE = /^\$\{?([A-Za-z0-9_]+)(?::\w+)?\}?$/;

/** The variable a datasource reference names (`ds` for `$ds`), or undefined for a plain name. */
export function datasourceVariable(ref: string): string | undefined {
  return REFERENCE.exec(ref)?.[1];
}

/**
 * The datasource name a reference stands for with these variable values, a plain name as it is;
 * undefined (the default datasource) when the variable has no value.
 */
export function resolveDatasourceRef(ref: string | undefined, values: VariableValues): string | undefined {
  if (ref === undefined) return undefined;
  const variable = datasourceVariable(ref);
  if (variable === undefined) return ref;
  const value = values[variable];
  const selected = typeof value === 'string' ? value : value?.value;
  return (Array.isArray(selected) ? selected[0] : selected) || undefined;
}
