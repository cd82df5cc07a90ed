/**
 * A dashboard's panels: each section (a row header, then its panels on the 24-column grid), or
 * one panel shown alone. Placement is written through CSSOM (strict CSP allows no style attributes).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Panel, Section, VariableValues } from '@promkit/core';
import { cssProps } from '../../../internal/css-props.js';
import { PANEL_EXPORTPARTS } from '../../../theme/parts.js';

export interface GridInput {
  sections: readonly Section[];
  /** Rows the person toggled: each shows the other way from its `collapsed` setting. */
  toggled: ReadonlySet<number>;
  theme: string | undefined;
  onToggleRow: (id: number) => void;
}

export function renderSections(input: GridInput): TemplateResult[] {
  return input.sections.map((s) => renderSection(s, input));
}

/** One panel alone, filling the dashboard. */
export function renderViewedPanel(spec: Panel, scoped: VariableValues, theme: string | undefined): TemplateResult {
  return html`<div class="viewed">${renderPanel(spec, scoped, { height: '100%' }, theme)}</div>`;
}

function renderSection(section: Section, { toggled, theme, onToggleRow }: GridInput): TemplateResult {
  const row = section.row;
  const collapsed = row ? (toggled.has(row.id) ? !row.collapsed : row.collapsed) : false;
  return html`
    ${row
      ? html`<h3 part="row" class="row"><button aria-expanded=${collapsed ? 'false' : 'true'} @click=${() => onToggleRow(row.id)}>${collapsed ? '▸' : '▾'} ${row.title}</button></h3>`
      : nothing}
    ${collapsed || section.panels.length === 0
      ? nothing
      : html`<div part="grid" class="grid">
          ${section.panels.map(({ spec, scoped, cell }) =>
            renderPanel(spec, scoped, { gridColumn: `${cell.x + 1} / span ${cell.w}`, gridRow: `${cell.y + 1} / span ${cell.h}`, height: 'auto' }, theme),
          )}
        </div>`}
  `;
}

function renderPanel(spec: Panel, scoped: VariableValues, place: Readonly<Record<string, string>>, theme: string | undefined): TemplateResult {
  return html`<prom-panel .spec=${spec} .scopedVars=${scoped} viewable ${cssProps(place)} theme=${theme ?? nothing} exportparts=${PANEL_EXPORTPARTS}></prom-panel>`;
}
