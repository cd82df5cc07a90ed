/** ECharts' HeatmapChart, for heatmap panels: registered when echarts-loader.ts first needs it. */
import { use } from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';

use([HeatmapChart]);
