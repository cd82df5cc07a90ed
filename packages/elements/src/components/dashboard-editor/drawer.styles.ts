import { css } from 'lit';

/**
 * The edit drawers' modal `<dialog>`: docked to the right, full height, over a dimmed page. No
 * theme tokens of their own: they inherit the dashboard's resolved ones (`--_color-*`).
 */
export const drawerStyles = css`
  dialog {
    box-sizing: border-box;
    position: fixed;
    inset: 0 0 0 auto;
    margin: 0;
    width: min(1100px, 100vw);
    max-width: 100vw;
    height: 100%;
    max-height: 100%;
    padding: 0;
    border: none;
    border-left: 1px solid var(--_color-border);
    background: var(--_color-background);
    color: var(--_color-text);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    overflow: auto;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  h2 {
    margin: 0;
    padding: 12px 16px;
    font-size: 1.2em;
    font-weight: 600;
    border-bottom: 1px solid var(--_color-border);
  }
`;
