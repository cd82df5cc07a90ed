/** Small labelled form controls the editor's sections are made of (native inputs: names, keyboard, autofill). */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { EditorContext } from './context.js';

/** A label above its control, with the field's problem (if any) below. */
export function field(ctx: EditorContext, key: string, label: string, control: TemplateResult, hint?: TemplateResult | string): TemplateResult {
  const problem = ctx.problem(key);
  return html`<div class="field ${problem ? 'invalid' : ''}">
    <label for=${key}>${label}</label>
    ${control}
    ${problem ? html`<p class="problem" id=${`${key}-problem`} role="alert">${problem}</p>` : hint ? html`<p class="hint">${hint}</p>` : nothing}
  </div>`;
}

/** The `aria-describedby` of a control whose field has a problem. */
function described(ctx: EditorContext, key: string) {
  return ctx.problem(key) ? `${key}-problem` : nothing;
}

/**
 * A text input committing on `change` (blur or Enter), or on every keystroke with `eager`. Its
 * value is bound without `live`, so a refused entry stays in the field beside its problem.
 */
export function textInput(ctx: EditorContext, key: string, value: string | undefined, commit: (text: string) => void, opts: { placeholder?: string; eager?: boolean; list?: string; commitWhen?: (text: string) => boolean } = {}): TemplateResult {
  const on = (e: Event) => commit((e.target as HTMLInputElement).value);
  // Also on each keystroke once the text is complete (a unit picked from the list commits at once).
  const onInput = (e: Event) => {
    const text = (e.target as HTMLInputElement).value;
    if (opts.eager || opts.commitWhen?.(text)) commit(text);
  };
  return html`<input
    id=${key}
    type="text"
    spellcheck="false"
    autocomplete="off"
    list=${opts.list ?? nothing}
    placeholder=${opts.placeholder ?? nothing}
    aria-invalid=${ctx.problem(key) ? 'true' : 'false'}
    aria-describedby=${described(ctx, key)}
    .value=${value ?? ''}
    @input=${opts.eager || opts.commitWhen ? onInput : nothing}
    @change=${opts.eager ? nothing : on}
  />`;
}

/** A number input; empty commits undefined. */
export function numberInput(ctx: EditorContext, key: string, value: number | undefined, commit: (n: number | undefined) => void, opts: { min?: number; max?: number; step?: number; placeholder?: string } = {}): TemplateResult {
  return html`<input
    id=${key}
    type="number"
    inputmode="decimal"
    min=${opts.min ?? nothing}
    max=${opts.max ?? nothing}
    step=${opts.step ?? 'any'}
    placeholder=${opts.placeholder ?? 'auto'}
    aria-invalid=${ctx.problem(key) ? 'true' : 'false'}
    aria-describedby=${described(ctx, key)}
    .value=${value === undefined ? '' : String(value)}
    @change=${(e: Event) => {
      const text = (e.target as HTMLInputElement).value.trim();
      commit(text === '' ? undefined : Number(text));
    }}
  />`;
}

/** A select over `choices` ([value, label]); `value` undefined selects the first. */
export function select<T extends string>(ctx: EditorContext, key: string, value: T | undefined, choices: readonly (readonly [T, string])[], commit: (v: T) => void): TemplateResult {
  return html`<select id=${key} aria-describedby=${described(ctx, key)} @change=${(e: Event) => commit((e.target as HTMLSelectElement).value as T)}>
    ${choices.map(([v, label]) => html`<option value=${v} ?selected=${v === (value ?? choices[0]?.[0])}>${label}</option>`)}
  </select>`;
}

/** A checkbox with its label beside it. */
export function checkbox(key: string, label: string, checked: boolean, commit: (on: boolean) => void): TemplateResult {
  return html`<label class="check" for=${key}>
    <input id=${key} type="checkbox" .checked=${live(checked)} @change=${(e: Event) => commit((e.target as HTMLInputElement).checked)} />
    <span>${label}</span>
  </label>`;
}

/** A section of the form with a heading. */
export function section(id: string, title: string, body: TemplateResult | TemplateResult[], extra: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<section class="section" aria-labelledby=${`${id}-heading`}>
    <header class="section-head"><h3 id=${`${id}-heading`}>${title}</h3>${extra}</header>
    <div class="section-body">${body}</div>
  </section>`;
}
