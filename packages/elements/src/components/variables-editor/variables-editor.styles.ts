import { css } from 'lit';

export const variablesEditorStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [part='base'] {
    display: grid;
    grid-template-columns: minmax(240px, 2fr) 5fr;
    min-height: 420px;
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: 6px;
    overflow: hidden;
  }
  @container (max-width: 640px) {
    [part='base'] {
      grid-template-columns: 1fr;
    }
    .list {
      border-right: 0 !important;
      border-bottom: 1px solid var(--_color-border);
    }
  }
  .unreadable {
    display: block !important;
    padding: 16px;
    color: var(--_color-red);
  }
  .list {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 10px;
    background: var(--_color-surface);
    border-right: 1px solid var(--_color-border);
    min-width: 0;
  }
  .add-row {
    display: flex;
    gap: 6px;
  }
  .add-row select {
    flex: 1;
    min-width: 0;
  }
  button.add {
    color: #fff;
    background: var(--_color-focus);
    border-color: var(--_color-focus);
    font-weight: 600;
    white-space: nowrap;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .item {
    display: flex;
    align-items: stretch;
    border: 1px solid var(--_color-border);
    border-radius: 6px;
    background: var(--_color-background);
  }
  .item.selected {
    border-color: var(--_color-focus);
    box-shadow: inset 3px 0 0 var(--_color-focus);
  }
  .item .select {
    flex: 1;
    min-width: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 2px 8px;
    padding: 6px 8px 6px 10px;
    text-align: left;
    border: 0;
    background: transparent;
  }
  .name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .type {
    color: var(--_color-text-muted);
    font-size: calc(var(--_font-size) - 1px);
    text-transform: uppercase;
    letter-spacing: 0.04em;
    align-self: center;
  }
  .item .values {
    grid-column: 1 / -1;
    color: var(--_color-text-muted);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .marker {
    display: inline-grid;
    place-items: center;
    width: 16px;
    height: 16px;
    margin-left: 6px;
    border-radius: 50%;
    color: #fff;
    background: var(--_color-red);
    font-size: 11px;
    vertical-align: 1px;
  }
  .problem-empty .marker {
    background: var(--_color-yellow);
  }
  .actions {
    display: flex;
    align-items: center;
    gap: 2px;
    padding-right: 4px;
  }
  button.icon {
    width: 26px;
    height: 26px;
    padding: 0;
    border-color: transparent;
    background: transparent;
  }
  button.icon:hover:not(:disabled) {
    border-color: var(--_color-border);
  }
  button.danger:hover:not(:disabled) {
    color: var(--_color-red);
  }
  button:disabled {
    opacity: 0.35;
    cursor: default;
  }
  .notice,
  .problem,
  .variable-problem {
    margin: 0;
    color: var(--_color-red);
  }
  .notice {
    padding: 6px 8px;
    border: 1px solid var(--_color-red);
    border-radius: 4px;
    background: var(--_color-background);
  }
  .empty {
    margin: 0;
    color: var(--_color-text-muted);
  }
  .detail {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .form {
    display: flex;
    flex-direction: column;
    gap: 10px;
    padding: 12px;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
    gap: 10px;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
  }
  .field > label {
    color: var(--_color-text-muted);
    font-weight: 500;
  }
  .hint {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: calc(var(--_font-size) - 0.5px);
  }
  input[type='text'],
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
  }
  textarea:focus-visible,
  input[type='checkbox']:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
  [aria-invalid='true'] {
    border-color: var(--_color-red);
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 18px;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    cursor: pointer;
  }
  .check input {
    margin: 0;
    accent-color: var(--_color-focus);
  }
  .preview {
    margin: 0 12px 12px;
    padding: 10px 12px;
    border: 1px solid var(--_color-border);
    border-radius: 6px;
    background: var(--_color-surface);
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  h3 {
    margin: 0;
    font-size: calc(var(--_font-size) + 1px);
    font-weight: 600;
  }
  .busy {
    color: var(--_color-text-muted);
    font-weight: 400;
  }
  .preview .values {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .preview .values li {
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    padding: 2px 8px;
    border: 1px solid var(--_color-border);
    border-radius: 10px;
    background: var(--_color-background);
  }
  .preview .values li.more {
    border-style: dashed;
    color: var(--_color-text-muted);
  }
  .value {
    color: var(--_color-text-muted);
  }
  .kind-empty {
    color: var(--_color-text);
  }
`;
