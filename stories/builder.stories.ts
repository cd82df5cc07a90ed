import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PanelInput } from '@promkit/core';
import '@promkit/elements/builder.js';
import { storyClient, type DataMode } from './support/data.js';

/**
 * The builder's elements. Their previews replay the answers recorded for the panel catalog's
 * time series story (the same query and range), so they need no Prometheus either.
 */
const meta = { title: 'Builder/prom-panel-editor', component: 'prom-panel-editor' } satisfies Meta;
export default meta;

const RECORDED_WITH = 'elements-prom-panel--timeseries';

/** A time series panel, as the dashboard's Edit menu opens it. */
const requests: PanelInput = {
  id: 1,
  type: 'timeseries',
  title: 'Requests by status',
  gridPos: { x: 0, y: 0, w: 12, h: 8 },
  targets: [{ refId: 'A', expr: 'sum by (status) (rate(demo_http_requests_total[1m]))', legendFormat: '{{status}}' }],
  fieldConfig: { defaults: { unit: 'reqps', thresholds: { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 40, color: 'red' }] } }, overrides: [] },
};

/** `<prom-panel-editor>`: the form on the left, a live `<prom-panel>` preview on the right. */
export const PanelEditor: StoryObj<{ panel: PanelInput }> = {
  render: (args, { globals }) => html`<prom-panel-editor
    range="now-1h"
    theme=${globals['theme'] ?? 'light'}
    .panel=${args.panel}
    .client=${storyClient((globals['data'] ?? 'recorded') as DataMode, RECORDED_WITH)}
  ></prom-panel-editor>`,
  argTypes: { panel: { control: 'object', description: 'The panel being edited' } },
  args: { panel: requests },
};
