/** Thresholds: a base colour and steps from a value up, kept in order by core. */
import { html, type TemplateResult } from 'lit';
import type { Panel, Thresholds } from '@promkit/core';
import { addThresholdStep, removeThresholdStep, setThresholdMode, thresholdsOf, updateThresholdStep } from '@promkit/core/edit';
import type { EditorContext } from './context.js';
import { field, numberInput, section, select } from './controls.js';
import { colorInput } from './color.js';

/** Colours offered to each new step in turn. */
const NEXT_COLORS = ['red', 'orange', 'yellow', 'purple', 'blue'];

export function renderThresholds(ctx: EditorContext): TemplateResult {
  const t = thresholdsOf(ctx.panel);
  const nextColor = (p: Panel) => NEXT_COLORS[(thresholdsOf(p).steps.length - 1) % NEXT_COLORS.length]!;
  const add = html`<button type="button" class="add" @click=${() => ctx.edit('thresholds', (p) => addThresholdStep(p, nextColor(p)))}>+ Add threshold</button>`;
  // Highest first, as a scale reads; the base step last.
  const rows = t.steps.map((step, i) => ({ step, i })).reverse();
  return section(
    'thresholds',
    'Thresholds',
    [
      field(
        ctx,
        'threshold-mode',
        'Mode',
        select(ctx, 'threshold-mode', t.mode, [['absolute', 'Absolute'], ['percentage', 'Percentage of min–max']] as const, (m: Thresholds['mode']) =>
          ctx.edit('threshold-mode', (p) => setThresholdMode(p, m)),
        ),
      ),
      html`<ul class="steps" aria-label="Threshold steps">
        ${rows.map(({ step, i }) => {
          const key = `threshold-${i}`;
          const label = i === 0 ? 'Base colour' : `Step ${i} colour`;
          return html`<li class="step">
            ${colorInput(ctx, `${key}-color`, label, step.color, (color) => ctx.edit(`${key}-color`, (p) => updateThresholdStep(p, i, { color })))}
            ${i === 0
              ? html`<span class="base">Base</span>`
              : html`<label class="visually-hidden" for=${`${key}-value`}>${`Step ${i} value`}</label>${numberInput(ctx, `${key}-value`, step.value ?? 0, (value) =>
                  ctx.edit(`${key}-value`, (p) => updateThresholdStep(p, i, { value: value ?? 0 })),
                )}`}
            <button type="button" class="icon danger" aria-label=${`Remove ${i === 0 ? 'base step' : `step ${i}`}`} title="Remove" @click=${() => ctx.edit('thresholds', (p) => removeThresholdStep(p, i))}>✕</button>
          </li>
          ${[`${key}-color`, `${key}-value`].map((k) => (ctx.problem(k) ? html`<li class="problem" role="alert">${ctx.problem(k)}</li>` : ''))}`;
        })}
      </ul>`,
    ],
    add,
  );
}
