/** ECharts' mark lines and areas, for thresholds and annotations: registered when echarts-loader.ts first needs them. */
import { use } from 'echarts/core';
import { MarkAreaComponent, MarkLineComponent } from 'echarts/components';

use([MarkLineComponent, MarkAreaComponent]);
