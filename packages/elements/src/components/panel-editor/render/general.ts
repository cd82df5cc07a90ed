/** The panel's kind and words: type, title, description, datasource. */
import { html, nothing, type TemplateResult } from 'lit';
import { PANEL_TYPES, type Datasource } from '@promkit/core';
import { changeType, setDescription, setTitle } from '@promkit/core/edit';
import type { EditorContext } from './context.js';
import { field, section, select, textInput } from './controls.js';
import { PANEL_TYPE_LABELS } from '../../../internal/panel-type-labels.js';


export function renderGeneral(ctx: EditorContext, datasources: readonly Datasource[] | undefined): TemplateResult {
  const p = ctx.panel;
  const types = PANEL_TYPES.map((t) => [t, PANEL_TYPE_LABELS[t]] as const);
  return section('general', 'Panel', [
    field(ctx, 'type', 'Visualization', select(ctx, 'type', p.type, types, (t) => ctx.edit('type', (panel) => changeType(panel, t)))),
    field(ctx, 'title', 'Title', textInput(ctx, 'title', p.title, (t) => ctx.edit('title', (panel) => setTitle(panel, t)), { eager: true, placeholder: 'Untitled' })),
    field(
      ctx,
      'description',
      'Description',
      html`<textarea
        id="description"
        rows="2"
        placeholder="Shown as the panel's help text"
        .value=${p.description ?? ''}
        @change=${(e: Event) => ctx.edit('description', (panel) => setDescription(panel, (e.target as HTMLTextAreaElement).value))}
      ></textarea>`,
    ),
    datasources && datasources.length > 0
      ? field(
          ctx,
          'datasource',
          'Datasource',
          select(ctx, 'datasource', p.datasource ?? '', [['', 'Dashboard default'] as const, ...datasources.map((d) => [d.name, d.name] as const)], (name) =>
            ctx.edit('datasource', (panel) => {
              const { datasource: _old, ...rest } = panel;
              return name ? { ...rest, datasource: name } : rest;
            }),
          ),
        )
      : html`${nothing}`,
  ]);
}
