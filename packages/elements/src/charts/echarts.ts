/**
 * The ECharts base promkit draws every time series with, registered once (tree-shaken
 * `echarts/core`): line series on a grid from datasets, the tooltip and its axis pointer, on
 * canvas. Bars, gauges, heatmaps and mark lines/areas are parts of their own (echarts-*.ts),
 * loaded by echarts-loader.ts only when an option draws them.
 */
import { init, use, connect, getInstanceByDom, type ECharts } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { AxisPointerComponent, DatasetComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, DatasetComponent, TooltipComponent, AxisPointerComponent, CanvasRenderer]);

export { init, connect, getInstanceByDom, type ECharts };
