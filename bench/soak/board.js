/**
 * The benchmarks' 24-panel dashboard (every panel type, two query variables, a 6-hour range) and
 * the small Prometheus that answers it from formulas in the page: any query, any range,
 * deterministic samples. Shared by soak/page.html and cold/page.html; sets `window.benchBoard`.
 */
(() => {
  const INSTANCES = ['host-1', 'host-2', 'host-3', 'host-4'];
  const BUCKETS = ['0.05', '0.1', '0.25', '0.5', '1', '2.5', '+Inf'];

  /** A small Prometheus answering from formulas: any query, any range, deterministic samples. */
  async function prometheus(input, init) {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const params = request.method === 'POST' ? new URLSearchParams(await request.text()) : url.searchParams;
    const ok = (data, resultType) => Response.json({ status: 'success', data: resultType ? { resultType, result: data } : data });
    const path = url.pathname;
    if (path === '/api/v1/query_range') {
      const [start, end, step] = ['start', 'end', 'step'].map((p) => Number(params.get(p)));
      const times = [];
      for (let t = start; t <= end; t += step) times.push(t);
      return ok(series(params.get('query')).map(({ metric, value }) => ({ metric, values: times.map((t) => [t, value(t)]) })), 'matrix');
    }
    if (path === '/api/v1/query') {
      const t = Number(params.get('time') ?? Date.now() / 1000);
      return ok(series(params.get('query')).map(({ metric, value }) => ({ metric, value: [t, value(t)] })), 'vector');
    }
    if (path === '/api/v1/label/job/values') return ok(['api', 'worker']);
    if (path === '/api/v1/label/instance/values') return ok(INSTANCES);
    return Response.json({ status: 'error', errorType: 'not_found', error: `soak server has no ${path}` }, { status: 404 });
  }

  /** The series a query selects: histogram buckets, one per instance, or one sum. */
  function series(query) {
    const seed = [...query].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 97;
    const wave = (s, t) => 50 + 40 * Math.sin(t / 900 + s + seed) + 10 * Math.sin(t / 97 + s);
    const text = (x) => String(Math.round(x * 1000) / 1000);
    if (query.includes('_bucket')) {
      return BUCKETS.map((le, i) => ({ metric: { le }, value: (t) => text(((i + 1) / BUCKETS.length) * wave(0, t)) }));
    }
    if (query.includes('by (instance)')) {
      return INSTANCES.map((instance, s) => ({ metric: { instance, job: 'api' }, value: (t) => text(wave(s, t)) }));
    }
    return [{ metric: {}, value: (t) => text(wave(0, t) / 100) }];
  }

  const rate = (metric) => `sum by (instance) (rate(${metric}{job="$job", instance=~"$instance"}[$__rate_interval]))`;
  const total = (metric) => `sum(rate(${metric}{job="$job"}[$__rate_interval]))`;
  const heat = (metric) => `sum by (le) (rate(${metric}_bucket{job="$job"}[$__rate_interval]))`;
  const thresholds = { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 0.6, color: 'orange' }, { value: 0.9, color: 'red' }] };
  const PANELS = [
    ['timeseries', 'Requests', rate('soak_requests_total'), { unit: 'reqps' }, { legend: { displayMode: 'table', placement: 'right', calcs: ['mean', 'max'] } }],
    ['timeseries', 'Errors', rate('soak_errors_total'), { unit: 'reqps', custom: { drawStyle: 'bars' } }],
    ['timeseries', 'CPU', rate('soak_cpu_seconds_total'), { unit: 'percentunit', custom: { stacking: { mode: 'normal' }, fillOpacity: 30 } }],
    ['timeseries', 'Memory', rate('soak_memory_bytes'), { unit: 'bytes', custom: { thresholdsStyle: { mode: 'line+area' } }, thresholds }],
    ['timeseries', 'Latency', rate('soak_latency_seconds'), { unit: 's', custom: { axisScale: { type: 'log', log: 10 } } }],
    ['timeseries', 'Queue', rate('soak_queue_length'), { unit: 'short', custom: { showPoints: 'always' } }],
    ['timeseries', 'Network', rate('soak_network_bytes_total'), { unit: 'Bps' }, { tooltip: { mode: 'multi', sort: 'desc' } }],
    ['timeseries', 'Disk', rate('soak_disk_bytes_total'), { unit: 'Bps', custom: { stacking: { mode: 'percent' } } }],
    ['stat', 'Throughput', total('soak_requests_total'), { unit: 'reqps' }, { graphMode: 'area', reduceOptions: { calcs: ['lastNotNull'] } }],
    ['stat', 'Error ratio', total('soak_errors_total'), { unit: 'percentunit', thresholds, color: { mode: 'thresholds' } }],
    ['stat', 'Saturation', total('soak_queue_length'), { unit: 'short' }],
    ['stat', 'Uptime', total('soak_uptime_seconds'), { unit: 's' }],
    ['gauge', 'CPU now', total('soak_cpu_seconds_total'), { unit: 'percentunit', min: 0, max: 1, thresholds }],
    ['gauge', 'Memory now', total('soak_memory_bytes'), { unit: 'percentunit', min: 0, max: 1, thresholds }],
    ['gauge', 'Disk now', total('soak_disk_bytes_total'), { unit: 'percentunit', min: 0, max: 1, thresholds }],
    ['bargauge', 'Requests by instance', rate('soak_requests_total'), { unit: 'reqps', thresholds }],
    ['bargauge', 'Errors by instance', rate('soak_errors_total'), { unit: 'reqps' }],
    ['bargauge', 'Queue by instance', rate('soak_queue_length'), { unit: 'short' }],
    ['heatmap', 'Latency buckets', heat('soak_latency_seconds')],
    ['heatmap', 'Size buckets', heat('soak_size_bytes')],
    ['table', 'Instances', rate('soak_requests_total'), { unit: 'reqps' }],
    ['table', 'Errors', rate('soak_errors_total'), { unit: 'reqps' }],
    ['table', 'Memory', rate('soak_memory_bytes'), { unit: 'bytes' }],
    ['text', 'About', undefined],
  ];

  const DASHBOARD = {
    schemaVersion: 1,
    uid: 'soak',
    title: 'Soak: 24 panels',
    time: { from: 'now-6h', to: 'now' },
    datasources: [{ name: 'main', url: 'http://soak.invalid', scrapeInterval: '15s', default: true }],
    variables: [
      { type: 'query', name: 'job', query: 'label_values(soak_up, job)' },
      { type: 'query', name: 'instance', query: 'label_values(soak_up{job="$job"}, instance)', multi: true, includeAll: true, allValue: '.*' },
    ],
    panels: PANELS.map(([type, title, expr, defaults, options], i) => ({
      id: i + 1,
      type,
      title,
      gridPos: { x: (i % 4) * 6, y: Math.floor(i / 4) * 6, w: 6, h: 6 },
      ...(expr ? { targets: [{ refId: 'A', expr }] } : { options: { mode: 'markdown', content: '## Soak\nEvery panel type, refreshed **thousands** of times.' } }),
      ...(defaults ? { fieldConfig: { defaults } } : {}),
      ...(options ? { options } : {}),
    })),
  };
  const DATA_PANELS = PANELS.filter(([type]) => type !== 'text').length;

  window.benchBoard = { prometheus, DASHBOARD, DATA_PANELS };
})();
