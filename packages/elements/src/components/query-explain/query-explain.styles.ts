import { css } from 'lit';

/** The query explainer: a header with the run's status, then the tree of parts with connectors. */
export const queryExplainStyles = css`
  :host {
    display: block;
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
  .explain {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 12px;
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: 8px;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 10px;
    min-height: 28px;
  }
  .title {
    margin: 0;
    font-size: calc(var(--_font-size) + 1px);
    font-weight: 600;
  }
  .status {
    flex: 1 1 200px;
    min-width: 0;
    color: var(--_color-text-muted);
  }
  .rerun {
    min-height: 26px;
    padding: 0 12px;
  }
  .rerun:hover:not(:disabled) {
    background: var(--_color-surface);
  }
  .rerun:disabled {
    opacity: 0.55;
    cursor: default;
  }
  .tree,
  .group,
  .samples {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .group {
    padding-left: 22px;
  }
  /* Connectors: a vertical line down the siblings, a tick to each row, stopping at the last one. */
  .group > li {
    position: relative;
  }
  .group > li::before {
    content: '';
    position: absolute;
    left: -13px;
    top: 0;
    bottom: 0;
    border-left: 1px solid var(--_color-border);
  }
  .group > li:last-child::before {
    bottom: auto;
    height: 14px;
  }
  .group > li::after {
    content: '';
    position: absolute;
    left: -13px;
    top: 14px;
    width: 10px;
    border-top: 1px solid var(--_color-border);
  }
  [role='treeitem'] {
    outline: none;
  }
  /* The result stays on the label's line when both fit, else it wraps under it, right-aligned. */
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 8px;
    min-height: 28px;
    padding: 0 8px 0 4px;
    border-radius: 5px;
    border: 1px solid transparent;
  }
  .row:hover {
    background: var(--_color-surface);
  }
  [role='treeitem']:focus-visible > .row {
    border-color: var(--_color-focus);
    box-shadow: 0 0 0 1px var(--_color-focus);
    background: color-mix(in srgb, var(--_color-focus) 8%, var(--_color-background));
  }
  .toggle {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 16px;
    height: 16px;
    color: var(--_color-text-muted);
    cursor: pointer;
    border-radius: 3px;
  }
  .toggle.leaf {
    cursor: default;
  }
  .toggle svg {
    transition: transform 0.12s;
  }
  [aria-expanded='true'] > .row > .toggle svg {
    transform: rotate(90deg);
  }
  .kind {
    flex: none;
    min-width: 64px;
    padding: 0 6px;
    border-radius: 9px;
    font-size: calc(var(--_font-size) - 1.5px);
    line-height: 16px;
    font-weight: 500;
    text-align: center;
    color: var(--_color-text-muted);
    border: 1px solid color-mix(in srgb, currentColor 40%, transparent);
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  .kind.selector,
  .kind.range-selector {
    color: var(--_color-blue);
  }
  .kind.function,
  .kind.aggregation,
  .kind.subquery {
    color: var(--_color-purple);
  }
  .kind.binary {
    color: var(--_color-orange);
  }
  .label {
    flex: 1 1 auto;
    min-width: 0;
    max-width: 100%;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: calc(var(--_font-size) + 0.5px);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .result {
    flex: none;
    margin-left: auto;
    display: inline-flex;
    align-items: center;
    gap: 8px;
    font-variant-numeric: tabular-nums;
  }
  .count {
    font-weight: 600;
    color: var(--_color-green);
  }
  .count.zero {
    color: var(--_color-yellow);
  }
  .count.bad {
    color: var(--_color-red);
  }
  .note {
    padding: 0 6px;
    border-radius: 9px;
    line-height: 16px;
    font-size: calc(var(--_font-size) - 1px);
    color: var(--_color-yellow);
    background: color-mix(in srgb, currentColor 12%, transparent);
  }
  .origin > .row {
    background: color-mix(in srgb, var(--_color-red) 9%, var(--_color-background));
    border-color: color-mix(in srgb, var(--_color-red) 45%, transparent);
  }
  .origin > .row .count.zero,
  .origin > .row .note {
    color: var(--_color-red);
  }
  .empty > .row .label {
    color: var(--_color-text-muted);
  }
  .ms,
  .muted {
    color: var(--_color-text-muted);
    font-weight: 400;
  }
  .ms {
    min-width: 52px;
    text-align: right;
    font-size: calc(var(--_font-size) - 1px);
  }
  .samples {
    padding: 0 0 4px 100px;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: calc(var(--_font-size) - 1px);
    color: var(--_color-text-muted);
  }
  .samples li {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    line-height: 1.55;
  }
  .samples .more {
    font-family: var(--_font-family);
    font-style: italic;
  }
  .error-text {
    margin: 0 0 4px 100px;
    color: var(--_color-red);
    overflow-wrap: anywhere;
  }
  .state,
  .notice {
    margin: 0;
    color: var(--_color-text-muted);
  }
  .state {
    padding: 20px 12px;
    text-align: center;
    border: 1px dashed var(--_color-border);
    border-radius: 6px;
  }
  .state.error {
    color: var(--_color-red);
    border-style: solid;
    border-color: color-mix(in srgb, var(--_color-red) 40%, var(--_color-border));
  }
  @media (prefers-reduced-motion: reduce) {
    .toggle svg {
      transition: none;
    }
  }
`;
