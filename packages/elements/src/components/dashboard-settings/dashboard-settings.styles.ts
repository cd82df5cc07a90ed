import { css } from 'lit';

/** The settings form: sections of labelled fields, chips for tags, a card per link; one column when narrow. */
export const dashboardSettingsStyles = css`
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
    gap: 12px;
    padding: 12px;
    margin: 0;
    background: var(--_color-background);
  }
  .required {
    color: var(--_color-red);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
    padding: 3px 4px;
    min-height: 30px;
    border: 1px solid var(--_color-border);
    border-radius: 4px;
    background: var(--_color-background);
  }
  .chips:focus-within {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
  .chip-list {
    display: contents;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    padding: 1px 2px 1px 8px;
    border-radius: 11px;
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    max-width: 100%;
  }
  .chip span {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  button.chip-remove {
    width: 18px;
    height: 18px;
    min-height: 0;
    padding: 0;
    border: 0;
    border-radius: 50%;
    line-height: 1;
    background: transparent;
  }
  .chips input[type='text'] {
    flex: 1;
    min-width: 120px;
    width: auto;
    border: 0;
    outline: 0;
    background: transparent;
  }
  .links {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  @container (max-width: 520px) {
    .grid-2,
    .grid-3 {
      grid-template-columns: 1fr;
    }
  }
`;
