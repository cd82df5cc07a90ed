/** ECharts' BarChart, for bar series (a time series drawn as bars): registered when echarts-loader.ts first needs it. */
import { use } from 'echarts/core';
import { BarChart } from 'echarts/charts';

use([BarChart]);
