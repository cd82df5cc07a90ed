/** A panel's effective spec: its `spec` property, else one built from its attributes. */
import { PromkitError, parsePanel as parsePanelSpec, type Panel, type PanelInput, type PanelType } from '@promkit/core';

/**
 * A panel spec as written in dashboard JSON (defaults may be left out). A standalone panel needs
 * no `id` or `gridPos`: it is one panel and fills its element.
 */
export type PanelSpec = Omit<PanelInput, 'id' | 'gridPos'> & Partial<Pick<PanelInput, 'id' | 'gridPos'>>;

/** The attributes a spec is built from when no `spec` is given. */
export interface PanelAttributes {
  type: PanelType;
  title: string;
  query: string | undefined;
  instant: boolean;
  legendFormat: string | undefined;
  unit: string | undefined;
  decimals: number | undefined;
  legend: 'list' | 'table' | 'hidden' | undefined;
  legendPlacement: 'bottom' | 'right' | undefined;
  datasource: string | undefined;
}

/** The element properties a spec depends on. */
export const SPEC_PROPERTIES = ['spec', 'type', 'title', 'query', 'instant', 'legendFormat', 'unit', 'decimals', 'legend', 'legendPlacement', 'datasource'] as const;

/** Where a standalone panel sits in its (one-panel) grid. */
const STANDALONE = { id: 1, gridPos: { x: 0, y: 0, w: 24, h: 8 } };

/** The parsed spec, or the problem with it. */
export type ParsedPanel = { spec: Panel } | { error: PromkitError };

/** Parses `spec`, else a spec built from the attributes. */
export function parsePanel(spec: PanelSpec | undefined, a: PanelAttributes): ParsedPanel {
  const input: PanelSpec = spec ?? {
    type: a.type,
    title: a.title,
    ...(a.datasource ? { datasource: a.datasource } : {}),
    targets: a.query ? [{ refId: 'A', expr: a.query, instant: a.instant, ...(a.legendFormat ? { legendFormat: a.legendFormat } : {}) }] : [],
    fieldConfig: { defaults: { ...(a.unit ? { unit: a.unit } : {}), ...(a.decimals !== undefined ? { decimals: a.decimals } : {}) } },
    options: { ...(a.legend ? { legend: { displayMode: a.legend, placement: a.legendPlacement ?? 'bottom' } } : {}) },
  };
  try {
    return { spec: parsePanelSpec({ ...STANDALONE, ...input }) };
  } catch (error) {
    // parsePanel throws a SchemaError listing every problem; anything else is a bug, rethrown.
    if (error instanceof PromkitError) return { error };
    throw error;
  }
}
