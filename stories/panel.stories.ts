import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { PANEL_TYPES } from '@promkit/core';
import type { PanelSpec } from '@promkit/elements';
import { demoAlerts, neverAnswers, prometheusDown, storyClient, type DataMode } from './support/data.js';

/** The attributes a `<prom-panel>` story sets; each one is a control. */
interface PanelArgs {
  type: (typeof PANEL_TYPES)[number];
  query: string;
  title: string;
  unit: string;
  decimals: number | undefined;
  legendFormat: string;
  legend: 'list' | 'table' | 'hidden' | undefined;
  legendPlacement: 'bottom' | 'right' | undefined;
  range: string;
  refresh: string;
  timeZone: string;
  scrapeInterval: string;
  instant: boolean;
  viewable: boolean;
  height: number;
  /** A full panel spec (wins over the attributes). */
  spec: PanelSpec | undefined;
  /** A fetch of the story's own (loading and error states). */
  fetch: typeof fetch | undefined;
}

const meta = {
  title: 'Elements/prom-panel',
  component: 'prom-panel',
  render: (args, { globals, id }) => html`<prom-panel
    style="display:block;height:${args.height}px"
    type=${args.type}
    query=${args.query || nothing}
    title=${args.title || nothing}
    unit=${args.unit || nothing}
    decimals=${args.decimals ?? nothing}
    legend-format=${args.legendFormat || nothing}
    legend=${args.legend ?? nothing}
    legend-placement=${args.legendPlacement ?? nothing}
    range=${args.range}
    refresh=${args.refresh || nothing}
    time-zone=${args.timeZone || nothing}
    scrape-interval=${args.scrapeInterval || nothing}
    ?instant=${args.instant}
    ?viewable=${args.viewable}
    theme=${globals['theme'] ?? 'light'}
    .spec=${specWithArgs(args)}
    .client=${storyClient((globals['data'] ?? 'recorded') as DataMode, id, args.fetch)}
  ></prom-panel>`,
  argTypes: {
    type: { control: 'select', options: PANEL_TYPES, description: 'Panel type' },
    query: { control: 'text', description: 'PromQL expression' },
    title: { control: 'text' },
    unit: { control: 'select', options: ['', 'none', 'short', 'reqps', 'ops', 's', 'ms', 'percentunit', 'percent', 'bytes', 'Bps', 'bps', 'celsius', 'watt', 'dtdurations'] },
    decimals: { control: { type: 'number', min: 0, max: 6 } },
    legendFormat: { control: 'text', description: 'Series name template, e.g. {{route}}' },
    legend: { control: 'inline-radio', options: ['list', 'table', 'hidden'] },
    legendPlacement: { control: 'inline-radio', options: ['bottom', 'right'] },
    range: { control: 'select', options: ['now-15m', 'now-1h', 'now-6h', 'now-24h', 'now-7d'] },
    refresh: { control: 'select', options: ['', '5s', '10s', '30s', '1m'], description: 'Auto-refresh (live data only changes)' },
    timeZone: { control: 'select', options: ['', 'UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'], description: 'IANA timezone of the axis' },
    scrapeInterval: { control: 'select', options: ['', '5s', '15s', '1m'], description: 'Sizes $__rate_interval' },
    instant: { control: 'boolean', description: 'Query only the end of the range' },
    viewable: { control: 'boolean', description: 'Show the "view alone" button' },
    height: { control: { type: 'range', min: 120, max: 600, step: 10 } },
    spec: { control: 'object' },
    fetch: { table: { disable: true } },
  },
  args: {
    type: 'timeseries',
    query: 'sum by (status) (rate(demo_http_requests_total[1m]))',
    title: 'Requests by status',
    unit: 'reqps',
    decimals: undefined,
    legendFormat: '{{status}}',
    legend: undefined,
    legendPlacement: undefined,
    range: 'now-1h',
    refresh: '',
    timeZone: '',
    scrapeInterval: '',
    instant: false,
    viewable: false,
    height: 320,
    spec: undefined,
    fetch: undefined,
  },
} satisfies Meta<PanelArgs>;
export default meta;
type Story = StoryObj<PanelArgs>;

