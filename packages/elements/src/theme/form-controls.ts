/** The one look of buttons, selects and inputs that every element shares, and the visually-hidden class for text only screen readers read. */
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
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
