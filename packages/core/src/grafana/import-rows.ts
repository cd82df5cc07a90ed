/**
 * The panel list of a Grafana dashboard, whatever its age: `panels` with a 24-column `gridPos`
 * (schemaVersion 16 and later), or the old `rows` array where each row has a height in pixels and
 * its panels a `span` on a 12-column grid. Old rows are laid out on the grid the way Grafana's own
 * migration does, so the page looks as it did.
 */
import { arrayOf, isObject, numberOf, objectOf, textOf, type ImportContext, type Json } from './import-context.js';

/** A panel as Grafana wrote it, with the JSON path it was read from (for warnings). */
export interface SourcePanel {
  raw: Json;
  path: string;
  /** Grid place, 24 columns. */
  gridPos: { x: number; y: number; w: number; h: number };
  /** Rows only: panels that sat inside the row object (collapsed rows, legacy rows). */
  children?: SourcePanel[];
}

const GRID_COLUMNS = 24;
const CELL_HEIGHT = 30;
const CELL_MARGIN = 8;
const DEFAULT_ROW_HEIGHT = 250;
const DEFAULT_SPAN = 4;

/** Panels in Grafana's order, rows with their carried panels. */
export function sourcePanels(root: Json, ctx: ImportContext): SourcePanel[] {
  if (Array.isArray(root['rows']) && !Array.isArray(root['panels'])) return upgradeRows(root['rows'], ctx);
  return arrayOf(root['panels']).flatMap((raw, i) => {
    if (!isObject(raw)) return [];
    const path = `panels[${i}]`;
    const children = raw['type'] === 'row' ? arrayOf(raw['panels']).filter(isObject).map((child, j) => ({ raw: child, path: `${path}.panels[${j}]`, gridPos: gridOf(child, `${path}.panels[${j}]`, ctx) })) : undefined;
    return [{ raw, path, gridPos: gridOf(raw, path, ctx), ...(children ? { children } : {}) }];
  });
}

/** A panel's gridPos, made to fit the grid; a missing one is Grafana's default (PanelModel: x 0, y 0, w 6, h 3). */
function gridOf(raw: Json, path: string, ctx: ImportContext): SourcePanel['gridPos'] {
  const g = objectOf(raw['gridPos']);
  let w = Math.round(numberOf(g['w']) ?? (raw['type'] === 'row' ? GRID_COLUMNS : 6));
  let x = Math.round(numberOf(g['x']) ?? 0);
  const y = Math.max(0, Math.round(numberOf(g['y']) ?? 0));
  let h = Math.round(numberOf(g['h']) ?? (raw['type'] === 'row' ? 1 : 3));
  if (!isObject(raw['gridPos'])) ctx.warn(path, 'has no gridPos: placed as Grafana places it, at the top left, 6 columns wide and 3 high');
  // Grafana draws a row across the whole grid whatever its x and w say (exported rows often have w 0).
  if (raw['type'] === 'row') return { x: 0, y, w: GRID_COLUMNS, h: Math.min(Math.max(h, 1), 100) };
  const fitted = { x: Math.min(Math.max(x, 0), GRID_COLUMNS - 1), w: Math.min(Math.max(w, 1), GRID_COLUMNS), h: Math.min(Math.max(h, 1), 100) };
  if (fitted.x + fitted.w > GRID_COLUMNS) fitted.w = GRID_COLUMNS - fitted.x;
  if (fitted.x !== x || fitted.w !== w || fitted.h !== h) {
    ctx.warn(`${path}.gridPos`, `x ${x}, w ${w}, h ${h} does not fit the 24-column grid; shown as x ${fitted.x}, w ${fitted.w}, h ${fitted.h}`);
  }
  [x, w, h] = [fitted.x, fitted.w, fitted.h];
  return { x, y, w, h };
}

/** The schemaVersion ≤ 16 layout: rows of spans, as Grafana's migration lays them out. */
function upgradeRows(rows: unknown[], ctx: ImportContext): SourcePanel[] {
  const out: SourcePanel[] = [];
  let y = 0;

  rows.forEach((rowValue, r) => {
    const row = objectOf(rowValue);
    const path = `rows[${r}]`;
    const height = numberOf(String(row['height'] ?? '').replace(/px$/, '')) ?? DEFAULT_ROW_HEIGHT;
    const h = Math.max(3, Math.ceil(height / (CELL_HEIGHT + CELL_MARGIN)));
    const collapsed = row['collapse'] === true;
    let rowPanel: SourcePanel | undefined;
    // Rows that showed no title only grouped panels; their panels join the section above.
    if (row['showTitle'] === true || collapsed || textOf(row['repeat'])) {
      const title = textOf(row['title']) ?? '';
      rowPanel = {
        raw: { type: 'row', title, collapsed, ...(textOf(row['repeat']) ? { repeat: row['repeat'] } : {}) },
        path,
        gridPos: { x: 0, y, w: GRID_COLUMNS, h: 1 },
        children: [],
      };
      out.push(rowPanel);
      y += 1;
    }
    // Panels fill the row left to right, wrapping onto a new line when a span does not fit.
    let x = 0;
    let lineY = y;
    for (const [i, value] of arrayOf(row['panels']).entries()) {
      if (!isObject(value)) continue;
      const w = Math.min(GRID_COLUMNS, Math.max(1, Math.round((numberOf(value['span']) ?? DEFAULT_SPAN) * 2)));
      if (x + w > GRID_COLUMNS) {
        x = 0;
        lineY += h;
      }
      const panelHeight = numberOf(String(value['height'] ?? '').replace(/px$/, ''));
      const panel: SourcePanel = {
        raw: value,
        path: `${path}.panels[${i}]`,
        gridPos: { x, y: lineY, w, h: panelHeight === undefined ? h : Math.max(3, Math.ceil(panelHeight / (CELL_HEIGHT + CELL_MARGIN))) },
      };
      x += w;
      if (collapsed && rowPanel) rowPanel.children!.push(panel);
      else out.push(panel);
    }
    if (!collapsed) y = lineY + h;
  });
  return out;
}
