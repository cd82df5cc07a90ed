import { css } from 'lit';

/** The rules view: a toolbar, then each group as a card of rule rows that wrap in narrow widths. */
export const rulesStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
    --_code-font-family: var(--prom-code-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .rules {
    display: flex;
    flex-direction: column;
    gap: 12px;
    background: var(--_color-background);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .summary {
    margin: 0 auto 0 0;
    color: var(--_color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  #filter {
    flex: 1 1 220px;
    max-width: 360px;
    min-height: 30px;
  }
  #show {
    min-height: 30px;
  }
  .group {
    border: 1px solid var(--_color-border);
    border-radius: 6px;
    overflow: hidden;
  }
  .group header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 12px;
    padding: 8px 12px;
    background: var(--_color-surface);
    border-bottom: 1px solid var(--_color-border);
  }
  h3 {
    margin: 0;
    font-size: calc(var(--_font-size) + 1px);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--_color-text-muted);
    font-size: calc(var(--_font-size) - 1px);
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .rule {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: 8px 12px;
    min-width: 0;
  }
  .rule + .rule {
    border-top: 1px solid var(--_color-border);
  }
  .head {
    display: flex;
    align-items: center;
    gap: 8px;
    min-width: 0;
  }
  .kind {
    flex: none;
    padding: 0 5px;
    border: 1px solid var(--_color-border);
    border-radius: 3px;
    color: var(--_color-text-muted);
    font-size: calc(var(--_font-size) - 2px);
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .badge {
    flex: none;
    margin-left: auto;
    padding: 1px 8px;
    border-radius: 999px;
    font-size: calc(var(--_font-size) - 1px);
    font-weight: 600;
    border: 1px solid currentColor;
    white-space: nowrap;
  }
  .alerts .badge {
    margin-left: 0;
  }
  .badge.ok,
  .badge.inactive {
    color: var(--_color-green);
  }
  .badge.firing,
  .badge.error,
  .summary .firing,
  .summary .error {
    color: var(--_color-red);
  }
  .badge.pending,
  .summary .pending {
    color: var(--_color-orange);
  }
  .badge.unknown {
    color: var(--_color-text-muted);
  }
  .query {
    display: block;
    font-family: var(--_code-font-family);
    font-size: calc(var(--_font-size) - 1px);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    max-height: 8.5em;
    overflow: auto;
  }
  .labels {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .label {
    padding: 0 6px;
    border-radius: 3px;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    font-size: calc(var(--_font-size) - 1px);
    overflow-wrap: anywhere;
  }
  .rule-error {
    margin: 0;
    padding: 6px 8px;
    border-left: 3px solid var(--_color-red);
    color: var(--_color-red);
    overflow-wrap: anywhere;
  }
  .alerts summary {
    cursor: pointer;
    color: var(--_color-text-muted);
  }
  .alerts summary:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .alerts ul {
    list-style: none;
    margin: 6px 0 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .alerts li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }
`;
