/**
 * Drag across a time series chart to pick a time range: a brush follows the pointer over the
 * plot, and releasing it reports the span. Written on ECharts' pointer events rather than its
 * toolbox and dataZoom components, which together weigh about 22 KB gzip in the bundle.
 */
import type { ECharts } from 'echarts/core';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Below this many pixels a drag is a click, not a zoom. */
const MIN_DRAG_PX = 4;

/**
 * Lets a drag on `chart` pick a time range. `brush` finds the element drawn as the selection
 * (absolutely positioned in the chart's box); `onPick` gets the span in epoch milliseconds.
 */
export function dragToZoom(chart: ECharts, brush: () => HTMLElement | null, onPick: (from: number, to: number) => void): void {
  const zr = chart.getZr();
  let start: number | undefined;
  let rect: Rect | undefined;

  const draw = (x: number) => {
    const el = brush();
    if (!el || start === undefined || !rect) return;
    const left = Math.max(rect.x, Math.min(start, x));
    const right = Math.min(rect.x + rect.width, Math.max(start, x));
    Object.assign(el.style, { left: `${left}px`, top: `${rect.y}px`, width: `${right - left}px`, height: `${rect.height}px` });
    el.hidden = right - left < MIN_DRAG_PX;
  };
  const end = (x: number | undefined) => {
    const from = start;
    start = undefined;
    const el = brush();
    if (el) el.hidden = true;
    if (from === undefined || x === undefined || !rect || Math.abs(x - from) < MIN_DRAG_PX) return;
    const clamp = (px: number) => Math.max(rect!.x, Math.min(rect!.x + rect!.width, px));
    const a = chart.convertFromPixel({ xAxisIndex: 0 }, clamp(Math.min(from, x))) as unknown;
    const b = chart.convertFromPixel({ xAxisIndex: 0 }, clamp(Math.max(from, x))) as unknown;
    if (typeof a === 'number' && typeof b === 'number' && b > a) onPick(a, b);
  };

  zr.on('mousedown', (e: { offsetX: number; offsetY: number }) => {
    if (!chart.containPixel('grid', [e.offsetX, e.offsetY])) return;
    rect = gridRect(chart);
    start = e.offsetX;
  });
  zr.on('mousemove', (e: { offsetX: number }) => {
    if (start !== undefined) draw(e.offsetX);
  });
  zr.on('mouseup', (e: { offsetX: number }) => end(e.offsetX));
  zr.on('globalout', () => end(undefined));
}

/** The plot area in pixels (ECharts keeps it on the grid's coordinate system). */
function gridRect(chart: ECharts): Rect | undefined {
  const model = (chart as unknown as { getModel(): { getComponent(type: string): { coordinateSystem?: { getRect(): Rect } } | undefined } }).getModel();
  return model.getComponent('grid')?.coordinateSystem?.getRect();
}
