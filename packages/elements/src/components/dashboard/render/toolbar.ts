/** A dashboard's toolbar: title (with its description, links and tags), variables, "back" while one panel is viewed, time range, refresh and fullscreen. */
import { html, nothing, type TemplateResult } from 'lit';
import { valuesOf, type Dashboard, type RawTimeRange, type ResolvedVariable } from '@promkit/core';
import { renderDescription, renderLinkMenu, type HeaderLink } from '../../../internal/header-extras.js';
import { fullscreenIcon, shareIcon } from '../../../internal/icons.js';
import { cssProps } from '../../../internal/css-props.js';
import { REFRESH_EXPORTPARTS, TIME_RANGE_EXPORTPARTS, VARIABLE_EXPORTPARTS } from '../../../theme/parts.js';

export interface ToolbarInput {
  dashboard: Dashboard;
  /** The dashboard's links as menu entries (links by tag listed from its store). */
  links: readonly HeaderLink[];
  /** Where links to Grafana dashboards go (`{uid}`), if anywhere. */
  dashboardUrl: string | undefined;
  variables: ReadonlyMap<string, ResolvedVariable>;
  range: RawTimeRange;
  timeZone: string;
  /** The auto-refresh interval in use ('' off). */
  refresh: string;
  theme: string | undefined;
  /** Whether one panel is shown alone (the toolbar offers the way back). */
  viewing: boolean;
  onBack: () => void;
  onFullscreen: () => void;
  /** Shows an Edit button (an editable dashboard, not in edit mode, with the builder loaded). */
  canEdit?: boolean;
  onEdit?: () => void;
  /** Shows a Share button (a shareable dashboard, not in edit mode). */
  canShare?: boolean;
  onShare?: () => void;
  /** The enabled annotations, each with a toggle: shown or turned off, and what went wrong. */
  annotations?: readonly { name: string; color: string; shown: boolean; problem: string | undefined }[];
  onToggleAnnotation?: (name: string) => void;
}

export function renderToolbar(input: ToolbarInput): TemplateResult {
  const { dashboard: d, theme } = input;
  const values = valuesOf(input.variables);
  return html`<div part="toolbar" role="toolbar" aria-label=${`${d.title} controls`}>
    <span class="heading dashboard-heading">
      <h2 class="title">${d.title}</h2>
      ${renderDescription(d.description, 'dashboard-description', values)}
      ${renderLinkMenu(input.links, `Links of ${d.title}`, values, input.dashboardUrl)}
      ${d.tags.length ? html`<ul class="tags" part="tags" aria-label="Tags">${d.tags.map((tag) => html`<li part="tag">${tag}</li>`)}</ul>` : nothing}
    </span>
    ${d.variables
      .filter((x) => x.hide !== 'variable')
      .flatMap((x) => input.variables.get(x.name) ?? [])
      .map((v) => renderVariable(v, (d.variables.find((x) => x.name === v.name)?.hide ?? 'none') === 'label', theme))}
    ${(input.annotations ?? []).map((a) => renderAnnotationToggle(a, () => input.onToggleAnnotation?.(a.name)))}
    <span class="spacer"></span>
    ${input.canShare ? html`<button part="share-button" class="share" @click=${input.onShare}>${shareIcon} Share</button>` : nothing}
    ${input.canEdit ? html`<button part="edit-button" class="edit" @click=${input.onEdit}>Edit</button>` : nothing}
    ${input.viewing ? html`<button @click=${input.onBack}>← Back to dashboard</button>` : nothing}
    <prom-time-range .from=${input.range.from} .to=${input.range.to} .timeZone=${input.timeZone} theme=${theme ?? nothing} exportparts=${TIME_RANGE_EXPORTPARTS}></prom-time-range>
    <prom-refresh-picker .refresh=${input.refresh} theme=${theme ?? nothing} exportparts=${REFRESH_EXPORTPARTS}></prom-refresh-picker>
    <button class="icon" aria-label="Fullscreen" title="Fullscreen" @click=${input.onFullscreen}>${fullscreenIcon}</button>
  </div>`;
}

/** An annotation's toggle: its colour and name, pressed while its marks are shown; a problem is named on hover and to screen readers. */
function renderAnnotationToggle(a: NonNullable<ToolbarInput['annotations']>[number], onToggle: () => void): TemplateResult {
  const label = a.problem ? `${a.name}: ${a.problem}` : `Annotations: ${a.name}`;
  return html`<button part="annotation-toggle" class=${a.problem ? 'annotation-toggle problem' : 'annotation-toggle'} aria-pressed=${a.shown ? 'true' : 'false'} title=${label} aria-label=${label} @click=${onToggle}>
    <span class="swatch" ${cssProps({ backgroundColor: a.color })}></span>${a.name}${a.problem ? html` <span aria-hidden="true">⚠</span>` : nothing}
  </button>`;
}

/** One variable's control; `hideLabel` leaves its label out. */
function renderVariable(v: ResolvedVariable, hideLabel: boolean, theme: string | undefined): TemplateResult {
  return html`<prom-variable
    .name=${v.name}
    .label=${hideLabel ? '' : v.label}
    .options=${v.options}
    .value=${v.selected}
    .multi=${v.multi}
    .includeAll=${v.includeAll}
    .problem=${v.problem}
    theme=${theme ?? nothing}
    exportparts=${VARIABLE_EXPORTPARTS}
  ></prom-variable>`;
}
