/** What a <prom-dashboard> shares with the panels inside it (Lit context). */
import { createContext } from '@lit/context';
import type { AnnotationEvent, DatasourceRegistry, QueryEngine, RawTimeRange, VariableValues } from '@promkit/core';

export interface DashboardContext {
  engine: QueryEngine;
  datasources: DatasourceRegistry;
  range: RawTimeRange;
  timeZone: string;
  weekStartsOn: 0 | 1;
  variables: VariableValues;
  /** Changes whenever panels should query again (range, variables, refresh tick). */
  revision: number;
  /** Why the revision changed: `manual` (a refresh a person asked for) makes panels bypass cached answers. */
  reason: 'interval' | 'manual' | 'change';
  /** ECharts group that links the crosshair of every chart of this dashboard. */
  group: string;
  /** Where links to Grafana dashboards (`/d/<uid>/…`) go: the dashboard's `dashboard-url`, with `{uid}`. */
  dashboardUrl: string | undefined;
  /** The annotation events shown (those of annotations the toolbar has not turned off), in time order. */
  annotations: readonly AnnotationEvent[];
}

export const dashboardContext = createContext<DashboardContext | undefined>(Symbol('prom-dashboard'));
