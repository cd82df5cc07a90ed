/** ECharts' GaugeChart, for gauge panels: registered when echarts-loader.ts first needs it. */
import { use } from 'echarts/core';
import { GaugeChart } from 'echarts/charts';

use([GaugeChart]);
