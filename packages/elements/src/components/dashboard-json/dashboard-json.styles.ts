import { css } from 'lit';

export const dashboardJsonStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
    --_font-family-mono: var(--prom-font-family-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    /* The gutter and the text share one line height (a local value, not a theme token). */
    --line-height-of-text: 18px;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: 6px;
    overflow: hidden;
  }
  .toolbar {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 8px;
    background: var(--_color-surface);
    border-bottom: 1px solid var(--_color-border);
  }
  .label {
    font-weight: 600;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 1px 8px;
    border-radius: 999px;
    border: 1px solid transparent;
    white-space: nowrap;
  }
  .status.valid {
    color: var(--_color-green);
    border-color: color-mix(in srgb, var(--_color-green) 40%, transparent);
  }
  .status.invalid {
    color: var(--_color-red);
    border-color: color-mix(in srgb, var(--_color-red) 40%, transparent);
  }
  .spacer {
    flex: 1;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .editor {
    display: flex;
    height: var(--prom-dashboard-json-height, 420px);
    min-height: 120px;
  }
  .gutter {
    flex: none;
    overflow: hidden;
    min-width: 44px;
    padding: 8px 8px 8px 6px;
    background: var(--_color-surface);
    border-right: 1px solid var(--_color-border);
    color: var(--_color-text-muted);
    font-family: var(--_font-family-mono);
    font-size: 12px;
    line-height: var(--line-height-of-text);
    text-align: right;
    user-select: none;
  }
  .numbers {
    white-space: pre;
  }
  textarea {
    flex: 1;
    min-width: 0;
    margin: 0;
    padding: 8px 10px;
    border: 0;
    resize: none;
    outline: none;
    font-family: var(--_font-family-mono);
    font-size: 12px;
    line-height: var(--line-height-of-text);
    tab-size: 2;
    white-space: pre;
    overflow: auto;
    color: var(--_color-text);
    background: var(--_color-background);
  }
  .editor:focus-within {
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
  }
  textarea::selection {
    background: color-mix(in srgb, var(--_color-focus) 35%, transparent);
  }
  .hint {
    margin: 0;
    padding: 6px 10px;
    color: var(--_color-text-muted);
    border-top: 1px solid var(--_color-border);
  }
  .note {
    color: var(--_color-text);
    margin-inline-start: 6px;
  }
  .problems {
    list-style: none;
    margin: 0;
    padding: 4px;
    max-height: 180px;
    overflow: auto;
    border-top: 1px solid var(--_color-border);
  }
  .problem {
    display: grid;
    grid-template-columns: 5.5em minmax(0, auto) minmax(0, 1fr);
    gap: 10px;
    align-items: baseline;
    width: 100%;
    text-align: start;
    border: 0;
    border-radius: 4px;
    background: none;
    padding: 4px 6px;
  }
  .problem:hover {
    background: var(--_color-surface);
  }
  .where {
    color: var(--_color-red);
    font-family: var(--_font-family-mono);
    font-variant-numeric: tabular-nums;
  }
  .path {
    font-family: var(--_font-family-mono);
    color: var(--_color-text-muted);
    overflow-wrap: anywhere;
  }
  .message {
    overflow-wrap: anywhere;
  }
  @container (max-width: 520px) {
    .problem {
      grid-template-columns: 5em minmax(0, 1fr);
      row-gap: 2px;
    }
    .message {
      grid-column: 2;
    }
    .hint {
      font-size: 11px;
    }
  }
`;
