/**
 * Edit mode's place in the dashboard: the builder's `<prom-dashboard-editor>` (registered by
 * `@promkit/elements/builder.js`), a line while `PromDashboard.loadBuilder` loads it, why it could
 * not (with Retry), or, with no way to load it, a notice saying how. The viewer only names the
 * element: none of the editor's code is in the viewer bundle.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Dashboard } from '@promkit/core';
import { EDITOR_EXPORTPARTS } from '../../../theme/parts.js';

/** The builder's edit layer element. */
export const EDITOR_TAG = 'prom-dashboard-editor';

/** Where the builder is: registered, loading, failed to load, or with no way to load it. */
export type BuilderState = 'registered' | 'loading' | 'missing' | Error;

export function renderEditor(builder: BuilderState, host: HTMLElement, definition: Dashboard, theme: string | undefined, onRetry: () => void): TemplateResult {
  if (builder === 'loading') return html`<div part="notice" role="status">Loading the builder…</div>`;
  if (builder instanceof Error) return html`<div part="notice" role="alert">${builder.message} <button @click=${onRetry}>Retry</button></div>`;
  if (builder === 'missing') {
    return html`<div part="notice" role="alert">Edit mode needs the builder: import <code>@promkit/elements/builder.js</code> or load <code>promkit-builder.min.js</code> after <code>promkit.min.js</code>.</div>`;
  }
  return html`<prom-dashboard-editor .dashboard=${host} .definition=${definition} theme=${theme ?? nothing} exportparts=${EDITOR_EXPORTPARTS}></prom-dashboard-editor>`;
}
