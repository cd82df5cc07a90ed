import { css } from 'lit';

export const queryEditorStyles = css`
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
    --_code-font-family: var(--prom-code-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    --_code-font-size: var(--prom-code-font-size, 13px);
    --_syntax-keyword: var(--prom-syntax-keyword, var(--_color-purple));
    --_syntax-function: var(--prom-syntax-function, var(--_color-blue));
    --_syntax-metric: var(--prom-syntax-metric, var(--_color-text));
    --_syntax-label: var(--prom-syntax-label, var(--_color-orange));
    --_syntax-string: var(--prom-syntax-string, var(--_color-green));
    --_syntax-number: var(--prom-syntax-number, var(--_color-orange));
    --_syntax-operator: var(--prom-syntax-operator, var(--_color-text-muted));
    --_syntax-comment: var(--prom-syntax-comment, var(--_color-text-muted));
    --_syntax-variable: var(--prom-syntax-variable, var(--_color-purple));
    --qe-selection: color-mix(in srgb, var(--_color-focus) 28%, transparent);
    --qe-match: color-mix(in srgb, var(--_color-focus) 22%, transparent);
    --qe-on-focus: #fff;
  }
  .input {
    border: 1px solid var(--_color-border);
    border-radius: 6px;
    background: var(--_color-background);
    min-height: 2.6em;
    overflow: hidden;
  }
  /* The query as text while the editor's code loads (no empty box, no jump when it arrives). */
  .pending {
    padding: 6px 8px;
    font-family: var(--_code-font-family);
    color: var(--_color-text-muted);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    line-height: 1.4;
  }
  .input:focus-within {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
  .input.invalid {
    border-color: var(--_color-red);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    margin-top: 6px;
  }
  button.primary {
    background: var(--_color-focus);
    border-color: var(--_color-focus);
    color: var(--qe-on-focus);
    font-weight: 600;
  }
  button:hover:not(:disabled):not(.primary) {
    background: var(--_color-surface);
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  .keys {
    margin-left: auto;
    color: var(--_color-text-muted);
    font-size: 0.92em;
    white-space: nowrap;
  }
  p {
    margin: 6px 0 0;
    overflow-wrap: anywhere;
  }
  .problem:empty {
    display: none;
  }
  .problem.error,
  .notice {
    color: var(--_color-red);
  }
  .problem.warning,
  .warning {
    color: var(--_color-yellow);
  }
  .hint,
  .muted {
    color: var(--_color-text-muted);
  }
  .result {
    margin-top: 8px;
    padding: 8px 10px;
    border: 1px solid var(--_color-border);
    border-left: 3px solid var(--_color-border);
    border-radius: 6px;
    background: var(--_color-surface);
  }
  .result.found {
    border-left-color: var(--_color-green);
  }
  .result.empty {
    border-left-color: var(--_color-yellow);
  }
  .result.failed {
    border-left-color: var(--_color-red);
  }
  .result p:first-child {
    margin-top: 0;
  }
  .headline {
    font-weight: 600;
  }
  .headline .muted {
    font-weight: 400;
  }
  prom-query-explain {
    display: block;
    margin-top: 8px;
  }
  dialog.explorer {
    width: min(720px, calc(100vw - 32px));
    max-height: min(640px, calc(100vh - 48px));
    padding: 0;
    color: var(--_color-text);
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: 8px;
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.35);
  }
  dialog.explorer::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .explorer-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 10px 14px;
    border-bottom: 1px solid var(--_color-border);
  }
  .explorer-head h2 {
    margin: 0;
    font-size: 1.15em;
  }
  dialog.explorer prom-metrics-explorer {
    display: block;
    padding: 10px 14px 14px;
  }
  code {
    font-family: var(--_code-font-family);
    font-size: 0.95em;
    overflow-wrap: anywhere;
  }
`;
