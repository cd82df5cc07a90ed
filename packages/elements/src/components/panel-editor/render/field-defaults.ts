/** Standard field settings: unit, decimals, min/max, display name, no-value text, colour mode. */
import { html, nothing, type TemplateResult } from 'lit';
import { UNITS, isKnownUnit, type ColorMode, type FieldDefaults, type Panel } from '@promkit/core';
import { setField } from '@promkit/core/edit';
import type { EditorContext } from './context.js';
import { field, numberInput, section, select, textInput } from './controls.js';
import { colorInput } from './color.js';

/** Each colour mode (core's COLOR_MODES, every one of them) with its name in the editor. */
const COLOR_MODES: readonly (readonly [ColorMode, string])[] = [
  ['palette-classic', 'Classic palette'],
  ['palette-classic-by-name', 'Classic palette, by series name'],
  ['fixed', 'Single colour'],
  ['shades', 'Shades of a colour, by value'],
  ['thresholds', 'From thresholds'],
  ['continuous-GrYlRd', 'Green–yellow–red, by value'],
  ['continuous-RdYlGr', 'Red–yellow–green, by value'],
  ['continuous-BlYlRd', 'Blue–yellow–red, by value'],
  ['continuous-YlRd', 'Yellow–red, by value'],
  ['continuous-BlPu', 'Blue–purple, by value'],
  ['continuous-YlBl', 'Yellow–blue, by value'],
  ['continuous-blues', 'Blues, by value'],
  ['continuous-reds', 'Reds, by value'],
  ['continuous-greens', 'Greens, by value'],
  ['continuous-purples', 'Purples, by value'],
];

/** The unit list, once: each option's value is the id, its text the category and label. */
const unitOptions = html`${UNITS.map((u) => html`<option value=${u.id}>${u.category} · ${u.label}</option>`)}`;

/** What the unit field says under it: the chosen unit's name, or that a custom one shows as a suffix. */
function unitHint(unit: string | undefined): string {
  if (!unit) return 'Type to search, e.g. "bytes", "sec", "percent".';
  const known = UNITS.find((u) => u.id === unit);
  if (known) return `${known.category} · ${known.label}`;
  return isKnownUnit(unit) ? unit : `Custom: values are shown followed by “${unit}”.`;
}

export function renderFieldDefaults(ctx: EditorContext): TemplateResult {
  const d = ctx.panel.fieldConfig.defaults;
  const set = (key: string, path: string, value: unknown) => ctx.edit(key, (p: Panel) => setField(p, path, value));
  const mode = d.color?.mode;
  return section('standard', 'Standard options', [
    field(ctx, 'unit', 'Unit', html`${textInput(ctx, 'unit', d.unit, (v) => set('unit', 'unit', v.trim() || undefined), { list: 'units', placeholder: 'Number', commitWhen: isKnownUnit })}<datalist id="units">${unitOptions}</datalist>`, unitHint(d.unit)),
    html`<div class="grid-3">
      ${field(ctx, 'decimals', 'Decimals', numberInput(ctx, 'decimals', d.decimals, (n) => set('decimals', 'decimals', n), { min: 0, max: 20, step: 1 }))}
      ${field(ctx, 'min', 'Min', numberInput(ctx, 'min', d.min, (n) => set('min', 'min', n)))}
      ${field(ctx, 'max', 'Max', numberInput(ctx, 'max', d.max, (n) => set('max', 'max', n)))}
    </div>`,
    field(ctx, 'display-name', 'Display name', textInput(ctx, 'display-name', d.displayName, (v) => set('display-name', 'displayName', v || undefined), { placeholder: 'From the legend format, e.g. ${__field.labels.job}' })),
    field(ctx, 'no-value', 'No value', textInput(ctx, 'no-value', d.noValue, (v) => set('no-value', 'noValue', v || undefined), { placeholder: 'Shown when there is no data' })),
    html`<div class="grid-2">
      ${field(
        ctx,
        'color-mode',
        'Colour scheme',
        select(ctx, 'color-mode', mode ?? 'palette-classic', COLOR_MODES, (m) =>
          ctx.edit('color-mode', (p) => setField(p, 'color', m === 'fixed' || m === 'shades' ? { mode: m, fixedColor: p.fieldConfig.defaults.color?.fixedColor ?? 'blue' } : { mode: m })),
        ),
      )}
      ${mode === 'fixed' || mode === 'shades'
        ? field(ctx, 'fixed-color', 'Colour', colorInput(ctx, 'fixed-color', 'Colour', d.color?.fixedColor ?? 'blue', (c) => set('fixed-color', 'color.fixedColor', c)))
        : nothing}
    </div>`,
  ]);
}
