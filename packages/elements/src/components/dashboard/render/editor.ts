/**
 * Edit mode's place in the dashboard: the builder's `<prom-dashboard-editor>` (registered by
 * `@promkit/elements/builder.js`), or, when the builder is not loaded, a notice saying how to load
 * it. The viewer only names the element: none of the editor's code is in the viewer bundle.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Dashboard } from '@promkit/core';
import { EDITOR_EXPORTPARTS } from '../../../theme/parts.js';

/** The builder's edit layer element. */
export const EDITOR_TAG = 'prom-dashboard-editor';

export function renderEditor(registered: boolean, host: HTMLElement, definition: Dashboard, theme: string | undefined): TemplateResult {
  if (!registered) {
    return html`<div part="notice" role="alert">Edit mode needs the builder: import <code>@promkit/elements/builder.js</code> or load <code>promkit-builder.min.js</code> after <code>promkit.min.js</code>.</div>`;
  }
  return html`<prom-dashboard-editor .dashboard=${host} .definition=${definition} theme=${theme ?? nothing} exportparts=${EDITOR_EXPORTPARTS}></prom-dashboard-editor>`;
}
