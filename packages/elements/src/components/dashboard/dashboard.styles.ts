import { css } from 'lit';

export const dashboardStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
    background: var(--_color-surface);
    padding: var(--prom-dashboard-gap, 8px);
  }
  :host(:fullscreen) {
    overflow: auto;
  }
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
    margin-bottom: var(--prom-dashboard-gap, 8px);
  }
  .title {
    margin: 0 4px 0 0;
    font-size: calc(var(--_font-size) + 5px);
    font-weight: 600;
  }
  /* The title keeps its own width in the toolbar's row; the spacer takes the rest. */
  .dashboard-heading {
    flex: none;
    max-width: 100%;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin: 0 4px;
    padding: 0;
    list-style: none;
  }
  .tags > li {
    padding: 1px 6px;
    border: 1px solid var(--_color-border);
    border-radius: 9px;
    color: var(--_color-text-muted);
    font-size: 0.8em;
  }
  .spacer {
    flex: 1;
  }
  .annotation-toggle {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .annotation-toggle .swatch {
    width: 10px;
    height: 10px;
    border-radius: 2px;
  }
  .annotation-toggle[aria-pressed='false'] {
    color: var(--_color-text-muted);
    text-decoration: line-through;
  }
  .annotation-toggle[aria-pressed='false'] .swatch {
    opacity: 0.3;
  }
  .annotation-toggle.problem {
    border-color: var(--_color-red);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(24, minmax(0, 1fr));
    grid-auto-rows: var(--prom-grid-unit, 30px);
    gap: var(--prom-dashboard-gap, 8px);
    margin-bottom: var(--prom-dashboard-gap, 8px);
  }
  .grid > prom-panel {
    min-height: 0;
  }
  .row {
    margin: 8px 0;
    font-size: calc(var(--_font-size) + 2px);
  }
  .row button {
    border: 0;
    background: none;
    font-weight: 600;
    padding: 2px 0;
  }
  .viewed {
    height: calc(100vh - 80px);
    min-height: 300px;
  }
  [part='problems'] {
    padding: 16px;
    border: 1px solid var(--_color-red);
    border-radius: 6px;
    background: var(--_color-background);
    color: var(--_color-text);
  }
  [part='problems'] code {
    color: var(--_color-red);
  }
  [part='notice'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 16px;
    padding: 8px 12px;
    margin-bottom: var(--prom-dashboard-gap, 8px);
    border: 1px solid var(--_color-red);
    border-radius: 6px;
    background: var(--_color-background);
    color: var(--_color-text);
  }
  [part='notice'] > div {
    flex: 1 1 24ch;
    min-width: 0;
    overflow-wrap: break-word;
  }
  [part='notice'] strong {
    color: var(--_color-red);
    margin-right: 6px;
  }
  .notice-detail {
    margin-top: 2px;
    color: var(--_color-text-muted);
  }
  .share-note {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 8px 6px 12px;
    margin-bottom: var(--prom-dashboard-gap, 8px);
    border: 1px solid var(--_color-border);
    border-left: 3px solid var(--_color-focus);
    border-radius: 6px;
    background: var(--_color-background);
  }
  .share-note > :first-child {
    flex: 1;
    min-width: 0;
  }
  .share-note label {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
  }
  .share-note input {
    flex: 1 1 30ch;
    min-width: 0;
  }
  button.share {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .loading {
    padding: 16px;
    color: var(--_color-text-muted);
  }
  ::slotted(script) {
    display: none;
  }
`;
