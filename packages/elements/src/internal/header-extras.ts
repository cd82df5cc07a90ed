/**
 * What a panel's or dashboard's header says beside its title (all inside a `.heading`): an ⓘ button whose description
 * shows on hover and focus, and a menu of links. Both are text and checked links only: a
 * description is never markup, and a link's URL — variables filled in — must still be http(s),
 * mailto or relative, else it is shown without a link.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { dashboardLinkUrl, interpolateText, isSafeUrl, type VariableValues } from '@promkit/core';
import { infoIcon, linkIcon } from './icons.js';

/** A link as dashboards hold them, or an entry of the menu that is no link (a group's heading, or why a group is empty). */
export interface HeaderLink {
  title: string;
  /** Undefined: the entry is text (`note` says why there is no link). */
  url: string | undefined;
  tooltip?: string | undefined;
  targetBlank?: boolean | undefined;
  /** Opens the link in place on a plain click (a click with a modifier key follows the URL). */
  open?: (() => void) | undefined;
  /** A heading over the entries after it. */
  heading?: boolean | undefined;
  note?: string | undefined;
}

/** The ⓘ button and its tooltip; `id` names the tooltip for `aria-describedby`. */
export function renderDescription(text: string | undefined, id: string, variables: VariableValues = {}): TemplateResult | typeof nothing {
  if (!text) return nothing;
  return html`<span class="info">
    <button type="button" class="info-button" part="description-button" aria-label="Description" aria-describedby=${id}>${infoIcon}</button>
    <span class="info-text" part="description" role="tooltip" id=${id}>${interpolateText(text, variables)}</span>
  </span>`;
}

/** A disclosure with one link per entry; Escape closes it. */
export function renderLinkMenu(links: readonly HeaderLink[] | undefined, label: string, variables: VariableValues = {}, dashboardUrl?: string): TemplateResult | typeof nothing {
  if (!links?.length) return nothing;
  const count = links.filter((l) => !l.heading).length;
  const close = (event: KeyboardEvent) => {
    const menu = event.currentTarget as HTMLDetailsElement;
    if (event.key !== 'Escape' || !menu.open) return;
    menu.open = false;
    menu.querySelector('summary')?.focus();
    event.stopPropagation();
  };
  return html`<details class="links" part="links" @keydown=${close}>
    <summary part="links-button" aria-label=${label} title=${label}>${linkIcon}${count > 1 ? html`<span class="links-count">${count}</span>` : nothing}</summary>
    <ul class="links-menu" part="links-menu">
      ${links.map((link) => {
        const title = interpolateText(link.title, variables);
        if (link.heading) return html`<li class="links-group" role="presentation">${title}</li>`;
        if (link.url === undefined) return html`<li><span class="note">${title}${link.note ? html` <span class="why">(${link.note})</span>` : nothing}</span></li>`;
        const url = dashboardLinkUrl(interpolateText(link.url, variables), dashboardUrl);
        const open = link.open;
        const click = (e: MouseEvent) => {
          if (!open || link.targetBlank || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          (e.currentTarget as HTMLElement).closest('details')?.removeAttribute('open');
          open();
        };
        if (!isSafeUrl(url)) return html`<li><span class="blocked" title="Not opened: a link must be http(s), mailto or relative">${title}</span></li>`;
        return html`<li><a href=${url} title=${link.tooltip ?? nothing} target=${link.targetBlank ? '_blank' : nothing} rel=${link.targetBlank ? 'noopener noreferrer' : nothing} @click=${click}>${title}</a></li>`;
      })}
    </ul>
  </details>`;
}

/** The look of a small popup over a panel (links menus, a point's links): its box. */
export const popupSurface = css`
  border: 1px solid var(--_color-border);
  border-radius: 6px;
  background: var(--_color-surface);
  color: var(--_color-text);
  box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
`;

/** One line of such a popup: a link (or its note), cut with an ellipsis. */
export const popupItem = css`
  display: block;
  padding: 4px 10px;
  color: var(--_color-blue);
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
`;

/** Styles for both, in the component's own shadow root. */
export const headerExtrasStyles = css`
  /* The title and its extras; popups open below it, as wide as it at most, so a narrow panel never cuts them off at the side. */
  .heading {
    position: relative;
    display: flex;
    align-items: center;
    gap: 4px;
    flex: 1;
    min-width: 0;
  }
  .info,
  .links {
    display: inline-flex;
    align-items: center;
    flex: none;
  }
  .info-button,
  .links > summary {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    padding: 2px;
    border: 0;
    border-radius: 4px;
    background: none;
    color: var(--_color-text-muted);
    cursor: pointer;
    font: inherit;
    list-style: none;
  }
  .links > summary::-webkit-details-marker {
    display: none;
  }
  .info-button:hover,
  .links > summary:hover {
    color: var(--_color-text);
  }
  .info-button:focus-visible,
  .links > summary:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
  .info-text,
  .links-menu {
    position: absolute;
    top: calc(100% + 4px);
    left: 0;
    z-index: 5;
    box-sizing: border-box;
    width: max-content;
    max-width: min(28em, 100%);
    max-height: 14em;
    overflow: auto;
    margin: 0;
    padding: 6px 8px;
    ${popupSurface}
    font-size: 0.85em;
    font-weight: normal;
    line-height: 1.4;
    overflow-wrap: anywhere;
  }
  .info-text {
    visibility: hidden;
    white-space: pre-line;
  }
  .info-button:hover + .info-text,
  .info-button:focus-visible + .info-text {
    visibility: visible;
  }
  .links-menu {
    list-style: none;
    padding: 4px 0;
  }
  .links-menu a,
  .links-menu .blocked,
  .links-menu .note,
  .links-menu .links-group {
    ${popupItem}
  }
  .links-menu .blocked,
  .links-menu .note,
  .links-menu .why {
    color: var(--_color-text-muted);
  }
  .links-menu .links-group {
    padding-top: 6px;
    font-size: calc(var(--_font-size) - 1px);
    font-weight: 600;
    color: var(--_color-text-muted);
  }
  .links-menu a:hover,
  .links-menu a:focus-visible {
    background: rgb(128 128 128 / 0.14);
  }
  .links-count {
    font-size: 0.8em;
  }
`;
