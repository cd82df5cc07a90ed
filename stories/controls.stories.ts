import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

const meta = { title: 'Elements/Controls' } satisfies Meta;
export default meta;

interface TimeRangeArgs {
  from: string;
  to: string;
  timeZone: string;
}

/** `<prom-time-range>`: presets, or absolute times in a timezone. */
export const TimeRange: StoryObj<TimeRangeArgs> = {
  render: (args, { globals }) =>
    html`<prom-time-range from=${args.from} to=${args.to} time-zone=${args.timeZone} theme=${globals['theme'] ?? 'light'}></prom-time-range>`,
  argTypes: {
    from: { control: 'text', description: 'Date math, ISO 8601 or epoch ms' },
    to: { control: 'text' },
    timeZone: { control: 'select', options: ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'] },
  },
  args: { from: 'now-6h', to: 'now', timeZone: 'UTC' },
};

/** An absolute range shows as dates in the chosen timezone. */
export const TimeRangeAbsolute: StoryObj<TimeRangeArgs> = {
  ...TimeRange,
  args: { from: '2026-11-20T08:00:00Z', to: '2026-11-20T17:30:00Z', timeZone: 'Europe/Berlin' },
};

/** `<prom-refresh-picker>`: refresh now, or pick an interval. */
export const RefreshPicker: StoryObj<{ refresh: string }> = {
  render: (args, { globals }) => html`<prom-refresh-picker refresh=${args.refresh} theme=${globals['theme'] ?? 'light'}></prom-refresh-picker>`,
  argTypes: { refresh: { control: 'select', options: ['', '5s', '10s', '30s', '1m', '5m', '15m', '1h'] } },
  args: { refresh: '30s' },
};

interface VariableArgs {
  name: string;
  label: string;
  multi: boolean;
  includeAll: boolean;
  options: { text: string; value: string }[];
  value: string[];
}

const routes = ['/api/login', '/api/orders', '/api/products', '/api/users/:id', '/healthz'].map((r) => ({ text: r, value: r }));

/** `<prom-variable>`: a select for one value. */
export const VariableSingle: StoryObj<VariableArgs> = {
  render: (args, { globals }) => html`<prom-variable
    name=${args.name}
    label=${args.label}
    ?multi=${args.multi}
    ?include-all=${args.includeAll}
    theme=${globals['theme'] ?? 'light'}
    .options=${args.options}
    .value=${args.value}
  ></prom-variable>`,
  argTypes: {
    name: { control: 'text' },
    label: { control: 'text' },
    multi: { control: 'boolean' },
    includeAll: { control: 'boolean' },
    options: { control: 'object' },
    value: { control: 'object' },
  },
  args: { name: 'route', label: 'Route', multi: false, includeAll: false, options: routes, value: ['/api/orders'] },
};

/** Several values, with All and a search box for long lists. */
export const VariableMulti: StoryObj<VariableArgs> = {
  ...VariableSingle,
  args: {
    name: 'device',
    label: 'Device',
    multi: true,
    includeAll: true,
    options: Array.from({ length: 40 }, (_, i) => ({ text: `rig-${String(i + 1).padStart(2, '0')}`, value: `rig-${String(i + 1).padStart(2, '0')}` })),
    value: ['rig-01', 'rig-03'],
  },
};
