/**
 * What a panel's or dashboard's header says beside its title (all inside a `.heading`): an ⓘ button whose description
 * shows on hover and focus, and a menu of links. Both are text and checked links only: a
 * description is never markup, and a link's URL — variables filled in — must still be http(s),
 * mailto or relative, else it is shown without a link.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { interpolateText, isSafeUrl, type VariableValues } from '@promkit/core';
import { infoIcon, linkIcon } from './icons.js';

/** A link as dashboards hold them. */
export interface HeaderLink {
  title: string;
  url: string;
  tooltip?: string | undefined;
  targetBlank?: boolean | undefined;
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
export function renderLinkMenu(links: readonly HeaderLink[] | undefined, label: string, variables: VariableValues = {}): TemplateResult | typeof nothing {
  if (!links?.length) return nothing;
  const close = (event: KeyboardEvent) => {
    const menu = event.currentTarget as HTMLDetailsElement;
    if (event.key !== 'Escape' || !menu.open) return;
    menu.open = false;
    menu.querySelector('summary')?.focus();
    event.stopPropagation();
  };
  return html`<details class="links" part="links" @keydown=${close}>
    <summary part="links-button" aria-label=${label} title=${label}>${linkIcon}${links.length > 1 ? html`<span class="links-count">${links.length}</span>` : nothing}</summary>
    <ul class="links-menu" part="links-menu">
      ${links.map((link) => {
        const title = interpolateText(link.title, variables);
        const url = interpolateText(link.url, variables);
        if (!isSafeUrl(url)) return html`<li><span class="blocked" title="Not opened: a link must be http(s), mailto or relative">${title}</span></li>`;
        return html`<li><a href=${url} title=${link.tooltip ?? nothing} target=${link.targetBlank ? '_blank' : nothing} rel=${link.targetBlank ? 'noopener noreferrer' : nothing}>${title}</a></li>`;
      })}
    </ul>
  </details>`;
}

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
    border: 1px solid var(--_color-border);
    border-radius: 6px;
    background: var(--_color-surface);
    color: var(--_color-text);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
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
  .links-menu .blocked {
    display: block;
    padding: 4px 10px;
    color: var(--_color-blue);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .links-menu .blocked {
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
