/** What the chart builders' Node tests share: a theme of plain colours, and frames from points. */
import type { Frame } from '@promkit/core';
import type { ChartTheme } from '../src/theme/theme.js';

export const theme: ChartTheme = {
  dark: false,
  text: '#111111',
  textMuted: '#555555',
  background: '#ffffff',
  surface: '#eeeeee',
  border: '#cccccc',
  grid: '#dddddd',
  axis: '#999999',
  tooltipBackground: '#ffffff',
  fontFamily: 'sans-serif',
  fontSize: 12,
  palette: ['#000001', '#000002', '#000003'],
  named: { red: '#ff0001', green: '#00ff01', orange: '#ff9901', blue: '#0000f1', yellow: '#ffff01', purple: '#aa00a1' },
};

/** A frame named `name` (its `name` label) from [epoch ms, value] points. */
export function frame(name: string, points: [number, number][], labels: Record<string, string> = {}): Frame {
  return { labels: { name, ...labels }, timestamps: Float64Array.from(points, (p) => p[0]), values: Float64Array.from(points, (p) => p[1]) };
}
