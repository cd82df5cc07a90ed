/** The panel's queries: add, remove, reorder, hide; each one's PromQL (as code or in the builder), legend, instant, exemplars and min interval. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Target } from '@promkit/core';
import { addTarget, moveTarget, removeTarget, toVisualQuery, updateTarget } from '@promkit/core/edit';
import type { PromQueryEditor } from '../../query-editor/query-editor.component.js';
import type { PromVisualQueryChangeEvent } from '../../../events/visual-query-change-event.js';
import '../../query-editor/query-editor.js';
import '../../query-builder/query-builder.js';
import type { EditorContext, QueryMode } from './context.js';
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
    ${renderQuery(ctx, t, key, (expr) => update('expr', { expr }))}
    <div class="grid-2">
      ${field(ctx, key('legend'), 'Legend format', textInput(ctx, key('legend'), t.legendFormat, (v) => update('legend', { legendFormat: v || undefined }), { placeholder: '{{instance}}' }))}
      ${field(ctx, key('interval'), 'Min interval', textInput(ctx, key('interval'), t.minInterval, (v) => update('interval', { minInterval: v.trim() || undefined }), { placeholder: 'e.g. 30s' }))}
    </div>
    ${checkbox(key('instant'), 'Instant (evaluate at the end of the range only)', t.instant, (instant) => update('instant', { instant }))}
    ${ctx.panel.type === 'timeseries' && !t.instant ? checkbox(key('exemplar'), 'Exemplars (a point per traced sample)', t.exemplar === true, (on) => update('exemplar', { exemplar: on || undefined })) : nothing}
  </div>`;
}

/** The query as PromQL in `<prom-query-editor>`, or in `<prom-query-builder>`, with the switch between them. */
function renderQuery(ctx: EditorContext, t: Target, key: (name: string) => string, commit: (expr: string) => void): TemplateResult {
  const mode = ctx.queryMode(t.refId);
  const problem = ctx.problem(key('expr'));
  const refusal = ctx.problem(`query-mode-${t.refId}`);
  const visual = mode === 'builder' ? toVisualQuery(t.expr) : undefined;
  const modeButton = (m: QueryMode, label: string) =>
    html`<button type="button" role="radio" aria-checked=${mode === m ? 'true' : 'false'} class=${mode === m ? 'on' : ''} @click=${() => ctx.setQueryMode(t.refId, m)}>${label}</button>`;
  // The text as typed is applied when the user runs it or leaves the editor, as a field's `change`.
  const fromEditor = (e: Event) => commit((e.currentTarget as PromQueryEditor).value);
  return html`<div class="field query ${problem ? 'invalid' : ''}">
    <div class="query-head">
      <span class="label" id=${key('expr-label')}>Query ${t.refId}</span>
      <span class="segmented" role="radiogroup" aria-label=${`How to edit query ${t.refId}`}>${modeButton('code', 'Code')}${modeButton('builder', 'Builder')}</span>
    </div>
    ${visual?.ok
      ? html`<prom-query-builder
          id=${key('expr')}
          .query=${visual.query}
          .client=${ctx.client}
          theme=${ctx.theme ?? nothing}
          @prom-visual-query-change=${(e: PromVisualQueryChangeEvent) => commit(e.detail.expr)}
        ></prom-query-builder>`
      : html`<prom-query-editor
          id=${key('expr')}
          .value=${t.expr}
          .client=${ctx.client}
          .variables=${ctx.variables}
          .variableValues=${ctx.variableValues}
          range=${ctx.range}
          theme=${ctx.theme ?? nothing}
          label=${`PromQL of query ${t.refId}`}
          @prom-query-run=${fromEditor}
          @focusout=${(e: FocusEvent) => {
            // Leaving the editor (not moving inside it, e.g. to its completion list or buttons).
            const editor = e.currentTarget as PromQueryEditor;
            if (!editor.contains(e.relatedTarget as Node | null) && !editor.shadowRoot?.contains(e.relatedTarget as Node | null)) commit(editor.value);
          }}
        ></prom-query-editor>`}
    ${refusal ? html`<p class="hint refusal" role="status">${refusal}</p>` : nothing}
    ${problem ? html`<p class="problem" id=${`${key('expr')}-problem`} role="alert">${problem}</p>` : nothing}
  </div>`;
}