/**
 * A story drawn from a full panel spec, whose controls show that spec (type, title, first query and
 * legend, unit, decimals) and edit it: the spec wins over the attributes, so controls that only set
 * attributes would show unrelated values and change nothing.
 */
function specStory(story: Story): Story {
  const spec = story.args?.spec;
  if (!spec) return story;
  const first = spec.targets?.[0];
  const defaults = spec.fieldConfig?.defaults ?? {};
  return {
    ...story,
    args: {
      ...story.args,
      type: spec.type,
      title: spec.title ?? '',
      query: first?.expr ?? '',
      legendFormat: first?.legendFormat ?? '',
      unit: defaults.unit ?? '',
      decimals: defaults.decimals,
    },
  };
}

/** The story's spec with the controls' values written into it. */
function specWithArgs(args: PanelArgs): PanelSpec | undefined {
  const spec = args.spec;
  if (!spec || args.type === undefined) return spec;
  const [first, ...rest] = spec.targets ?? [];
  let targets = spec.targets;
  if (first) {
    const { legendFormat: _old, ...target } = first;
    targets = [{ ...target, expr: args.query, ...(args.legendFormat ? { legendFormat: args.legendFormat } : {}) }, ...rest];
  }
  const { unit: _unit, decimals: _decimals, ...defaults } = spec.fieldConfig?.defaults ?? {};
  return {
    ...spec,
    type: args.type,
    title: args.title,
    ...(targets ? { targets } : {}),
    fieldConfig: {
      ...spec.fieldConfig,
      defaults: { ...defaults, ...(args.unit ? { unit: args.unit } : {}), ...(args.decimals !== undefined ? { decimals: args.decimals } : {}) },
    },
  };
}

/** A panel spec with one query, for the option stories. */
function specOf(type: PanelSpec['type'], title: string, target: { expr: string; legendFormat?: string; instant?: boolean }, rest: Omit<PanelSpec, 'id' | 'type'> = {}): PanelSpec {
  return { id: 1, type, title, targets: [{ refId: 'A', ...target }], ...rest };
}

// Types

export const Timeseries: Story = {};

export const Stat: Story = {
  args: { type: 'stat', title: 'Requests', query: 'sum(rate(demo_http_requests_total[1m]))', legendFormat: '', height: 140 },
};

export const Gauge: Story = {
  args: { type: 'gauge', title: 'Storage quota', query: 'sum(demo_storage_used_bytes) / sum(demo_storage_quota_bytes)', unit: 'percentunit', legendFormat: '', height: 220 },
};

export const BarGauge: Story = {
  args: { type: 'bargauge', title: 'Rig temperature', query: 'demo_device_temperature_celsius', unit: 'celsius', legendFormat: '{{device}}', height: 200 },
};

export const Table: Story = {
  args: { type: 'table', title: 'Rows per table', query: 'demo_pipeline_table_rows', unit: 'short', legendFormat: '', height: 260 },
};

export const Heatmap: Story = {
  args: {
    type: 'heatmap',
    title: 'Latency distribution',
    query: 'sum by (le) (increase(demo_http_request_duration_seconds_bucket[1m]))',
    unit: 's',
    legendFormat: '',
  },
};

export const Text: Story = specStory({
  args: {
    height: 200,
    spec: {
      id: 1,
      type: 'text',
      title: 'About this service',
      options: { mode: 'markdown', content: '## Shop API\nOwned by the **platform team**.\n\n- Runbook: `docs/runbooks/shop-api.md`\n- On call: #shop-oncall' },
    },
  },
});

// Options

export const StackedArea: Story = specStory({
  args: {
    spec: specOf('timeseries', 'Events ingested by table', { expr: 'sum by (table) (rate(demo_pipeline_events_ingested_total[1m]))', legendFormat: '{{table}}' }, {
      fieldConfig: { defaults: { unit: 'ops', custom: { fillOpacity: 30, stacking: { mode: 'normal' } } } },
      options: { tooltip: { mode: 'multi', sort: 'desc' } },
    }),
  },
});

