/** The panel's queries: add, remove, reorder, hide; each one's PromQL, legend, instant and min interval. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Target } from '@promkit/core';
import { addTarget, moveTarget, removeTarget, updateTarget } from '@promkit/core/edit';
import type { EditorContext } from './context.js';
import { checkbox, field, section, textInput } from './controls.js';

/** What a new query starts as: a valid expression to edit (the schema refuses an empty one). */
export const NEW_QUERY = 'up';

export function renderTargets(ctx: EditorContext): TemplateResult {
  const targets = ctx.panel.targets;
  const add = html`<button type="button" class="add" @click=${() => ctx.edit('targets', (p) => addTarget(p, NEW_QUERY))}>+ Add query</button>`;
  return section(
    'queries',
    'Queries',
    [
      ...targets.map((t, i) => renderTarget(ctx, t, i, targets.length)),
      ...(targets.length === 0 ? [html`<p class="empty">No queries yet.</p>`] : []),
      ...(ctx.problem('targets') ? [html`<p class="problem" role="alert">${ctx.problem('targets')}</p>`] : []),
    ],
    add,
  );
}

function renderTarget(ctx: EditorContext, t: Target, i: number, count: number): TemplateResult {
  const key = (name: string) => `target-${i}-${name}`;
  const update = (name: string, changes: Partial<Target>) => ctx.edit(key(name), (p) => updateTarget(p, i, changes));
  const name = `query ${t.refId}`;
  return html`<div class="card ${t.hide ? 'muted' : ''}" role="group" aria-label=${`Query ${t.refId}`}>
    <div class="card-head">
      <span class="ref">${t.refId}</span>
      <span class="spacer"></span>
      ${checkbox(key('hide'), 'Hide', t.hide, (hide) => update('hide', { hide }))}
      <button type="button" class="icon" aria-label=${`Move ${name} up`} title="Move up" ?disabled=${i === 0} @click=${() => ctx.edit('targets', (p) => moveTarget(p, i, i - 1))}>↑</button>
      <button type="button" class="icon" aria-label=${`Move ${name} down`} title="Move down" ?disabled=${i === count - 1} @click=${() => ctx.edit('targets', (p) => moveTarget(p, i, i + 1))}>↓</button>
      <button type="button" class="icon danger" aria-label=${`Remove ${name}`} title="Remove" @click=${() => ctx.edit('targets', (p) => removeTarget(p, i))}>✕</button>
    </div>
    ${field(
      ctx,
      key('expr'),
      `PromQL (${t.refId})`,
      html`<textarea
        id=${key('expr')}
        class="code"
        rows="3"
        spellcheck="false"
        aria-invalid=${ctx.problem(key('expr')) ? 'true' : 'false'}
        .value=${t.expr}
        @change=${(e: Event) => update('expr', { expr: (e.target as HTMLTextAreaElement).value })}
        @keydown=${(e: KeyboardEvent) => {
          // Ctrl/⌘+Enter runs the query without leaving the field.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) update('expr', { expr: (e.target as HTMLTextAreaElement).value });
        }}
      ></textarea>`,
      'Ctrl+Enter or leaving the field runs it.',
    )}
    <div class="grid-2">
      ${field(ctx, key('legend'), 'Legend format', textInput(ctx, key('legend'), t.legendFormat, (v) => update('legend', { legendFormat: v || undefined }), { placeholder: '{{instance}}' }))}
      ${field(ctx, key('interval'), 'Min interval', textInput(ctx, key('interval'), t.minInterval, (v) => update('interval', { minInterval: v.trim() || undefined }), { placeholder: 'e.g. 30s' }))}
    </div>
    ${checkbox(key('instant'), 'Instant (evaluate at the end of the range only)', t.instant, (instant) => update('instant', { instant }))}
    ${nothing}
  </div>`;
}
