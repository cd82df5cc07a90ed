/** What every form section of the panel editor gets: the panel, a way to edit it, and problems by field. */
import type { Panel } from '@promkit/core';

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
}
