import type { PanelType } from '@promkit/core';

/** How each panel type is named to people (the editors' type pickers and announcements). */
export const PANEL_TYPE_LABELS: Readonly<Record<PanelType, string>> = {
  timeseries: 'Time series',
  stat: 'Stat',
  gauge: 'Gauge',
  bargauge: 'Bar gauge',
  table: 'Table',
  heatmap: 'Heatmap',
  piechart: 'Pie chart',
  'state-timeline': 'State timeline',
  'status-history': 'Status history',
  barchart: 'Bar chart',
  histogram: 'Histogram',
  alertlist: 'Alert list',
  text: 'Text',
};
