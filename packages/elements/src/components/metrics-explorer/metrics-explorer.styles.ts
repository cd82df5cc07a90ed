import { css } from 'lit';

/** The metrics explorer: a search box over a scrolling list of name, type badge and help. */
export const metricsExplorerStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
    --_metrics-explorer-height: var(--prom-metrics-explorer-height, 360px);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .explorer {
    display: flex;
    flex-direction: column;
    gap: 8px;
    background: var(--_color-background);
  }
  .search {
    position: relative;
    display: flex;
    align-items: center;
  }
  .glass {
    position: absolute;
    left: 9px;
    color: var(--_color-text-muted);
    pointer-events: none;
  }
  #filter {
    width: 100%;
    min-height: 32px;
    padding-left: 30px;
    padding-right: 84px;
    border-radius: 6px;
  }
  .count {
    position: absolute;
    right: 10px;
    color: var(--_color-text-muted);
    font-variant-numeric: tabular-nums;
    font-size: calc(var(--_font-size) - 1px);
    pointer-events: none;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 4px;
    max-height: var(--_metrics-explorer-height);
    overflow-y: auto;
    border: 1px solid var(--_color-border);
    border-radius: 6px;
    overscroll-behavior: contain;
  }
  .option {
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: 6px 8px;
    border-radius: 4px;
    border-left: 2px solid transparent;
    cursor: pointer;
  }
  .option:hover {
    background: var(--_color-surface);
  }
  .option[aria-selected='true'] {
    background: color-mix(in srgb, var(--_color-focus) 12%, var(--_color-background));
    border-left-color: var(--_color-focus);
  }
  .line {
    display: flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
  }
  .name {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: calc(var(--_font-size) + 0.5px);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
  }
  .help {
    color: var(--_color-text-muted);
    overflow: hidden;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    line-height: 1.4;
  }
  mark {
    color: inherit;
    background: color-mix(in srgb, var(--_color-yellow) 30%, transparent);
    border-radius: 2px;
  }
  .type {
    flex: none;
    padding: 0 6px;
    border-radius: 9px;
    font-size: calc(var(--_font-size) - 1.5px);
    line-height: 16px;
    font-weight: 500;
    border: 1px solid color-mix(in srgb, currentColor 45%, transparent);
    background: color-mix(in srgb, currentColor 9%, transparent);
    color: var(--_color-text-muted);
  }
  .type.unknown {
    border-color: transparent;
    background: transparent;
    font-style: italic;
    font-weight: 400;
  }
  .type.counter {
    color: var(--_color-blue);
  }
  .type.gauge {
    color: var(--_color-green);
  }
  .type.histogram {
    color: var(--_color-purple);
  }
  .type.summary {
    color: var(--_color-orange);
  }
  .unit {
    flex: none;
    color: var(--_color-text-muted);
    font-size: calc(var(--_font-size) - 1px);
  }
  .more,
  .notice {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: calc(var(--_font-size) - 0.5px);
  }
  .more {
    text-align: center;
  }
  .state {
    margin: 0;
    padding: 24px 12px;
    text-align: center;
    color: var(--_color-text-muted);
    border: 1px dashed var(--_color-border);
    border-radius: 6px;
  }
  .state.error {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 10px;
    color: var(--_color-red);
    border-style: solid;
    border-color: color-mix(in srgb, var(--_color-red) 40%, var(--_color-border));
  }
  .state.error p {
    margin: 0;
  }
  .retry {
    min-height: 28px;
    padding: 0 14px;
  }
  .retry:hover {
    background: var(--_color-surface);
  }
  .loading {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
  }
`;
