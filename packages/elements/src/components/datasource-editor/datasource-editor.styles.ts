import { css } from 'lit';

/** The datasources form: a card per datasource with its test status; one column when narrow. */
export const datasourceEditorStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .form {
    display: flex;
    flex-direction: column;
    padding: 12px;
    margin: 0;
    background: var(--_color-background);
  }
  .required {
    color: var(--_color-red);
  }
  .datasources {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .title {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .badge {
    padding: 0 7px;
    border-radius: 9px;
    border: 1px solid var(--_color-border);
    background: var(--_color-surface);
    color: var(--_color-text-muted);
    font-size: calc(var(--_font-size) - 1px);
  }
  button.test {
    min-height: 28px;
    padding: 0 12px;
  }
  .status {
    margin: 0;
    color: var(--_color-text-muted);
  }
  .status.ok {
    color: var(--_color-green);
  }
  .status.error {
    color: var(--_color-red);
  }
  .status.ok::before {
    content: '● ';
  }
  .status.error::before {
    content: '▲ ';
  }
  .default-field {
    justify-content: center;
  }
  @container (max-width: 560px) {
    .grid-2,
    .grid-3 {
      grid-template-columns: 1fr;
    }
  }
`;
