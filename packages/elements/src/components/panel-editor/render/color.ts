/** A colour field: the browser's picker beside a text field that takes any colour core's rule accepts. */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { COLOR_RULE } from '@promkit/core';
import type { EditorContext } from './context.js';

/**
 * `#rrggbb` for the picker, from any colour the browser can paint (`semi-dark-red` is resolved
 * first by `ctx.resolveColor`); grey when it paints none.
 */
function pickerValue(ctx: EditorContext, color: string): string {
  const resolved = ctx.resolveColor(color);
  if (!resolved) return '#808080';
  const canvas = (pickerValue.canvas ??= document.createElement('canvas').getContext('2d'));
  if (!canvas) return '#808080';
  canvas.fillStyle = '#808080';
  canvas.fillStyle = resolved;
  const painted = canvas.fillStyle;
  if (painted.startsWith('#')) return painted;
  const [r, g, b] = painted.match(/[\d.]+/g)?.map(Number) ?? [128, 128, 128];
  return `#${[r, g, b].map((n) => Math.round(n ?? 128).toString(16).padStart(2, '0')).join('')}`;
}
pickerValue.canvas = undefined as CanvasRenderingContext2D | null | undefined;

/** A picker and a text field for one colour; `key` labels the text field (its `<label for>`). */
export function colorInput(ctx: EditorContext, key: string, label: string, color: string, commit: (color: string) => void): TemplateResult {
  const problem = ctx.problem(key);
  return html`<span class="color-input">
    <input
      type="color"
      aria-label=${`${label}: pick`}
      .value=${live(pickerValue(ctx, color))}
      @input=${(e: Event) => commit((e.target as HTMLInputElement).value)}
    />
    <input
      id=${key}
      type="text"
      spellcheck="false"
      autocomplete="off"
      aria-label=${label}
      title=${`A colour: ${COLOR_RULE}`}
      aria-invalid=${problem ? 'true' : 'false'}
      .value=${color}
      @change=${(e: Event) => commit((e.target as HTMLInputElement).value.trim())}
    />
  </span>`;
}
