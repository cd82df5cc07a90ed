/** The builder's two kinds of field: a text box that keeps refused text with its problem, and a list of label names as chips. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { removeIcon } from '../icons.js';
import type { BuilderContext } from './context.js';

/** Options of a text field: its hint, placeholder, datalist, input mode and extra class. */
export interface TextInputOptions {
  hint?: string;
  placeholder?: string;
  list?: string;
  inputmode?: string;
  cls?: string;
}

/** A labelled text field `key` showing `value`, or its refused text with the problem; `commit` gets the trimmed text on change. */
export function textInput(ctx: BuilderContext, key: string, label: string, value: string, commit: (text: string) => void, opts: TextInputOptions = {}): TemplateResult {
  const draft = ctx.draft(key);
  return html`<div class=${`field ${opts.cls ?? ''}`}>
    <label for=${key}>${label}</label>
    <input
      id=${key}
      type="text"
      spellcheck="false"
      autocomplete="off"
      inputmode=${opts.inputmode ?? nothing}
      list=${opts.list ?? nothing}
      placeholder=${opts.placeholder ?? nothing}
      aria-invalid=${draft ? 'true' : 'false'}
      aria-describedby=${draft ? `${key}-problem` : opts.hint ? `${key}-hint` : nothing}
      .value=${live(draft?.text ?? value)}
      @change=${(e: Event) => commit((e.target as HTMLInputElement).value.trim())}
    />
    ${draft ? html`<p class="problem" id=${`${key}-problem`} role="alert">${draft.message}</p>` : opts.hint ? html`<p class="hint" id=${`${key}-hint`}>${opts.hint}</p>` : nothing}
  </div>`;
}

/** A list of label names as removable chips, with a box to add more (comma-separated). */
export function labelList(ctx: BuilderContext, key: string, title: string, labels: readonly string[], apply: (labels: string[]) => void): TemplateResult {
  return html`<div class="field labels">
    <label for=${key}>Labels</label>
    <div class="chips">
      ${labels.map(
        (l, i) => html`<span class="chip"
          ><span>${l}</span
          ><button type="button" aria-label=${`Remove ${l} from ${title}`} @click=${() => {
            apply(labels.filter((_, j) => j !== i));
            ctx.focusAfter(key);
          }}>${removeIcon}</button></span
        >`,
      )}
      <input
        id=${key}
        type="text"
        class="chip-input"
        list="label-names"
        spellcheck="false"
        autocomplete="off"
        placeholder=${labels.length ? 'add label' : 'label, such as job'}
        .value=${live('')}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            (e.target as HTMLInputElement).dispatchEvent(new Event('change'));
          } else if (e.key === 'Backspace' && (e.target as HTMLInputElement).value === '' && labels.length) {
            apply(labels.slice(0, -1));
          }
        }}
        @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          const added = input.value.split(/[\s,]+/).filter((l) => l !== '' && !labels.includes(l));
          input.value = '';
          if (added.length) apply([...labels, ...new Set(added)]);
        }}
      />
    </div>
  </div>`;
}
