/**
 * A min interval setting as Grafana dashboards write it: a duration (`"30s"`), the same with
 * Grafana's old "at least" mark (`">30s"`), or a variable whose value is one (`"$resolution"`,
 * `"${interval}"`, `"[[interval]]"`). One reading for the schema, the query engine and panels.
 */
import { interpolate, type VariableValues } from '../promql/interpolate.js';
import { parseDuration } from './duration.js';

const VARIABLE = /^(?:\$\w+|\$\{\w+(?::\w+)?\}|\[\[\w+(?::\w+)?\]\])$/;

/** What the schema says of a setting that is neither. */
export const INTERVAL_RULE = 'a duration such as "15s", or a $variable whose value is one';

/** True when `text` is a duration, `>duration`, or one variable reference. */
export function isIntervalSetting(text: string): boolean {
  return parseDuration(text.replace(/^>/, '')) !== undefined || VARIABLE.test(text);
}

/** The setting's seconds, its variable filled in; undefined when it is not set or not a duration once filled in. */
export function resolveInterval(text: string | undefined, variables: VariableValues = {}): number | undefined {
  if (!text) return undefined;
  const seconds = parseDuration(interpolate(text, variables).trim().replace(/^>/, ''));
  return seconds !== undefined && seconds > 0 ? seconds : undefined;
}
