/** What every form section of the panel editor gets: the panel, a way to edit it, and problems by field. */
import type { Panel, PrometheusClient, VariableValues } from '@promkit/core';

/** How a query is edited: as PromQL text, or in the visual builder. */
export type QueryMode = 'code' | 'builder';

export interface EditorContext {
  /** The panel as it stands (the state; the form only shows it). */
  panel: Panel;
  /**
   * Applies `change` to the panel. `key` names the field: a refused change (an invalid value)
   * shows its problem under that field and leaves the panel as it was.
   */
  edit: (key: string, change: (panel: Panel) => Panel) => void;
  /** The problem of the last refused change to field `key`. */
  problem: (key: string) => string | undefined;
  /** A colour as the preview draws it (`green` → the theme's green), for the colour pickers. */
  resolveColor: (color: string) => string | undefined;
  /** The client of the panel's datasource: completion, Test, Format and the builder's lists. */
  client: PrometheusClient | undefined;
  /** Names of the dashboard's variables (lint knows them). */
  variables: readonly string[];
  /** The variables' current values, for Test. */
  variableValues: VariableValues | undefined;
  /** The range queries are tested over, as `<prom-panel range>` takes it. */
  range: string;
  /** The editor's theme, for the query editors and builders inside it. */
  theme: 'light' | 'dark' | 'auto' | undefined;
  /** How query `refId` is being edited. */
  queryMode: (refId: string) => QueryMode;
  /** Switches query `refId` to `mode`; refused (with the reason shown) when the builder cannot show the query exactly. */
  setQueryMode: (refId: string, mode: QueryMode) => void;
}
