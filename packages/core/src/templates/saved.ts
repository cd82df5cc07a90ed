/**
 * A library's saved panels as a template family, so a gallery shows them beside the ready-made
 * ones: no parameters, each panel as it was saved (its size kept; the builder gives it its own id
 * and place).
 */
import type { PanelInput } from '../dashboard/schema.js';
import { layOut, type TemplateFamily } from './template.js';

/** What the family needs of a saved panel. */
export interface SavedPanelEntry {
  uid: string;
  title: string;
  panel: PanelInput;
  /** When it was last saved (ISO): its card says so. */
  updatedAt?: string;
}

/** The id of the saved panels' family. */
export const SAVED_PANELS_FAMILY = 'saved-panels';

/** The saved panels `saved` as a family; `description` says what the family is (or why it is empty). */
export function savedPanelsFamily(saved: readonly SavedPanelEntry[], description = 'Panels saved from your dashboards (a panel menu’s Save to library).'): TemplateFamily {
  const panels = saved.map((s) => {
    const size = (s.panel.gridPos as { w?: number; h?: number } | undefined) ?? {};
    const panel = { ...s.panel, id: 1, gridPos: { x: 0, y: 0, w: size.w ?? 12, h: size.h ?? 8 } } as PanelInput;
    return {
      id: s.uid,
      title: s.title || 'Untitled panel',
      description: s.updatedAt ? `Saved ${s.updatedAt.slice(0, 10)}.` : 'Saved.',
      type: panel.type,
      panel: () => panel,
    };
  });
  return {
    id: SAVED_PANELS_FAMILY,
    title: 'Saved panels',
    description,
    parameters: [],
    panels,
    variables: () => [],
    dashboard: () => ({ schemaVersion: 1, title: 'Saved panels', panels: layOut(panels.map((p) => p.panel())) }),
  };
}
