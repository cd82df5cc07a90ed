/** The metric: a searchable box listing the server's metrics with their types, and the metrics explorer in a dialog to browse them. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { VisualQuery } from '@promkit/core/edit';
import type { PromMetricPickEvent } from '../../../events/metric-pick-event.js';
import { searchMetrics, type MetricInfo, type MetricMatch } from '../../metrics-explorer/metric-search.js';
import { marked, typeBadge } from '../../metrics-explorer/metrics-explorer.component.js';
import '../../metrics-explorer/metrics-explorer.js';
import { browseIcon, removeIcon } from '../icons.js';
import type { MetricContext } from './context.js';

/** At most this many metric names in the metric box's list. */
const METRIC_OPTIONS = 50;

function metricInfo(ctx: MetricContext, name: string): MetricInfo | undefined {
  return ctx.metrics.state === 'ready' ? ctx.metrics.metrics.find((m) => m.name === name) : undefined;
}

/** Chooses metric `name`, closing the box's list. */
function setMetric(ctx: MetricContext, name: string): void {
  ctx.metricText = undefined;
  ctx.metricOpen = false;
  if (name === ctx.query.metric) return;
  ctx.commit({ ...ctx.query, metric: name });
}

function metricOptions(ctx: MetricContext, text: string): MetricMatch[] {
  return ctx.metrics.state === 'ready' ? searchMetrics(ctx.metrics.metrics, text).slice(0, METRIC_OPTIONS) : [];
}

function metricKeydown(ctx: MetricContext, e: KeyboardEvent, options: MetricMatch[]): void {
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    if (!ctx.metricOpen) {
      ctx.metricOpen = true;
      ctx.metricActive = 0;
      return;
    }
    const by = e.key === 'ArrowDown' ? 1 : -1;
    ctx.metricActive = Math.min(Math.max(0, options.length - 1), Math.max(0, ctx.metricActive + by));
  } else if (e.key === 'Enter') {
    e.preventDefault();
    const option = ctx.metricOpen ? options[ctx.metricActive] : undefined;
    setMetric(ctx, option ? option.metric.name : (e.target as HTMLInputElement).value.trim());
  } else if (e.key === 'Escape' && ctx.metricOpen) {
    e.preventDefault();
    ctx.metricOpen = false;
  }
}

/** The metric block: the box with its list, Browse, and the chosen metric's type and help. */
export function renderMetric(ctx: MetricContext, q: VisualQuery): TemplateResult {
  const text = ctx.metricText ?? q.metric;
  const options = ctx.metricOpen ? metricOptions(ctx, ctx.metricText ?? '') : [];
  const open = ctx.metricOpen && options.length > 0;
  const active = Math.min(ctx.metricActive, Math.max(0, options.length - 1));
  const info = metricInfo(ctx, q.metric);
  const metrics = ctx.metrics;
  const status = metrics.state === 'loading' ? 'Loading metric names…' : metrics.state === 'error' ? `Metric names could not be loaded (${metrics.message}); type a name.` : '';
  return html`<div class="block metric-block">
    <label class="block-title" for="metric">Metric</label>
    <div class="metric-row">
      <div class="combo">
        <input
          id="metric"
          type="text"
          role="combobox"
          spellcheck="false"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="metric-list"
          aria-activedescendant=${open ? `metric-option-${active}` : nothing}
          aria-describedby="metric-about"
          placeholder="Search or type a metric name"
          .value=${live(text)}
          @input=${(e: Event) => {
            ctx.metricText = (e.target as HTMLInputElement).value;
            ctx.metricOpen = true;
            ctx.metricActive = 0;
          }}
          @focus=${() => {
            if (ctx.metricText === undefined) ctx.metricActive = 0;
          }}
          @keydown=${(e: KeyboardEvent) => metricKeydown(ctx, e, options)}
          @blur=${(e: FocusEvent) => {
            ctx.metricOpen = false;
            if (ctx.metricText !== undefined) setMetric(ctx, (e.target as HTMLInputElement).value.trim());
          }}
        />
        ${open
          ? html`<ul id="metric-list" class="metric-list" role="listbox" aria-label="Metrics">
              ${options.map(
                (m, i) => html`<li
                  id=${`metric-option-${i}`}
                  role="option"
                  aria-selected=${i === active ? 'true' : 'false'}
                  @pointerdown=${(e: PointerEvent) => e.preventDefault()}
                  @click=${() => setMetric(ctx, m.metric.name)}
                >
                  <span class="option-name">${marked(m.metric.name, m.name)}</span>${typeBadge(m.metric.type)}
                </li>`,
              )}
            </ul>`
          : nothing}
      </div>
      <button type="button" class="browse" id="browse" aria-label="Browse metrics" ?disabled=${!ctx.client} @click=${() => (ctx.browsing = true)}>${browseIcon}<span>Browse</span></button>
    </div>
    <p class="about" id="metric-about" aria-live="polite">
      ${status
        ? status
        : info
          ? html`${typeBadge(info.type)}<span class="about-help">${info.help || (info.type === 'unknown' ? 'The server has no type or help text for it.' : 'No help text.')}</span>`
          : q.metric
            ? html`<span class="about-help">Not among the server's metrics.</span>`
            : html`<span class="about-help">Type to search the server's metrics, ↓ to list them, or Browse with their help texts.</span>`}
    </p>
  </div>`;
}

/** The metrics explorer in a modal dialog: picking a metric chooses it and closes the dialog. */
export function renderBrowseDialog(ctx: MetricContext): TemplateResult {
  return html`<dialog
    class="browse"
    aria-labelledby="browse-title"
    @close=${() => {
      ctx.browsing = false;
      ctx.focusAfter('browse');
    }}
    @prom-metric-pick=${(e: PromMetricPickEvent) => {
      e.stopPropagation();
      setMetric(ctx, e.detail.name);
      ctx.closeBrowse();
    }}
  >
    <header class="dialog-head">
      <h3 id="browse-title">Metrics</h3>
      <button type="button" class="icon" aria-label="Close" @click=${() => ctx.closeBrowse()}>${removeIcon}</button>
    </header>
    <prom-metrics-explorer .client=${ctx.client} theme=${ctx.theme ?? nothing}></prom-metrics-explorer>
  </dialog>`;
}
