/**
 * A dashboard's panels: each section (a row header, then its panels on the 24-column grid), or
 * one panel shown alone. Placement is written through CSSOM (strict CSP allows no style attributes).
 * In edit mode each panel also gets an edit frame over its cell (the builder's `<prom-edit-frame>`:
 * drag and resize handles and a menu button), which `<prom-dashboard-editor>` operates.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Panel, Section, VariableValues } from '@promkit/core';
import type { PanelSpec } from '../../panel/spec.js';
import { cssProps } from '../../../internal/css-props.js';
import { PANEL_EXPORTPARTS } from '../../../theme/parts.js';

export interface GridInput {
  sections: readonly Section[];
  /** Rows the person toggled: each shows the other way from its `collapsed` setting. */
  toggled: ReadonlySet<number>;
  theme: string | undefined;
  onToggleRow: (id: number) => void;
  /** Edit mode: panels get edit frames (ids of the dashboard's top-level panels, the ones that can be moved). */
  editable?: ReadonlySet<number> | undefined;
}

export function renderSections(input: GridInput): TemplateResult[] {
  const framed = new Set<number>();
  return input.sections.map((s) => renderSection(s, input, framed));
}

/** One panel alone, filling the dashboard. */
export function renderViewedPanel(spec: Panel, scoped: VariableValues, theme: string | undefined): TemplateResult {
  return html`<div class="viewed">${renderPanel(spec, scoped, { height: '100%' }, theme, true)}</div>`;
}

function renderSection(section: Section, { toggled, theme, onToggleRow, editable }: GridInput, framed: Set<number>): TemplateResult {
  const row = section.row;
  const collapsed = row ? (toggled.has(row.id) ? !row.collapsed : row.collapsed) : false;
  // The grid's first line in dashboard units (cells are counted from it), for the editor's pointer maths.
  const top = section.panels.length > 0 ? section.panels[0]!.spec.gridPos.y - section.panels[0]!.cell.y : 0;
  return html`
    ${row
      ? html`<h3 part="row" class="row"><button aria-expanded=${collapsed ? 'false' : 'true'} @click=${() => onToggleRow(row.id)}>${collapsed ? '▸' : '▾'} ${row.title}</button></h3>`
      : nothing}
    ${collapsed || section.panels.length === 0
      ? nothing
      : html`<div part="grid" class="grid" data-top=${top}>
          ${repeat(
            section.panels,
            (p) => p.key,
            ({ spec, scoped, cell }) => {
              const place = { gridColumn: `${cell.x + 1} / span ${cell.w}`, gridRow: `${cell.y + 1} / span ${cell.h}` };
              // One frame per panel (a repeated panel's first copy): the definition holds it once.
              const frame = editable?.has(spec.id) && !framed.has(spec.id);
              if (frame) framed.add(spec.id);
              return html`${renderPanel(spec, scoped, { ...place, height: 'auto' }, theme, !editable)}${frame ? renderEditFrame(spec, place) : nothing}`;
            },
          )}
        </div>`}
  `;
}

/** The panel, without its `gridPos`: moving or resizing it is no change to what it shows (it keeps its data). */
function renderPanel(spec: Panel, scoped: VariableValues, place: Readonly<Record<string, string>>, theme: string | undefined, viewable: boolean): TemplateResult {
  const { gridPos: _placed, ...shown } = spec;
  return html`<prom-panel
    .spec=${shown as PanelSpec}
    .scopedVars=${scoped}
    ?viewable=${viewable}
    ${cssProps(place)}
    theme=${theme ?? nothing}
    exportparts=${PANEL_EXPORTPARTS}
  ></prom-panel>`;
}

/** A panel's edit frame (the builder's `<prom-edit-frame>`: its handles and menu button), over the panel's cell. */
function renderEditFrame(spec: Panel, place: Readonly<Record<string, string>>): TemplateResult {
  return html`<prom-edit-frame data-panel-id=${spec.id} .label=${spec.title || `panel ${spec.id}`} ${cssProps(place)} exportparts="drag-handle, resize-handle, panel-menu-button"></prom-edit-frame>`;
}
