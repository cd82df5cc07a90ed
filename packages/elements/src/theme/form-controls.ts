/** The one look of buttons, selects and inputs that every element shares. */
import { css } from 'lit';

export const formControlStyles = css`
  svg.icon {
    vertical-align: -2px;
  }
  button,
  select,
  input {
    font: inherit;
    color: var(--_color-text);
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: 4px;
    padding: 3px 8px;
  }
  button {
    cursor: pointer;
  }
  :is(button, select, input):focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
`;
