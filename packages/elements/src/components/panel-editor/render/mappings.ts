/** Value mappings: a value, range, pattern or special value shown as other text and/or a colour. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Panel, ValueMapping } from '@promkit/core';
import { addMapping, removeMapping, updateMapping } from '@promkit/core/edit';
import type { EditorContext } from './context.js';
import { field, numberInput, section, select, textInput } from './controls.js';
import { colorInput } from './color.js';

type Result = { text?: string; color?: string; index?: number };
type Special = Extract<ValueMapping, { type: 'special' }>['options']['match'];

const TYPES = [['value', 'Value'], ['range', 'Range'], ['regex', 'Regex'], ['special', 'Special']] as const;
const SPECIALS: readonly (readonly [Special, string])[] = [
  ['nan', 'NaN'],
  ['null', 'Null'],
  ['null+nan', 'Null and NaN'],
  ['true', 'True'],
  ['false', 'False'],
  ['empty', 'Empty'],
];

/** The result a mapping shows (a value mapping's first entry). */
function resultOf(m: ValueMapping): Result {
  return m.type === 'value' ? Object.values(m.options)[0] ?? {} : m.options.result;
}

/** The mapping with its result replaced (a value mapping's first entry; its other entries stay). */
function withResult(m: ValueMapping, result: Result): ValueMapping {
  if (m.type !== 'value') return { ...m, options: { ...m.options, result } } as ValueMapping;
  const key = Object.keys(m.options)[0] ?? '';
  return { type: 'value', options: { ...m.options, [key]: result } };
}

/** A mapping of another kind, keeping the result. */
function ofType(type: ValueMapping['type'], result: Result): ValueMapping {
  switch (type) {
    case 'value':
      return { type, options: { '': result } };
    case 'range':
      return { type, options: { from: null, to: null, result } };
    case 'regex':
      return { type, options: { pattern: '', result } };
    case 'special':
      return { type, options: { match: 'nan', result } };
  }
}

/** A result's text or colour changed: empty removes it. */
function resultWith(result: Result, key: 'text' | 'color', value: string): Result {
  const { [key]: _old, ...rest } = result;
  return value ? { ...rest, [key]: value } : rest;
}

export function renderMappings(ctx: EditorContext): TemplateResult {
  const mappings = ctx.panel.fieldConfig.defaults.mappings ?? [];
  const add = html`<button type="button" class="add" @click=${() => ctx.edit('mappings', (p) => addMapping(p, ofType('value', { text: '' })))}>+ Add mapping</button>`;
  return section('mappings', 'Value mappings', [
    ...mappings.map((m, i) => renderMapping(ctx, m, i)),
    ...(mappings.length === 0 ? [html`<p class="empty">Show values as text or colours, e.g. 1 as “Up”.</p>`] : []),
  ], add);
}

function renderMapping(ctx: EditorContext, m: ValueMapping, i: number): TemplateResult {
  const key = (name: string) => `mapping-${i}-${name}`;
  // Each change reads the mapping as it is when it applies.
  const change = (name: string, next: (m: ValueMapping) => ValueMapping) =>
    ctx.edit(key(name), (p: Panel) => updateMapping(p, i, next((p.fieldConfig.defaults.mappings ?? [])[i] ?? m)));
  const result = resultOf(m);
  return html`<div class="card" role="group" aria-label=${`Mapping ${i + 1}`}>
    <div class="card-head">
      <span class="ref">${i + 1}</span>
      <span class="spacer"></span>
      <button type="button" class="icon danger" aria-label=${`Remove mapping ${i + 1}`} title="Remove" @click=${() => ctx.edit('mappings', (p) => removeMapping(p, i))}>✕</button>
    </div>
    <div class="grid-2">
      ${field(ctx, key('type'), 'Match', select(ctx, key('type'), m.type, TYPES, (t) => change('type', (cur) => (cur.type === t ? cur : ofType(t, resultOf(cur))))))}
      ${renderMatch(ctx, m, key, change)}
    </div>
    <div class="grid-2">
      ${field(ctx, key('text'), 'Display text', textInput(ctx, key('text'), result.text, (v) => change('text', (cur) => withResult(cur, resultWith(resultOf(cur), 'text', v)))))}
      ${field(ctx, key('color'), 'Colour', colorInput(ctx, key('color'), `Mapping ${i + 1} colour`, result.color ?? '', (c) => change('color', (cur) => withResult(cur, resultWith(resultOf(cur), 'color', c)))))}
    </div>
  </div>`;
}

function renderMatch(ctx: EditorContext, m: ValueMapping, key: (name: string) => string, change: (name: string, next: (m: ValueMapping) => ValueMapping) => void): TemplateResult {
  switch (m.type) {
    case 'value': {
      const value = Object.keys(m.options)[0] ?? '';
      return field(ctx, key('value'), 'Value', textInput(ctx, key('value'), value, (v) =>
        change('value', (cur) => {
          if (cur.type !== 'value') return cur;
          const [first = '', ...others] = Object.keys(cur.options);
          return { type: 'value', options: { [v]: cur.options[first] ?? {}, ...Object.fromEntries(others.filter((k) => k !== v).map((k) => [k, cur.options[k]!])) } };
        }),
      ));
    }
    case 'range':
      return html`<div class="grid-2">
        ${field(ctx, key('from'), 'From', numberInput(ctx, key('from'), m.options.from ?? undefined, (n) => change('from', (cur) => (cur.type === 'range' ? { ...cur, options: { ...cur.options, from: n ?? null } } : cur)), { placeholder: '−∞' }))}
        ${field(ctx, key('to'), 'To', numberInput(ctx, key('to'), m.options.to ?? undefined, (n) => change('to', (cur) => (cur.type === 'range' ? { ...cur, options: { ...cur.options, to: n ?? null } } : cur)), { placeholder: '+∞' }))}
      </div>`;
    case 'regex':
      return field(ctx, key('pattern'), 'Pattern', textInput(ctx, key('pattern'), m.options.pattern, (v) => change('pattern', (cur) => (cur.type === 'regex' ? { ...cur, options: { ...cur.options, pattern: v } } : cur)), { placeholder: '/^(up|ok)$/' }));
    case 'special':
      return field(ctx, key('special'), 'Value', select(ctx, key('special'), m.options.match, SPECIALS, (match) => change('special', (cur) => (cur.type === 'special' ? { ...cur, options: { ...cur.options, match } } : cur))));
    default:
      return html`${nothing}`;
  }
}
