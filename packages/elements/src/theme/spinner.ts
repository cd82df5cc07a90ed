/** The small busy spinner (`<span class="spinner" aria-hidden="true">`) every element shows while it loads; still under reduced motion. */
import { css } from 'lit';

export const spinnerStyles = css`
  .spinner {
    display: inline-block;
    flex: none;
    width: 10px;
    height: 10px;
    border: 2px solid var(--_color-border);
    border-top-color: var(--_color-focus);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;