export const PercentStacked: Story = specStory({
  args: {
    spec: specOf('timeseries', 'CPU time by mode, web-1', { expr: 'sum by (mode) (rate(node_cpu_seconds_total{instance="web-1"}[1m]))', legendFormat: '{{mode}}' }, {
      fieldConfig: { defaults: { unit: 'percentunit', custom: { fillOpacity: 60, stacking: { mode: 'percent' } } } },
    }),
  },
});

export const Bars: Story = specStory({
  args: {
    spec: specOf('timeseries', 'Failed events per minute', { expr: 'sum by (reason) (increase(demo_pipeline_events_failed_total[1m]))', legendFormat: '{{reason}}' }, {
      fieldConfig: { defaults: { unit: 'short', custom: { drawStyle: 'bars', fillOpacity: 80, stacking: { mode: 'normal' } } } },
    }),
  },
});

export const LatencyPercentilesWithThreshold: Story = specStory({
  args: {
    spec: {
      id: 1,
      type: 'timeseries',
      title: 'Latency',
      targets: ['0.5', '0.95', '0.99'].map((q) => ({
        refId: `p${Number(q) * 100}`,
        expr: `histogram_quantile(${q}, sum by (le) (rate(demo_http_request_duration_seconds_bucket[1m])))`,
        legendFormat: `p${Number(q) * 100}`,
      })),
      fieldConfig: {
        defaults: {
          unit: 's',
          custom: { thresholdsStyle: { mode: 'line+area' } },
          thresholds: { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 0.5, color: 'red' }] },
        },
      },
      options: { legend: { displayMode: 'table', placement: 'right', calcs: ['mean', 'max'] }, tooltip: { mode: 'multi', sort: 'none' } },
    },
  },
});

export const LogScale: Story = specStory({
  args: {
    spec: specOf('timeseries', 'Requests by route (log scale)', { expr: 'sum by (route) (rate(demo_http_requests_total[1m]))', legendFormat: '{{route}}' }, {
      fieldConfig: { defaults: { unit: 'reqps', custom: { axisScale: { type: 'log', log: 10 } } } },
    }),
  },
});

export const LegendTableWithCalcs: Story = {
  args: { legend: 'table', query: 'demo_device_power_watts', title: 'Power per rig', unit: 'watt', legendFormat: '{{device}}' },
};

export const LegendRight: Story = {
  args: { legendPlacement: 'right', query: 'demo_device_temperature_celsius', title: 'Rig temperature', unit: 'celsius', legendFormat: '{{device}}' },
};

export const ColourOverride: Story = specStory({
  args: {
    spec: specOf('timeseries', 'Requests by status, errors in red', { expr: 'sum by (status) (rate(demo_http_requests_total[1m]))', legendFormat: '{{status}}' }, {
      fieldConfig: {
        defaults: { unit: 'reqps' },
        overrides: [{ matcher: { id: 'byRegexp', options: '^5' }, properties: [{ id: 'color', value: { mode: 'fixed', fixedColor: 'red' } }] }],
      },
    }),
  },
});

export const StatWithThresholdsAndSparkline: Story = specStory({
  args: {
    height: 140,
    spec: specOf('stat', 'Pipeline lag', { expr: 'max(demo_pipeline_lag_seconds)' }, {
      fieldConfig: {
        defaults: {
          unit: 's',
          color: { mode: 'thresholds' },
          thresholds: { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 10, color: 'orange' }, { value: 30, color: 'red' }] },
        },
      },
      options: { graphMode: 'area', reduceOptions: { calcs: ['lastNotNull'] } },
    }),
  },
});

export const StatValueMappings: Story = specStory({
  args: {
    height: 140,
    spec: specOf('stat', 'Shop API', { expr: 'min(up{job="demo"})' }, {
      fieldConfig: {
        defaults: {
          mappings: [{ type: 'value', options: { '1': { text: 'UP', color: 'green' }, '0': { text: 'DOWN', color: 'red' } } }],
          color: { mode: 'thresholds' },
          thresholds: { mode: 'absolute', steps: [{ value: null, color: 'red' }, { value: 1, color: 'green' }] },
        },
      },
    }),
  },
});

