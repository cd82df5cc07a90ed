import { css } from 'lit';

export const panelEditorStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    box-sizing: border-box;
    height: 100%;
    min-height: 480px;
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
    display: flex;
    flex-direction: column;
    height: 100%;
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: 6px;
    overflow: hidden;
  }
  .unreadable {
    padding: 16px;
    color: var(--_color-red);
  }
  .columns {
    flex: 1;
    min-height: 0;
    display: grid;
    grid-template-columns: minmax(320px, 5fr) 7fr;
  }
  .form {
    order: 1;
    overflow: auto;
    padding: 12px;
    display: flex;
    flex-direction: column;
    gap: 12px;
    border-right: 1px solid var(--_color-border);
  }
  .preview {
    order: 2;
    padding: 12px;
    background: var(--_color-surface);
    min-width: 0;
  }
  .preview prom-panel {
    position: sticky;
    top: 0;
    height: var(--prom-panel-editor-preview-height, 320px);
  }
  @container (max-width: 720px) {
    .columns {
      grid-template-columns: 1fr;
      grid-template-rows: auto 1fr;
    }
    .preview {
      order: 0;
      border-bottom: 1px solid var(--_color-border);
    }
    .preview prom-panel {
      height: var(--prom-panel-editor-preview-height, 240px);
    }
    .form {
      border-right: 0;
    }
  }

  .steps {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .step {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(70px, 0.8fr) auto;
    gap: 6px;
    align-items: center;
  }
  .base {
    padding: 0 8px;
    color: var(--_color-text-muted);
  }
  .property {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 6px;
    align-items: end;
  }
  .color-input {
    display: flex;
    gap: 4px;
    min-width: 0;
  }
  .color-input input[type='color'] {
    flex: none;
    width: 32px;
    height: 28px;
    padding: 2px;
    cursor: pointer;
  }
  .color-input input[type='text'] {
    flex: 1;
    min-width: 0;
  }

  [part='footer'] {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 8px;
    padding: 10px 12px;
    border-top: 1px solid var(--_color-border);
    background: var(--_color-background);
  }
  .status {
    flex: 1;
    color: var(--_color-red);
  }
  [part='footer'] button {
    min-height: 30px;
    padding: 4px 16px;
    font-weight: 500;
  }
  button.primary {
    color: #fff;
    background: var(--_color-focus);
    border-color: var(--_color-focus);
  }
  button.primary:hover {
    filter: brightness(1.08);
    background: var(--_color-focus);
  }
  .query-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  .query-head .label {
    font-weight: 500;
  }
  .segmented {
    display: inline-flex;
    border: 1px solid var(--_color-border);
    border-radius: 6px;
    overflow: hidden;
  }
  .segmented button {
    border: 0;
    border-radius: 0;
    padding: 2px 10px;
    background: transparent;
    color: var(--_color-text-muted);
  }
  .segmented button + button {
    border-left: 1px solid var(--_color-border);
  }
  .segmented button.on {
    background: var(--_color-surface);
    color: var(--_color-text);
    font-weight: 600;
  }
  .card.muted prom-query-editor,
  .card.muted prom-query-builder {
    opacity: 0.6;
  }
`;
