/** The ECharts parts promkit draws with, registered once (tree-shaken `echarts/core`). */
import { init, use, connect, getInstanceByDom, type ECharts } from 'echarts/core';
import { BarChart, GaugeChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  AxisPointerComponent,
  DatasetComponent,
  GridComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([
  LineChart,
  BarChart,
  GaugeChart,
  HeatmapChart,
  GridComponent,
  DatasetComponent,
  TooltipComponent,
  AxisPointerComponent,
  MarkLineComponent,
  MarkAreaComponent,
  CanvasRenderer,
]);

export { init, connect, getInstanceByDom, type ECharts };
