import { PromMetricsExplorer } from './metrics-explorer.component.js';

export { PromMetricsExplorer };
PromMetricsExplorer.define('prom-metrics-explorer');

declare global {
  interface HTMLElementTagNameMap {
    'prom-metrics-explorer': PromMetricsExplorer;
  }
}
