/** Overrides: field settings for the series a matcher selects (by name, name pattern or query). */
import { html, nothing, type TemplateResult } from 'lit';
import type { Panel } from '@promkit/core';
import { addOverride, removeOverride, setOverrideMatcher, setOverrideProperty, type OverrideMatcher } from '@promkit/core/edit';
import type { EditorContext } from './context.js';
import { field, numberInput, section, select, textInput } from './controls.js';
import { colorInput } from './color.js';

type Kind = 'text' | 'unit' | 'number' | 'color' | readonly (readonly [string, string])[];

/** The properties an override can set: a field-defaults path, its name, how it is edited and its first value. */
const PROPERTIES: readonly { id: string; label: string; kind: Kind; initial: unknown }[] = [
  { id: 'displayName', label: 'Display name', kind: 'text', initial: '' },
  { id: 'unit', label: 'Unit', kind: 'unit', initial: 'short' },
  { id: 'decimals', label: 'Decimals', kind: 'number', initial: 0 },
  { id: 'min', label: 'Min', kind: 'number', initial: 0 },
  { id: 'max', label: 'Max', kind: 'number', initial: 100 },
  { id: 'color', label: 'Colour', kind: 'color', initial: { mode: 'fixed', fixedColor: 'red' } },
  { id: 'noValue', label: 'No value', kind: 'text', initial: '' },
  { id: 'custom.drawStyle', label: 'Graph style', kind: [['line', 'Lines'], ['bars', 'Bars'], ['points', 'Points']], initial: 'line' },
  { id: 'custom.lineWidth', label: 'Line width', kind: 'number', initial: 1 },
  { id: 'custom.fillOpacity', label: 'Fill opacity (%)', kind: 'number', initial: 10 },
  { id: 'custom.axisPlacement', label: 'Y axis', kind: [['auto', 'Auto'], ['left', 'Left'], ['right', 'Right'], ['hidden', 'Hidden']], initial: 'right' },
];

const MATCHERS = [['byName', 'Series named'], ['byRegexp', 'Series matching'], ['byFrameRefID', 'Series of query']] as const;

export function renderOverrides(ctx: EditorContext): TemplateResult {
  const overrides = ctx.panel.fieldConfig.overrides;
  const firstRef = ctx.panel.targets[0]?.refId ?? 'A';
  const add = html`<button type="button" class="add" @click=${() => ctx.edit('overrides', (p) => addOverride(p, { id: 'byFrameRefID', options: firstRef }))}>+ Add override</button>`;
  return section('overrides', 'Overrides', [
    ...overrides.map((o, i) => renderOverride(ctx, o, i)),
    ...(overrides.length === 0 ? [html`<p class="empty">Settings for some series only, e.g. a second axis for query B.</p>`] : []),
  ], add);
}

/** By name, pattern or query, edited here; Grafana's other matchers (byNames, byType, byValue) are described, and edited in the JSON. */
function renderMatcher(ctx: EditorContext, m: OverrideMatcher, key: (name: string) => string, matcher: (name: string, next: (m: OverrideMatcher) => OverrideMatcher) => void): TemplateResult {
  const refs = ctx.panel.targets.map((t) => [t.refId, t.refId] as const);
  const simple = (id: (typeof MATCHERS)[number][0]) => matcher('matcher', (old) => ({ id, options: typeof old.options === 'string' ? old.options : '' }));
  if (m.id !== 'byName' && m.id !== 'byRegexp' && m.id !== 'byFrameRefID') {
    return html`<div class="grid-2">
      ${field(ctx, key('matcher'), 'Applies to', select(ctx, key('matcher'), '', [['', describeMatcher(m)], ...MATCHERS], (id) => id && simple(id as (typeof MATCHERS)[number][0])))}
      <p class="empty">Edit this matcher in the dashboard's JSON.</p>
    </div>`;
  }
  const options: string = m.options;
  const set = (next: string) => matcher('match', (old) => ({ id: old.id, options: next }) as OverrideMatcher);
  return html`<div class="grid-2">
    ${field(ctx, key('matcher'), 'Applies to', select(ctx, key('matcher'), m.id, MATCHERS, (id) => simple(id)))}
    ${m.id === 'byFrameRefID' && refs.length > 0
      ? field(ctx, key('match'), 'Query', select(ctx, key('match'), options, refs, set))
      : field(ctx, key('match'), m.id === 'byName' ? 'Name' : 'Pattern', textInput(ctx, key('match'), options, set, { placeholder: m.id === 'byName' ? 'Display name' : '/^node-.*/' }))}
  </div>`;
}

