import { css } from 'lit';

/** The dashboard list: a search box over rows of title and tags, version and time, and actions. */
export const dashboardListStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
  }
  .list {
    display: flex;
    flex-direction: column;
    gap: 8px;
    background: var(--_color-background);
  }
  #search {
    width: 100%;
    max-width: 420px;
    min-height: 30px;
  }
  .status:empty {
    display: none;
  }
  .status {
    margin: 0;
    color: var(--_color-text-muted);
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_color-border);
    border-radius: 6px;
  }
  .item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 12px;
    padding: 8px 12px;
  }
  .item + .item {
    border-top: 1px solid var(--_color-border);
  }
  .item:hover {
    background: var(--_color-surface);
  }
  .what {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    flex: 1 1 240px;
    min-width: 0;
  }
  .open {
    border: 0;
    background: none;
    padding: 0;
    font-weight: 600;
    color: inherit;
    cursor: pointer;
    text-align: left;
    overflow-wrap: anywhere;
  }
  .open:hover {
    text-decoration: underline;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .tag {
    padding: 0 6px;
    border-radius: 3px;
    border: 1px solid var(--_color-border);
    background: var(--_color-surface);
    color: var(--_color-text-muted);
    font-size: calc(var(--_font-size) - 1px);
  }
  .meta,
  .ask {
    color: var(--_color-text-muted);
    font-size: calc(var(--_font-size) - 1px);
    font-variant-numeric: tabular-nums;
  }
  .actions {
    display: flex;
    align-items: center;
    gap: 6px;
    margin-left: auto;
  }
  .danger {
    color: var(--_color-red);
    border-color: var(--_color-red);
  }
`;
