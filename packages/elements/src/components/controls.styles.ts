/** Styles shared by the toolbar controls (time range, refresh, variables). */
import { css } from 'lit';

export const controlStyles = css`
  :host {
    display: inline-flex;
    position: relative;
    align-items: center;
    gap: 4px;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
  }
  label,
  .label {
    color: var(--_color-text-muted);
    white-space: nowrap;
  }
  button,
  select,
  input {
    min-height: 26px;
    box-sizing: border-box;
  }
  button {
    white-space: nowrap;
  }
  button:hover,
  select:hover {
    background: var(--_color-surface);
  }
  [part='popover'] {
    position: absolute;
    top: calc(100% + 4px);
    z-index: 10;
    min-width: 220px;
    max-height: 360px;
    overflow: auto;
    padding: 8px;
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: 6px;
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li > button,
  li > label {
    display: flex;
    align-items: center;
    gap: 6px;
    width: 100%;
    border: 0;
    text-align: start;
    background: none;
    padding: 4px 6px;
    border-radius: 4px;
    color: var(--_color-text);
    cursor: pointer;
  }
  li > button:hover,
  li > label:hover,
  li > button[aria-current='true'] {
    background: var(--_color-surface);
  }
`;
