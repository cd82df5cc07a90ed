/** The selected variable's form: the fields its type has, each with its problem beside it. */
import { html, nothing, type TemplateResult } from 'lit';
import { SORTS, VARIABLE_HIDES, type Dashboard, type Variable } from '@promkit/core';
import { VARIABLE_TYPES, type VariableType } from '@promkit/core/edit';

/** What the form asks of the editor. */
export interface FormContext {
  dashboard: Dashboard;
  index: number;
  variable: Variable;
  /** The problem of field `field` (a refused entry, or the schema's), if any. */
  problem(field: string): string | undefined;
  /** The text a refused entry left in field `field`. */
  draft(field: string): string | undefined;
  /** Commits field `field`: `text` as typed, `change` the variable's new definition. */
  commit(field: string, text: string, change: (v: Variable) => Variable): void;
  rename(text: string): void;
  changeType(type: VariableType): void;
}

const TYPE_LABELS: Readonly<Record<VariableType, string>> = {
  query: 'Query', custom: 'Custom', constant: 'Constant', textbox: 'Text box', interval: 'Interval', datasource: 'Datasource',
};
const SORT_LABELS: Readonly<Record<(typeof SORTS)[number], string>> = {
  none: 'As returned', 'alpha-asc': 'A → Z', 'alpha-desc': 'Z → A', 'num-asc': 'Numbers, ascending', 'num-desc': 'Numbers, descending',
  'alpha-ci-asc': 'A → Z, ignoring case', 'alpha-ci-desc': 'Z → A, ignoring case',
};
const HIDE_LABELS: Readonly<Record<(typeof VARIABLE_HIDES)[number], string>> = { none: 'Label and value', label: 'Value only', variable: 'Nothing (hidden)' };

export const typeLabel = (type: VariableType) => TYPE_LABELS[type];

/** One labelled control with its problem or hint below, tied to it by aria-describedby. */
function row(ctx: FormContext, field: string, label: string, control: (described: string | typeof nothing) => TemplateResult, hint?: string): TemplateResult {
  const problem = ctx.problem(field);
  const note = problem ?? hint;
  return html`<div class="field ${problem ? 'invalid' : ''}">
    <label for=${`f-${field}`}>${label}</label>
    ${control(note ? `f-${field}-note` : nothing)}
    ${note ? html`<p id=${`f-${field}-note`} class=${problem ? 'problem' : 'hint'}>${note}</p>` : nothing}
  </div>`;
}

/** A text input (or a code textarea) committing on change: blur, Enter, Ctrl+Enter. */
function text(ctx: FormContext, field: string, value: string | undefined, apply: (text: string) => Variable, opts: { code?: boolean; placeholder?: string } = {}) {
  const shown = ctx.draft(field) ?? value ?? '';
  const invalid = ctx.problem(field) ? 'true' : 'false';
  const on = (e: Event) => ctx.commit(field, (e.target as HTMLInputElement).value, () => apply((e.target as HTMLInputElement).value));
  return (described: string | typeof nothing) =>
    opts.code
      ? html`<textarea id=${`f-${field}`} class="code" rows="2" spellcheck="false" aria-invalid=${invalid} aria-describedby=${described} .value=${shown} @change=${on}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && on(e)}></textarea>`
      : html`<input id=${`f-${field}`} type="text" spellcheck="false" autocomplete="off" placeholder=${opts.placeholder ?? nothing} aria-invalid=${invalid} aria-describedby=${described} .value=${shown} @change=${on} />`;
}

function choices<T extends string>(field: string, value: T, options: readonly (readonly [T, string])[], apply: (v: T) => void) {
  return (described: string | typeof nothing) => html`<select id=${`f-${field}`} aria-describedby=${described} @change=${(e: Event) => apply((e.target as HTMLSelectElement).value as T)}>
    ${options.map(([v, label]) => html`<option value=${v} ?selected=${v === value}>${label}</option>`)}
  </select>`;
}

function check(ctx: FormContext, field: string, label: string, on: boolean, apply: (on: boolean) => Variable): TemplateResult {
  return html`<label class="check"><input id=${`f-${field}`} type="checkbox" .checked=${on} @change=${(e: Event) => {
    const value = (e.target as HTMLInputElement).checked;
    ctx.commit(field, String(value), () => apply(value));
  }} /><span>${label}</span></label>`;
}

/** Sets `key` of the variable, removing it for an empty text. */
function set<V extends Variable>(v: V, key: string, value: unknown): Variable {
  const { [key]: _old, ...rest } = v as Record<string, unknown>;
  return (value === '' || value === undefined ? rest : { ...rest, [key]: value }) as Variable;
}

