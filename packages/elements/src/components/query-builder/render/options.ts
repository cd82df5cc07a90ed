/** The query's options: its offset. */
import { html, type TemplateResult } from 'lit';
import { isVisualOffset, type VisualQuery } from '@promkit/core/edit';
import type { BuilderContext } from './context.js';
import { textInput } from './controls.js';

/** The offset field: a duration, or empty for none. */
export function renderOptions(ctx: BuilderContext, q: VisualQuery): TemplateResult {
  const check = (t: string) => (t === '' || isVisualOffset(t) ? undefined : `“${t}” is not an offset: write a duration such as 1h or 7d (-1h looks ahead).`);
  const apply = (t: string): VisualQuery => {
    const { offset: _, ...rest } = ctx.query;
    return t === '' ? rest : { ...rest, offset: t };
  };
  return html`<div class="block options">
    ${textInput(ctx, 'offset', 'Offset', q.offset ?? '', (text) => ctx.field('offset', text, check, apply), {
      placeholder: 'none',
      hint: 'Shift the query back in time, such as 1d to compare with yesterday.',
      cls: 'narrow',
    })}
  </div>`;
}
