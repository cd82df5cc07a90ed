import { PromQueryBuilder } from './query-builder.component.js';

export { PromQueryBuilder };
PromQueryBuilder.define('prom-query-builder');

declare global {
  interface HTMLElementTagNameMap {
    'prom-query-builder': PromQueryBuilder;
  }
}
