/** What a dashboard shows instead of, or above, its panels: its problems, a timezone problem, a datasource outage. */
import { html, type TemplateResult } from 'lit';
import type { SchemaProblem } from '@promkit/core';
import type { Outage } from '../../../controllers/datasource-outage-controller.js';

/** An invalid dashboard: each problem with its path. */
export function renderProblems(problems: readonly SchemaProblem[]): TemplateResult {
  return html`<div part="problems" role="alert">
    <strong>This dashboard cannot be shown: ${problems.length} problem${problems.length === 1 ? '' : 's'}</strong>
    <ul>${problems.map((p) => html`<li><code>${p.path}</code>: ${p.message}</li>`)}</ul>
  </div>`;
}

/** A timezone setting that cannot be used: why, and that the browser's is used instead. */
export function renderZoneProblem(message: string): TemplateResult {
  return html`<div part="notice" role="alert">time-zone: ${message} Times are shown in the browser's timezone.</div>`;
}

export interface OutageNoticeInput {
  outage: Outage;
  /** The auto-refresh interval as set (e.g. `30s`) and in ms (0 off). */
  refresh: string;
  intervalMs: number;
  timeZone: string;
  onRetry: () => void;
}

/** One notice for a datasource that cannot be reached: which URL, what failed, when it is tried again. */
export function renderOutageNotice({ outage, refresh, intervalMs, timeZone, onRetry }: OutageNoticeInput): TemplateResult {
  const url = outage.error.request?.url.replace(/\/api\/v1\/.*$/, '') ?? 'the datasource';
  const time = (ms: number) => new Intl.DateTimeFormat(undefined, { timeStyle: 'medium', timeZone }).format(ms);
  const when = intervalMs > 0 ? `Trying again every ${refresh}, next at ${time(outage.at + intervalMs)}.` : 'Auto-refresh is off: retry when it is back.';
  return html`<div part="notice" class="notice" role="alert">
    <div>
      <strong>Cannot reach ${url}</strong>
      <span class="notice-when">${outage.panels} panel${outage.panels === 1 ? '' : 's'} failed at ${time(outage.at)}. ${when}</span>
      <div class="notice-detail">${outage.error.message}</div>
    </div>
    <button @click=${onRetry}>Retry now</button>
  </div>`;
}
