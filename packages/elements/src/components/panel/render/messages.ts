/** What a panel shows instead of data: invalid settings, a failed query, no data, loading. */
import { html, nothing, type TemplateResult } from 'lit';
import { isConnectionError, isPromkitError, type PromkitError } from '@promkit/core';

/** Settings that cannot work: each problem, and nothing to retry (no query was sent). */
export function renderInvalidSettings(error: PromkitError | undefined): TemplateResult {
  const problems = isPromkitError(error, 'SchemaError') ? error.problems : [{ path: '', message: error?.message ?? 'This panel cannot be shown.' }];
  return html`<div part="chart"><div class="message error" role="alert">
      <strong>Invalid panel settings</strong>
      <ul class="detail problems">${problems.map((p) => html`<li>${p.path ? html`<code>${p.path}</code>: ` : nothing}${p.message}</li>`)}</ul>
    </div></div>`;
}

/**
 * A failed query. Inside a dashboard (`inDashboard`), a server that cannot be reached is told
 * once by the dashboard's notice, so the panel says so briefly (the whole message on hover and focus).
 */
export function renderFailure(error: PromkitError | undefined, inDashboard: boolean, onRetry: () => void): TemplateResult {
  const message = error?.message ?? 'The query failed.';
  const retry = html`<button @click=${onRetry}>Retry</button>`;
  if (inDashboard && isConnectionError(error)) {
    return html`<div part="chart"><div class="message error brief" role="alert">
        <strong>No connection</strong>
        <div class="detail" tabindex="0" title=${message} aria-label=${message}>${briefReason(error)}</div>
        ${retry}
      </div></div>`;
  }
  return html`<div part="chart"><div class="message error" role="alert">
      <strong>Query failed</strong>
      <div class="detail">${message}</div>
      ${retry}
    </div></div>`;
}

/** Code the panel draws with (its chart, its markdown) did not load: what to check, and Retry. */
export function renderCodeFailure(error: Error, onRetry: () => void): TemplateResult {
  return html`<div part="chart"><div class="message error" role="alert">
      <strong>Could not load this panel's code</strong>
      <div class="detail">${error.message}</div>
      <button @click=${onRetry}>Retry</button>
    </div></div>`;
}

/** No series to show: the field's `noValue` text, else "No data". */
export function renderNoData(text: string | undefined): TemplateResult {
  return html`<div part="chart"><div class="message">${text ?? 'No data'}</div></div>`;
}

/** The placeholder while the first data loads. */
export function renderSkeleton(): TemplateResult {
  return html`<div part="chart" aria-busy="true"><div class="skeleton"></div><span class="visually-hidden">Loading</span></div>`;
}

/** A few words for a connection failure; the full message says which URL and what to do. */
function briefReason(error: PromkitError | undefined): string {
  if (isPromkitError(error, 'TimeoutError')) return 'The datasource did not answer in time.';
  if (isPromkitError(error, 'HttpError')) return `The datasource answered ${error.status}.`;
  return 'The datasource cannot be reached.';
}
