/** The starter patterns: a disclosure listing them, each replacing the operations with common ones for the metric. */
import { html, nothing, type TemplateResult } from 'lit';
import { VISUAL_PATTERNS, type VisualQuery } from '@promkit/core/edit';
import { downIcon, rightIcon } from '../icons.js';
import type { PatternsContext } from './context.js';

/** The patterns block (not in a nested builder). */
export function renderPatterns(ctx: PatternsContext, q: VisualQuery): TemplateResult {
  const open = ctx.patterns;
  return html`<div class="block patterns">
    <div class="block-head">
      <button type="button" class="disclose" id="patterns-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="patterns" @click=${() => (ctx.patterns = !ctx.patterns)}>
        <span class="chevron" aria-hidden="true">${open ? downIcon : rightIcon}</span>
        Start from a pattern
      </button>
    </div>
    ${open
      ? html`<div id="patterns" class="pattern-list">
          ${q.metric === '' ? html`<p class="hint">Choose a metric first: a pattern replaces the operations with common ones for it.</p>` : nothing}
          ${VISUAL_PATTERNS.map(
            (p) => html`<button type="button" class="pattern" id=${`pattern-${p.id}`} ?disabled=${q.metric === ''} aria-describedby=${`pattern-${p.id}-about`} @click=${() => ctx.applyPattern(p.build(q.metric))}>
              <strong>${p.title}</strong>
              <span class="pattern-about" id=${`pattern-${p.id}-about`}>${p.description}</span>
            </button>`,
          )}
        </div>`
      : nothing}
  </div>`;
}
