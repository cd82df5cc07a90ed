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
    color: var(--prom-color-text);
    background: var(--prom-color-background);
    border: 1px solid var(--prom-color-border);
    border-radius: 4px;
    padding: 3px 8px;
  }
  button {
    cursor: pointer;
  }
  :is(button, select, input):focus-visible {
    outline: 2px solid var(--prom-color-focus);
    outline-offset: 1px;
  }
`;
