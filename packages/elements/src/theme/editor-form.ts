import { css } from 'lit';

/**
 * The builder editors' form: titled sections of labelled fields, inputs, textareas, hints and the
 * problems beside a field (shared by the panel editor and the dashboard settings).
 */
export const editorFormStyles = css`
  .section {
    border: 1px solid var(--_color-border);
    border-radius: 6px;
  }
  .section-head {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 34px;
    padding: 4px 6px 4px 10px;
    background: var(--_color-surface);
    border-bottom: 1px solid var(--_color-border);
    border-radius: 6px 6px 0 0;
  }
  h3 {
    flex: 1;
    margin: 0;
    font-size: calc(var(--_font-size) + 1px);
    font-weight: 600;
  }
  .section-body {
    display: flex;
    flex-direction: column;
    gap: 10px;
    padding: 10px;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
  }
  .field > label,
  fieldset > legend {
    color: var(--_color-text-muted);
    font-weight: 500;
  }
  .grid-2,
  .grid-3 {
    display: grid;
    gap: 10px;
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  .grid-3 {
    grid-template-columns: repeat(3, minmax(0, 1fr));
  }
  input[type='text'],
  input[type='number'],
  select,
  textarea {
    width: 100%;
    min-height: 28px;
  }
  textarea {
    font: inherit;
    color: var(--_color-text);
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: 4px;
    padding: 5px 8px;
    resize: vertical;
  }
  textarea.code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: calc(var(--_font-size) + 0.5px);
    line-height: 1.45;
  }
  textarea:focus-visible,
  input[type='checkbox']:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
  [aria-invalid='true'] {
    border-color: var(--_color-red);
  }
  .problem {
    margin: 0;
    color: var(--_color-red);
    font-size: calc(var(--_font-size) - 0.5px);
  }
  .hint {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: calc(var(--_font-size) - 0.5px);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    cursor: pointer;
    color: var(--_color-text);
  }
  .check input {
    margin: 0;
    accent-color: var(--_color-focus);
  }
  fieldset.calcs {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(110px, 1fr));
    gap: 4px 10px;
    margin: 0;
    padding: 8px 10px 10px;
    border: 1px solid var(--_color-border);
    border-radius: 4px;
  }
  fieldset.calcs > legend {
    padding: 0 4px;
  }

  .card {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 10px;
    border: 1px solid var(--_color-border);
    border-radius: 6px;
    background: var(--_color-background);
  }
  .card.muted .code {
    opacity: 0.6;
  }
  .card-head {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .ref {
    display: inline-grid;
    place-items: center;
    min-width: 22px;
    height: 22px;
    padding: 0 6px;
    border-radius: 11px;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    font-weight: 600;
  }
  .spacer {
    flex: 1;
  }
  button.icon {
    display: inline-grid;
    place-items: center;
    width: 28px;
    height: 28px;
    padding: 0;
    line-height: 1;
  }
  button:hover:not(:disabled) {
    background: var(--_color-surface);
  }
  button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  button.danger:hover:not(:disabled) {
    color: var(--_color-red);
    border-color: var(--_color-red);
  }
  button.add {
    min-height: 26px;
    color: var(--_color-focus);
    border-color: transparent;
    background: transparent;
    font-weight: 500;
  }
  button.add:hover {
    border-color: var(--_color-border);
  }
  .empty {
    margin: 0;
    color: var(--_color-text-muted);
  }

`;
