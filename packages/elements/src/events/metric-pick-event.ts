/**
 * Fired by `<prom-metrics-explorer>` when a person picks a metric (Enter on the highlighted one,
 * or a click): `detail.name` is the metric name, such as `http_requests_total`.
 */
export class PromMetricPickEvent extends Event {
  static readonly type = 'prom-metric-pick';
  constructor(readonly detail: { name: string }) {
    super(PromMetricPickEvent.type, { bubbles: true, composed: true });
  }
}
