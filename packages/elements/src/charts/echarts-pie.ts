/** ECharts' PieChart, for pie chart panels: registered when echarts-loader.ts first needs it. */
import { use } from 'echarts/core';
import { PieChart } from 'echarts/charts';

use([PieChart]);