export function renderForm(ctx: FormContext): TemplateResult {
  const v = ctx.variable;
  const typeSelect = choices('type', v.type, VARIABLE_TYPES.map((t) => [t, TYPE_LABELS[t]] as const), (t) => ctx.changeType(t));
  const nameControl = (described: string | typeof nothing) => html`<input id="f-name" type="text" spellcheck="false" autocomplete="off" aria-invalid=${ctx.problem('name') ? 'true' : 'false'} aria-describedby=${described}
    .value=${ctx.draft('name') ?? v.name} @change=${(e: Event) => ctx.rename((e.target as HTMLInputElement).value.trim())} />`;
  return html`<div class="grid">
      ${row(ctx, 'name', 'Name', nameControl, 'Used as $name; renaming rewrites every use.')}
      ${row(ctx, 'type', 'Type', typeSelect)}
      ${row(ctx, 'label', 'Label', text(ctx, 'label', v.label, (t) => set(v, 'label', t), { placeholder: v.name }))}
      ${row(ctx, 'hide', 'Toolbar shows', choices('hide', v.hide, VARIABLE_HIDES.map((h) => [h, HIDE_LABELS[h]] as const), (h) => ctx.commit('hide', h, () => set(v, 'hide', h))))}
    </div>
    ${row(ctx, 'description', 'Description', text(ctx, 'description', v.description, (t) => set(v, 'description', t)))}
    ${renderTypeFields(ctx, v)}`;
}

function renderTypeFields(ctx: FormContext, v: Variable): TemplateResult {
  switch (v.type) {
    case 'query': {
      const names = ctx.dashboard.datasources.map((d) => [d.name, d.name] as const);
      const vars = ctx.dashboard.variables.filter((x) => x.type === 'datasource').map((x) => [`$${x.name}`, `$${x.name}`] as const);
      const options = [['', 'Default datasource'] as const, ...names, ...vars];
      const current = v.datasource ?? '';
      const known = options.some(([o]) => o === current) ? options : [...options, [current, current] as const];
      return html`${row(ctx, 'datasource', 'Datasource', choices('datasource', current, known, (ds) => ctx.commit('datasource', ds, () => set(v, 'datasource', ds))))}
        ${row(ctx, 'query', 'Query', text(ctx, 'query', v.query, (t) => ({ ...v, query: t.trim() }), { code: true }), 'label_values(metric, label), label_values(label), label_names(), metrics(regex), query_result(expr) or a series selector.')}
        ${row(ctx, 'regex', 'Regex', text(ctx, 'regex', v.regex, (t) => set(v, 'regex', t), { placeholder: '/(.*)-prod/' }), 'Keeps matching values; a capture group picks part of each.')}
        <div class="grid">
          ${row(ctx, 'sort', 'Sort', choices('sort', v.sort, SORTS.map((s) => [s, SORT_LABELS[s]] as const), (s) => ctx.commit('sort', s, () => ({ ...v, sort: s }))))}
          ${row(ctx, 'refresh', 'Refresh', choices('refresh', v.refresh, [['load', 'On dashboard load'], ['time', 'On time range change']] as const, (r) => ctx.commit('refresh', r, () => ({ ...v, refresh: r }))))}
        </div>
        ${renderChoice(ctx, v)}`;
    }
    case 'custom':
      return html`${row(ctx, 'query', 'Values', text(ctx, 'query', v.query, (t) => ({ ...v, query: t }), { code: true }), 'Comma-separated: a,b,c or Text : value, Other : other. \\, keeps a comma.')}${renderChoice(ctx, v)}`;
    case 'datasource':
      return html`${row(ctx, 'regex', 'Datasource name regex', text(ctx, 'regex', v.regex, (t) => set(v, 'regex', t), { placeholder: '/prod-.*/' }), 'Offers only the datasources whose name matches.')}${renderChoice(ctx, v)}`;
    case 'constant':
      return row(ctx, 'query', 'Value', text(ctx, 'query', v.query, (t) => ({ ...v, query: t })), 'Hidden from the toolbar unless shown with Toolbar shows.');
    case 'textbox':
      return row(ctx, 'query', 'Default value', text(ctx, 'query', v.query, (t) => ({ ...v, query: t })));
    case 'interval':
      return html`${row(ctx, 'query', 'Intervals', text(ctx, 'query', v.query, (t) => ({ ...v, query: t })), 'Comma-separated durations: 1m,5m,1h.')}
        ${check(ctx, 'auto', 'Offer auto (the range split into steps)', v.auto, (auto) => ({ ...v, auto }))}
        ${v.auto
          ? html`<div class="grid">
              ${row(ctx, 'autoCount', 'Steps in the range', text(ctx, 'autoCount', String(v.autoCount), (t) => ({ ...v, autoCount: Number(t) })))}
              ${row(ctx, 'autoMin', 'At least', text(ctx, 'autoMin', v.autoMin, (t) => ({ ...v, autoMin: t.trim() })))}
            </div>`
          : nothing}`;
  }
}

function renderChoice(ctx: FormContext, v: Extract<Variable, { multi: boolean }>): TemplateResult {
  return html`<div class="checks">
      ${check(ctx, 'multi', 'Multi-value', v.multi, (multi) => ({ ...v, multi }))}
      ${check(ctx, 'includeAll', 'Include All', v.includeAll, (includeAll) => ({ ...v, includeAll }))}
    </div>
    ${v.includeAll ? row(ctx, 'allValue', 'Custom all value', text(ctx, 'allValue', v.allValue, (t) => set(v, 'allValue', t), { placeholder: 'every value, as a regex' }), 'Replaces $name as it is when All is selected, e.g. .*') : nothing}`;
}