/** A matcher the form does not edit, in words. */
function describeMatcher(m: OverrideMatcher): string {
  switch (m.id) {
    case 'byNames':
      return `${m.options.mode === 'include' ? 'Series named' : 'Series not named'} ${m.options.names.join(', ')}`;
    case 'byType':
      return `Fields of type ${m.options}`;
    case 'byValue':
      return `Series whose ${m.options.reducer} is ${m.options.op} ${m.options.value}`;
    default:
      return m.id;
  }
}

function renderOverride(ctx: EditorContext, o: Panel['fieldConfig']['overrides'][number], i: number): TemplateResult {
  const key = (name: string) => `override-${i}-${name}`;
  const matcher = (name: string, next: (m: OverrideMatcher) => OverrideMatcher) =>
    ctx.edit(key(name), (p) => setOverrideMatcher(p, i, next(p.fieldConfig.overrides[i]?.matcher ?? o.matcher)));
  const refs = ctx.panel.targets.map((t) => [t.refId, t.refId] as const);
  const unused = PROPERTIES.filter((d) => !o.properties.some((p) => p.id === d.id));
  return html`<div class="card" role="group" aria-label=${`Override ${i + 1}`}>
    <div class="card-head">
      <span class="ref">${i + 1}</span>
      <span class="spacer"></span>
      <button type="button" class="icon danger" aria-label=${`Remove override ${i + 1}`} title="Remove" @click=${() => ctx.edit('overrides', (p) => removeOverride(p, i))}>✕</button>
    </div>
    ${renderMatcher(ctx, o.matcher, key, matcher)}
    ${o.properties.map(({ id, value }) => renderProperty(ctx, i, id, value))}
    ${unused.length > 0
      ? html`<div class="field">
          <label for=${key('add')}>Add property</label>
          <select
            id=${key('add')}
            @change=${(e: Event) => {
              const target = e.target as HTMLSelectElement;
              const chosen = PROPERTIES.find((d) => d.id === target.value);
              target.value = '';
              if (chosen) ctx.edit(key('add'), (p) => setOverrideProperty(p, i, chosen.id, chosen.initial));
            }}
          >
            <option value="" selected>Choose a setting…</option>
            ${unused.map((d) => html`<option value=${d.id}>${d.label}</option>`)}
          </select>
        </div>`
      : nothing}
  </div>`;
}

function renderProperty(ctx: EditorContext, i: number, id: string, value: unknown): TemplateResult {
  const def = PROPERTIES.find((d) => d.id === id);
  const key = `override-${i}-${id.replace(/\W/g, '-')}`;
  const set = (v: unknown) => ctx.edit(key, (p) => setOverrideProperty(p, i, id, v));
  const label = def?.label ?? id;
  let controlFor: TemplateResult;
  const kind = def?.kind ?? 'text';
  if (kind === 'number') controlFor = numberInput(ctx, key, typeof value === 'number' ? value : undefined, (n) => set(n ?? def?.initial));
  else if (kind === 'color') {
    const color = typeof value === 'object' && value !== null && 'fixedColor' in value ? String((value as { fixedColor: unknown }).fixedColor) : 'red';
    controlFor = colorInput(ctx, key, `${label} of override ${i + 1}`, color, (c) => set({ mode: 'fixed', fixedColor: c }));
  } else if (Array.isArray(kind)) controlFor = select(ctx, key, String(value), kind as readonly (readonly [string, string])[], set);
  else if (kind === 'unit') controlFor = textInput(ctx, key, String(value ?? ''), (v) => set(v.trim() || 'none'), { list: 'units' });
  else if (def) controlFor = textInput(ctx, key, String(value ?? ''), set);
  // A property this editor has no control for (from imported JSON) is shown, kept, and can be removed.
  else controlFor = html`<input id=${key} type="text" readonly .value=${JSON.stringify(value)} />`;
  return html`<div class="property">
    ${field(ctx, key, label, controlFor)}
    <button type="button" class="icon danger" aria-label=${`Remove ${label} from override ${i + 1}`} title="Remove" @click=${() => ctx.edit(key, (p) => setOverrideProperty(p, i, id, undefined))}>✕</button>
  </div>`;
}
