/** The selected variable's resolved values (first 20) and its problem; the list's one-line preview. */
import { html, nothing, type TemplateResult } from 'lit';
import type { ResolvedVariable } from '@promkit/core';

/** How many values the preview lists before "and N more". */
export const PREVIEW_VALUES = 20;

const KIND_LABELS = { failed: 'Could not load', invalid: 'Cannot work', empty: 'No values', cycle: 'Cycle' } as const;

/** The first values, for the list: `a, b, c +4`. */
export function shortPreview(v: ResolvedVariable): string {
  if (v.options.length === 0) return v.problem ? KIND_LABELS[v.problem.kind] : 'no values';
  const shown = v.options.slice(0, 3).map((o) => o.text || '(empty)');
  return `${shown.join(', ')}${v.options.length > 3 ? ` +${v.options.length - 3}` : ''}`;
}

export function renderPreview(v: ResolvedVariable | undefined, busy: boolean): TemplateResult {
  const options = v?.options ?? [];
  const more = options.length - PREVIEW_VALUES;
  return html`<section part="preview" class="preview" aria-labelledby="preview-heading" aria-busy=${busy ? 'true' : 'false'}>
    <h3 id="preview-heading">Preview of values${busy ? html` <span class="busy">updating…</span>` : nothing}</h3>
    ${v?.problem
      ? html`<p class=${`variable-problem kind-${v.problem.kind}`} role="alert"><strong>${KIND_LABELS[v.problem.kind]}:</strong> ${v.problem.message}</p>`
      : nothing}
    ${v === undefined
      ? html`<p class="empty">${busy ? 'Resolving…' : 'Not resolved yet.'}</p>`
      : options.length === 0
        ? v.problem ? nothing : html`<p class="empty">No values.</p>`
        : html`<ul class="values" aria-label="Values">
            ${options.slice(0, PREVIEW_VALUES).map((o) => html`<li title=${o.value}>${o.text === '' ? html`<em>(empty)</em>` : o.text}${o.text !== o.value ? html` <span class="value">= ${o.value}</span>` : nothing}</li>`)}
            ${more > 0 ? html`<li class="more">and ${more} more</li>` : nothing}
          </ul>`}
  </section>`;
}
