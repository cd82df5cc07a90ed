import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { DashboardInput } from '@promkit/core';
import appOverview from '../examples/dashboards/app-overview.json';
import hosts from '../examples/dashboards/hosts.json';
import prometheusSelf from '../examples/dashboards/prometheus-self.json';
import { dataSource, neverAnswers, type DataMode } from './support/data.js';

interface DashboardArgs {
  dashboard: DashboardInput;
  from: string;
  to: string;
  timeZone: string;
  /** Id of a panel to show alone. */
  viewPanel: number | undefined;
  /** A fetch of the story's own (the loading state). */
  fetch: typeof fetch | undefined;
}

const meta = {
  title: 'Elements/prom-dashboard',
  component: 'prom-dashboard',
  render: (args, { globals, id }) => {
    const mode = (globals['data'] ?? 'recorded') as DataMode;
    const source = dataSource(mode, id);
    // Recorded answers do not change: refreshing would only redraw the same lines.
    return html`<prom-dashboard
      url=${source.url}
      from=${args.from}
      to=${args.to}
      refresh=${mode === 'live' ? '10s' : ''}
      theme=${globals['theme'] ?? 'light'}
      time-zone=${args.timeZone || nothing}
      view-panel=${args.viewPanel ?? nothing}
      .dashboard=${args.dashboard}
      .clientOptions=${{ fetch: args.fetch ?? source.fetch, retries: 0 }}
    ></prom-dashboard>`;
  },
  argTypes: {
    dashboard: { control: 'object', description: 'The dashboard definition (JSON)' },
    from: { control: 'select', options: ['now-1h', 'now-6h', 'now-24h', 'now-7d'] },
    to: { control: 'text' },
    timeZone: { control: 'select', options: ['', 'UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'] },
    viewPanel: { control: 'number', description: 'Show one panel alone (Escape returns)' },
    fetch: { table: { disable: true } },
  },
  args: { dashboard: appOverview as DashboardInput, from: 'now-6h', to: 'now', timeZone: '', viewPanel: undefined, fetch: undefined },
  parameters: { layout: 'fullscreen' },
} satisfies Meta<DashboardArgs>;
export default meta;
type Story = StoryObj<DashboardArgs>;

/** The demo shop's overview: health stats, traffic, latency, ingestion and alerts. */
export const AppOverview: Story = {};

/** node_exporter metrics, one repeated row per host. */
export const Hosts: Story = { args: { dashboard: hosts as DashboardInput, from: 'now-3h' } };

/** Prometheus watching itself. */
export const PrometheusSelf: Story = { args: { dashboard: prometheusSelf as DashboardInput, from: 'now-1h' } };

/** Seven days, where the history is sparser. */
export const SevenDays: Story = { args: { from: 'now-7d' } };

/** Tagged own-data: it answers from its own fetch, so there is nothing to record. */
export const Loading: Story = { args: { fetch: neverAnswers }, tags: ['own-data'] };

/** A definition with mistakes: each problem is listed with its path. */
export const InvalidDefinition: Story = {
  args: {
    dashboard: {
      schemaVersion: 1,
      title: '',
      panels: [{ id: 1, type: 'piechart', gridPos: { x: 0, y: 0, w: 30, h: 8 } }],
    } as unknown as DashboardInput,
  },
};

/** One panel alone, as the "view" button on a panel shows it. */
export const ViewOnePanel: Story = { args: { viewPanel: 9 } };
