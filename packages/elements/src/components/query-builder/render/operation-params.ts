/** The fields of one operation: its range, number parameters, grouping (by / without) and flags. */
import { html, nothing, type TemplateResult } from 'lit';
import { BINARY_OPERATORS, isComparison, isVisualRange, type BinaryOperator, type Grouping, type Operation, type VisualQuery } from '@promkit/core/edit';
import { OPERATOR_TITLES } from '../catalogue.js';
import { countProblem, numberProblem, parseNumber, quantileProblem, withFlag, withNumber } from '../params.js';
import type { BuilderContext } from './context.js';
import { labelList, textInput } from './controls.js';

/** The query with operation `id` changed. */
function setOp(ctx: BuilderContext, id: number, change: (op: Operation) => Operation): VisualQuery {
  const index = ctx.ids('operations').indexOf(id);
  return { ...ctx.query, operations: ctx.query.operations.map((op, i) => (i === index ? change(op) : op)) };
}

/** The fields of operation `id` (named `label`) by its kind; a function has none. */
export function operationParams(ctx: BuilderContext, op: Operation, id: number, label: string): TemplateResult | typeof nothing {
  const key = (f: string) => `op-${id}-${f}`;
  const number = (field: 'param' | 'quantile' | 'value', check: (t: string) => string | undefined) => (text: string) =>
    ctx.field(key(field), text, check, (t) => setOp(ctx, id, (o) => withNumber(o, field, parseNumber(t)!)));
  const flag = (name: 'left' | 'bool') => (e: Event) => {
    const on = (e.target as HTMLInputElement).checked;
    ctx.commit(setOp(ctx, id, (o) => withFlag(o, name, on)));
  };
  switch (op.kind) {
    case 'range':
      return html`<div class="params">
        ${textInput(ctx, key('range'), 'Range', op.range, (text) =>
          ctx.field(key('range'), text, (t) => (isVisualRange(t) ? undefined : `“${t}” is not a range: write a duration such as 5m, 1h or 30s, or a variable such as $__rate_interval.`), (t) =>
            setOp(ctx, id, (o) => ({ ...o, range: t }) as Operation),
          ), { placeholder: '5m', hint: 'How far back each point looks, such as 5m or $__rate_interval.', cls: 'narrow' })}
      </div>`;
    case 'aggregate':
      return html`<div class="params">${groupingFields(ctx, op.grouping, id, label)}</div>`;
    case 'aggregate-param': {
      const quantile = op.fn === 'quantile';
      return html`<div class="params">
        ${textInput(ctx, key('param'), quantile ? 'Quantile (φ)' : 'Count (k)', String(op.param), number('param', (t) => (quantile ? quantileProblem(t) : countProblem(t))),
          { inputmode: 'decimal', cls: 'narrow', hint: quantile ? 'From 0 to 1, such as 0.95.' : `How many series to keep, such as 5.` })}
        ${groupingFields(ctx, op.grouping, id, label)}
      </div>`;
    }
    case 'histogram_quantile':
      return html`<div class="params">
        ${textInput(ctx, key('quantile'), 'Quantile (φ)', String(op.quantile), number('quantile', quantileProblem),
          { inputmode: 'decimal', cls: 'narrow', hint: 'From 0 to 1: 0.95 is the 95th percentile. Apply it to rate(…_bucket) summed by le.' })}
      </div>`;
    case 'scalar':
      return html`<div class="params scalar">
        <div class="field">
          <label for=${key('op')}>Operator</label>
          <select id=${key('op')} @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value as BinaryOperator;
            ctx.commit(setOp(ctx, id, (o) => ({ ...o, op: value }) as Operation));
          }}>
            ${BINARY_OPERATORS.map((b) => html`<option value=${b} ?selected=${b === op.op}>${b}  ${OPERATOR_TITLES[b]}</option>`)}
          </select>
        </div>
        ${textInput(ctx, key('value'), 'Number', String(op.value), number('value', numberProblem), { inputmode: 'decimal' })}
        <div class="checks">
          <label class="check"><input type="checkbox" id=${key('left')} .checked=${op.left ?? false} @change=${flag('left')} /><span>Number first</span></label>
          ${isComparison(op.op)
            ? html`<label class="check"><input type="checkbox" id=${key('bool')} .checked=${op.bool ?? false} @change=${flag('bool')} /><span>bool (0 or 1 instead of filtering)</span></label>`
            : nothing}
        </div>
      </div>`;
    case 'function':
      return nothing;
  }
}

/** All together, by or without, and the labels grouped by. */
function groupingFields(ctx: BuilderContext, grouping: Grouping | undefined, id: number, label: string): TemplateResult {
  const key = (f: string) => `op-${id}-${f}`;
  const set = (g: Grouping | undefined) =>
    ctx.commit(
      setOp(ctx, id, (o) => {
        const { grouping: _, ...rest } = o as Operation & { grouping?: Grouping };
        return (g ? { ...rest, grouping: g } : rest) as Operation;
      }),
    );
  return html`<div class="grouping">
    <div class="field mode">
      <label for=${key('mode')}>Group</label>
      <select id=${key('mode')} @change=${(e: Event) => {
        const mode = (e.target as HTMLSelectElement).value;
        if (mode === '') set(undefined);
        else {
          set({ mode: mode as Grouping['mode'], labels: grouping?.labels ?? [], first: grouping?.first ?? true });
          ctx.focusAfter(key('labels'));
        }
      }}>
        <option value="" ?selected=${!grouping}>All together</option>
        <option value="by" ?selected=${grouping?.mode === 'by'}>by</option>
        <option value="without" ?selected=${grouping?.mode === 'without'}>without</option>
      </select>
    </div>
    ${grouping ? labelList(ctx, key('labels'), `${label} ${grouping.mode}`, grouping.labels, (labels) => set({ ...grouping, labels })) : nothing}
  </div>`;
}
