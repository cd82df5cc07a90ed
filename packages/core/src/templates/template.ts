/**
 * What a template family is (panels for one kind of target, the parameters they take, the
 * variables they need, a whole dashboard of them), and the pieces every family builds with: the
 * parameters checked and filled in, selectors written safely, panels laid out in a grid.
 */
import { InvalidArgumentError } from '../prometheus/errors.js';
import { checkPromQL, isSeriesSelector } from '../promql/parse.js';
import type { DashboardInput, PanelInput, PanelType } from '../dashboard/schema.js';

/** A dashboard variable as a template writes it. */
export type VariableInput = NonNullable<DashboardInput['variables']>[number];

/** What kind of text a parameter takes, and so how it is checked. */
export type TemplateParameterKind = 'metric' | 'label' | 'value' | 'matchers';

export interface TemplateParameter {
  name: string;
  label: string;
  description: string;
  kind: TemplateParameterKind;
  default: string;
}

/** Parameters as given (each falls back to its default). */
export type TemplateParams = Readonly<Record<string, string | undefined>>;

/** One panel a family offers. */
export interface PanelTemplate {
  id: string;
  title: string;
  description: string;
  type: PanelType;
  /** The panel at its size, at x 0 y 0, with id 1: the builder gives it its own id and place. */
  panel(params?: TemplateParams): PanelInput;
}

/** Templates for one kind of target: node_exporter hosts, an HTTP service, Prometheus itself. */
export interface TemplateFamily {
  id: string;
  title: string;
  description: string;
  parameters: readonly TemplateParameter[];
  panels: readonly PanelTemplate[];
  /** The dashboard variables the panels' queries use. */
  variables(params?: TemplateParams): VariableInput[];
  /** Every panel of the family, laid out, with its variables. */
  dashboard(params?: TemplateParams): DashboardInput;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * The parameters with defaults filled in; an InvalidArgumentError naming each one that is not a
 * metric name, label name or label matchers where one is wanted.
 */
export function resolveParams(family: Pick<TemplateFamily, 'id' | 'parameters'>, given: TemplateParams = {}): Record<string, string> {
  const known = new Set(family.parameters.map((p) => p.name));
  const unknown = Object.keys(given).filter((k) => !known.has(k));
  if (unknown.length) throw new InvalidArgumentError(`The ${family.id} templates take ${[...known].join(', ')}; not ${unknown.join(', ')}.`);
  const resolved: Record<string, string> = {};
  const problems: string[] = [];
  for (const p of family.parameters) {
    const value = (given[p.name] ?? p.default).trim();
    resolved[p.name] = value;
    const problem = parameterProblem(p, value);
    if (problem) problems.push(`${p.name}: ${problem}`);
  }
  if (problems.length) throw new InvalidArgumentError(`The ${family.id} template parameters are not usable: ${problems.join('; ')}.`);
  return resolved;
}

function parameterProblem(p: TemplateParameter, value: string): string | undefined {
  switch (p.kind) {
    case 'metric':
      return METRIC_NAME.test(value) ? undefined : `must be a metric name (letters, digits, _ and :), got ${JSON.stringify(value)}`;
    case 'label':
      return LABEL_NAME.test(value) ? undefined : `must be a label name (letters, digits and _), got ${JSON.stringify(value)}`;
    case 'matchers': {
      // Only matchers: the text inside `{…}` must leave one plain selector (nothing can close it and go on).
      if (value === '' || isSeriesSelector(`up{${value}}`)) return undefined;
      const syntax = checkPromQL(`up{${value}}`);
      return `must be label matchers such as env="prod", team=~"a|b"${syntax ? ` (${syntax.message})` : ', and nothing after them'}`;
    }
    case 'value':
      return undefined;
  }
}

/** `"text"` as a PromQL string: backslashes and quotes escaped, so a value can never end the string. */
export function quoted(text: string): string {
  return JSON.stringify(text);
}

/** `metric{a="b", …}` from matchers, leaving out empty ones (extra matchers come as they were checked). */
export function selector(metric: string, ...matchers: (string | undefined)[]): string {
  const kept = matchers.filter((m): m is string => !!m && m.trim() !== '');
  return kept.length ? `${metric}{${kept.join(', ')}}` : metric;
}

/** `label="value"` with the value quoted safely. */
export function equals(label: string, value: string): string {
  return `${label}=${quoted(value)}`;
}

/** `rate(expr[$__rate_interval])`: the window the dashboard's step and scrape interval call for. */
export const rate = (expr: string): string => `rate(${expr}[$__rate_interval])`;

/** A panel template of the family `parameters` belong to: `build` gets the parameters resolved (and checked). */
export function panelTemplate(
  family: Pick<TemplateFamily, 'id' | 'parameters'>,
  meta: Pick<PanelTemplate, 'id' | 'title' | 'description' | 'type'>,
  build: (p: Record<string, string>) => Parameters<typeof templatePanel>[0],
): PanelTemplate {
  return { ...meta, panel: (params?: TemplateParams) => templatePanel(build(resolveParams(family, params))) };
}

/** Field defaults for a share (0–1) that should stay low: green, orange from 80 %, red from 90 %. */
export const usedShare = () => ({
  unit: 'percentunit',
  min: 0,
  max: 1,
  thresholds: { mode: 'absolute' as const, steps: [{ value: null, color: 'green' }, { value: 0.8, color: 'orange' }, { value: 0.9, color: 'red' }] },
});

/** A panel of a template at x 0 y 0, id 1. */
export function templatePanel(panel: Omit<PanelInput, 'id' | 'gridPos'> & { size: { w: number; h: number } }): PanelInput {
  const { size, ...rest } = panel;
  return { id: 1, gridPos: { x: 0, y: 0, ...size }, ...rest } as PanelInput;
}

/** The panels packed left to right in a 24-column grid, each row as tall as its tallest; ids from 1. */
export function layOut(panels: readonly PanelInput[]): PanelInput[] {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  return panels.map((panel, i) => {
    const { w, h } = panel.gridPos as { w: number; h: number };
    if (x + w > 24) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const placed = { ...panel, id: i + 1, gridPos: { x, y, w, h } };
    x += w;
    rowHeight = Math.max(rowHeight, h);
    return placed;
  });
}

/** A family's whole dashboard: its panels laid out and its variables, over the last hour. */
export function familyDashboard(family: TemplateFamily, params: TemplateParams | undefined, meta: { uid: string; title: string; description: string; tags: string[] }): DashboardInput {
  return {
    schemaVersion: 1,
    ...meta,
    time: { from: 'now-1h', to: 'now' },
    refresh: '30s',
    variables: family.variables(params),
    panels: layOut(family.panels.map((t) => t.panel(params))),
  };
}
