/** Standard field settings: unit, decimals, min/max, display name, no-value text, colour mode. */
import { html, nothing, type TemplateResult } from 'lit';
import { UNITS, isKnownUnit, type FieldDefaults, type Panel } from '@promkit/core';
import { setField } from '@promkit/core/edit';
import type { EditorContext } from './context.js';
import { field, numberInput, section, select, textInput } from './controls.js';
import { colorInput } from './color.js';

type ColorMode = NonNullable<FieldDefaults['color']>['mode'];
const COLOR_MODES: readonly (readonly [ColorMode, string])[] = [
  ['palette-classic', 'Classic palette'],
  ['fixed', 'Single colour'],
  ['thresholds', 'From thresholds'],
  ['continuous-GrYlRd', 'Green–yellow–red'],
  ['continuous-BlYlRd', 'Blue–yellow–red'],
  ['continuous-blues', 'Blues'],
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
          ctx.edit('color-mode', (p) => setField(p, 'color', m === 'fixed' ? { mode: m, fixedColor: p.fieldConfig.defaults.color?.fixedColor ?? 'blue' } : { mode: m })),
        ),
      )}
      ${mode === 'fixed'
        ? field(ctx, 'fixed-color', 'Colour', colorInput(ctx, 'fixed-color', 'Colour', d.color?.fixedColor ?? 'blue', (c) => set('fixed-color', 'color.fixedColor', c)))
        : nothing}
    </div>`,
  ]);
}