export const TableJoiningQueries: Story = specStory({
  args: {
    height: 260,
    spec: {
      id: 1,
      type: 'table',
      title: 'Per table',
      targets: [
        { refId: 'rows', expr: 'sum by (table) (demo_pipeline_table_rows)', legendFormat: 'Rows' },
        { refId: 'rate', expr: 'sum by (table) (rate(demo_pipeline_events_ingested_total[5m]))', legendFormat: 'Events/s' },
      ],
      fieldConfig: {
        defaults: { unit: 'short', decimals: 1 },
        overrides: [{ matcher: { id: 'byFrameRefID', options: 'rate' }, properties: [{ id: 'unit', value: 'ops' }] }],
      },
      options: { sortBy: [{ displayName: 'Events/s', desc: true }] },
    },
  },
});

export const PieChart: Story = specStory({
  args: {
    spec: specOf('piechart', 'Requests by route', { expr: 'sum by (route) (rate(demo_http_requests_total[5m]))', legendFormat: '{{route}}' }, {
      fieldConfig: { defaults: { unit: 'reqps' } },
      options: { pieType: 'donut', displayLabels: ['percent'], legend: { displayMode: 'table', placement: 'right', calcs: [], values: ['value', 'percent'] }, reduceOptions: { calcs: ['lastNotNull'] } },
    }),
  },
});

export const StateTimeline: Story = specStory({
  args: {
    spec: specOf('state-timeline', 'Rig temperature bands', { expr: 'demo_device_temperature_celsius', legendFormat: '{{device}}' }, {
      fieldConfig: {
        defaults: {
          unit: 'celsius',
          color: { mode: 'thresholds' },
          thresholds: { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 65, color: 'orange' }, { value: 80, color: 'red' }] },
        },
      },
    }),
  },
});

export const BarChart: Story = specStory({
  args: {
    spec: specOf('barchart', 'Rows per table', { expr: 'sum by (table) (demo_pipeline_table_rows)', legendFormat: '{{table}}', instant: true }, {
      fieldConfig: { defaults: { unit: 'short' } },
      options: { orientation: 'horizontal', showValue: 'always', reduceOptions: { calcs: ['lastNotNull'] } },
    }),
  },
});

export const Histogram: Story = specStory({
  args: {
    spec: specOf('histogram', 'How busy each route is (requests per second, over the range)', { expr: 'sum by (route) (rate(demo_http_requests_total[1m]))', legendFormat: '{{route}}' }, {
      fieldConfig: { defaults: { unit: 'reqps', custom: { fillOpacity: 70 } } },
      options: { bucketCount: 20, combine: true },
    }),
  },
});

/** Tagged own-data: the demo's alerts as Prometheus lists them, one firing and one pending (see demoAlerts). */
export const AlertList: Story = specStory({
  tags: ['own-data'],
  args: {
    fetch: demoAlerts,
    height: 260,
    spec: { id: 1, type: 'alertlist', title: 'Demo alerts', targets: [], options: { stateFilter: { firing: true, pending: true }, sortOrder: 'importance', showInstances: true, maxItems: 10 } },
  },
});

export const Viewable: Story = { args: { viewable: true } };

// States

/** Tagged own-data: it answers from its own fetch, so there is nothing to record. */
export const Loading: Story = { args: { fetch: neverAnswers }, tags: ['own-data'] };

export const PrometheusUnreachable: Story = { args: { fetch: prometheusDown }, tags: ['own-data'] };

export const NoData: Story = {
  args: { title: 'Requests to a route nobody calls', query: 'sum(rate(demo_http_requests_total{route="/api/never"}[1m]))', legendFormat: '' },
};

export const InvalidQuery: Story = { args: { title: 'A typo in the query', query: 'sum(rate(demo_http_requests_total[1m])', legendFormat: '' } };

export const InvalidSpec: Story = {
  args: { spec: { id: 1, type: 'timeseries', title: 'A spec with mistakes', targets: [{ refId: '1st', expr: '' }] } as unknown as PanelSpec },
};
