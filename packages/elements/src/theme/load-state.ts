/**
 * The loading, empty and failed states of the list-like views (`<p class="state">` and
 * `<div class="state error" role="alert">` with a message and Retry): muted text, and a red edge
 * for an error.
 */
import { css } from 'lit';

export const loadStateStyles = css`
  .state {
    margin: 0;
    padding: 16px;
    color: var(--_color-text-muted);
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .state.error {
    flex-direction: column;
    align-items: flex-start;
    color: var(--_color-text);
    border-left: 3px solid var(--_color-red);
  }
  .state.error p {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;
