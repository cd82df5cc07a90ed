/** Finding a panel of a definition and saying where it is, for the editor's announcements. */
import type { Dashboard, GridPos, Panel } from '@promkit/core';

/** The top-level panel `id` (not a row), if there is one. */
export function panelById(d: Dashboard, id: number): Panel | undefined {
  return d.panels.find((p): p is Panel => p.id === id && p.type !== 'row');
}

/** "column 3, row 2, 6 wide, 4 high": a position as a person hears it (counted from 1). */
export function describePos(pos: GridPos): string {
  return `column ${pos.x + 1}, row ${pos.y + 1}, ${pos.w} wide, ${pos.h} high`;
}
