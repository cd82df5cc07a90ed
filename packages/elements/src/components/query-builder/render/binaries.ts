/** Binary operations with other queries: operator, bool, series matching, and the other query in a nested builder. */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { BINARY_OPERATORS, SET_OPERATORS, isComparison, type BinaryOperator, type BinaryQuery, type SetOperator, type VectorMatching, type VisualQuery } from '@promkit/core/edit';
import type { PromVisualQueryChangeEvent } from '../../../events/visual-query-change-event.js';
import { OPERATOR_TITLES } from '../catalogue.js';
import { removeIcon } from '../icons.js';
import { EMPTY_VISUAL_QUERY } from '../visual-query.js';
import type { BuilderContext } from './context.js';
import { labelList } from './controls.js';
import { addRow, removeRow } from './rows.js';

/** The query with binary query `index` changed; a field changed to undefined is left out. */
function setBinary(ctx: BuilderContext, index: number, change: Partial<BinaryQuery>): VisualQuery {
  const binaryQueries = ctx.query.binaryQueries.map((b, i) => {
    if (i !== index) return b;
    const next = { ...b, ...change };
    for (const k of Object.keys(change) as (keyof BinaryQuery)[]) if (change[k] === undefined) delete next[k];
    return next;
  });
  return { ...ctx.query, binaryQueries };
}

/** The binary operations block. */
export function renderBinaries(ctx: BuilderContext, q: VisualQuery): TemplateResult {
  const ids = ctx.ids('binaryQueries');
  const rows = q.binaryQueries.map((b, index) => ({ b, index, id: ids[index]! }));
  const add = () => addRow(ctx, 'binaryQueries', { op: '/', query: EMPTY_VISUAL_QUERY }, (id) => `bin-${id}-op`);
  return html`<div class="block">
    <div class="block-head">
      <span class="block-title" id="binary-title">With another query</span>
      <button type="button" class="add" id="add-binary" @click=${add}>+ Binary operation</button>
    </div>
    ${rows.length === 0
      ? nothing
      : html`<ol class="binaries" aria-labelledby="binary-title">${repeat(rows, (r) => r.id, ({ b, index, id }) => binaryCard(ctx, b, index, id))}</ol>`}
  </div>`;
}

function binaryCard(ctx: BuilderContext, b: BinaryQuery, index: number, id: number): TemplateResult {
  const key = (f: string) => `bin-${id}-${f}`;
  const at = () => ctx.ids('binaryQueries').indexOf(id);
  const set = (change: Partial<BinaryQuery>) => ctx.commit(setBinary(ctx, at(), change));
  const matching = b.matching;
  const setMatching = (m: VectorMatching | undefined) => set({ matching: m });
  return html`<li class="card binary" aria-label=${`Binary operation ${index + 1}`}>
    <div class="card-head">
      <span class="ref" aria-hidden="true">${b.op}</span>
      <div class="field inline">
        <label for=${key('op')}>Operator</label>
        <select id=${key('op')} @change=${(e: Event) => set({ op: (e.target as HTMLSelectElement).value as BinaryOperator | SetOperator })}>
          ${[...BINARY_OPERATORS, ...SET_OPERATORS].map((o) => html`<option value=${o} ?selected=${o === b.op}>${o}  ${OPERATOR_TITLES[o]}</option>`)}
        </select>
      </div>
      ${isComparison(b.op)
        ? html`<label class="check"><input type="checkbox" id=${key('bool')} .checked=${b.bool ?? false} @change=${(e: Event) => set({ bool: (e.target as HTMLInputElement).checked || undefined })} /><span>bool</span></label>`
        : nothing}
      <span class="spacer"></span>
      <button type="button" class="icon danger" id=${key('remove')} aria-label=${`Remove binary operation ${index + 1}`} @click=${() => removeRow(ctx, 'binaryQueries', at(), id, (x) => `bin-${x}-remove`, 'add-binary')}>${removeIcon}</button>
    </div>
    <div class="grouping">
      <div class="field mode">
        <label for=${key('matching')}>Match series</label>
        <select id=${key('matching')} @change=${(e: Event) => {
          const mode = (e.target as HTMLSelectElement).value;
          setMatching(mode === '' ? undefined : { ...(matching ?? { labels: [] }), mode: mode as VectorMatching['mode'] });
        }}>
          <option value="" ?selected=${!matching}>on all labels</option>
          <option value="on" ?selected=${matching?.mode === 'on'}>on</option>
          <option value="ignoring" ?selected=${matching?.mode === 'ignoring'}>ignoring</option>
        </select>
      </div>
      ${matching ? labelList(ctx, key('labels'), `matching ${matching.mode}`, matching.labels, (labels) => setMatching({ ...matching, labels })) : nothing}
    </div>
    <prom-query-builder
      nested
      .query=${b.query}
      .client=${ctx.client}
      theme=${ctx.theme ?? nothing}
      @prom-visual-query-change=${(e: PromVisualQueryChangeEvent) => {
        e.stopPropagation();
        set({ query: e.detail.query });
      }}
    ></prom-query-builder>
  </li>`;
}
