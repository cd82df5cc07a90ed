import { css } from 'lit';

/** The edit toolbar, the live region and the panel menu (in the editor's own shadow root). */
export const editorStyles = css`
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
    margin-bottom: var(--prom-dashboard-gap, 8px);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 10px;
    padding: 6px 8px;
    border: 1px solid color-mix(in srgb, var(--_color-focus) 45%, var(--_color-border));
    border-radius: var(--prom-panel-radius, 6px);
    background: color-mix(in srgb, var(--_color-focus) 7%, var(--_color-background));
  }
  .badge {
    font-weight: 600;
    color: var(--_color-focus);
    padding-right: 4px;
  }
  .group {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .status {
    flex: 1 1 0;
    min-width: 8ch;
    text-align: right;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    color: var(--_color-text-muted);
  }
  .save-problem {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 12px;
    margin: 0 0 var(--prom-dashboard-gap, 8px);
    padding: 6px 8px 6px 12px;
    border: 1px solid var(--_color-red);
    border-radius: 6px;
    background: var(--_color-background);
  }
  .save-problem > span {
    flex: 1 1 30ch;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .hint {
    color: var(--_color-focus);
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button.primary {
    background: var(--_color-focus);
    border-color: var(--_color-focus);
    color: var(--_color-background);
    font-weight: 600;
  }
  svg.icon {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .menu {
    position: fixed;
    z-index: 20;
    min-width: 160px;
    display: flex;
    flex-direction: column;
    padding: 4px;
    border: 1px solid var(--_color-border);
    border-radius: 6px;
    background: var(--_color-background);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.25);
  }
  .menu button {
    border: 0;
    text-align: left;
    padding: 6px 10px;
    border-radius: 4px;
  }
  .menu button:hover,
  .menu button:focus-visible {
    background: var(--_color-surface);
  }
  .menu button.danger {
    color: var(--_color-red);
  }
`;

/**
 * Column guides on the dashboard's grids while editing. The grids are in the dashboard's shadow
 * root, so the editor adopts this sheet there while it is connected; the viewer carries none of it.
 */
export const gridGuideStyles = css`
  .grid {
    background-image: linear-gradient(to right, color-mix(in srgb, var(--_color-border) 35%, transparent) 1px, transparent 1px);
    background-size: calc((100% + var(--prom-dashboard-gap, 8px)) / 24) 100%;
  }
`;

/** `<prom-edit-frame>`: the frame over a panel and its handles. */
export const frameStyles = css`
  :host {
    display: block;
    position: relative;
    z-index: 1;
    pointer-events: none;
    border: 1px dashed color-mix(in srgb, var(--_color-focus) 55%, transparent);
    border-radius: var(--prom-panel-radius, 6px);
    min-height: 0;
  }
  :host(:hover),
  :host(:focus-within) {
    border-style: solid;
    border-color: var(--_color-focus);
  }
  :host([data-active]) {
    border: 2px dashed var(--_color-focus);
    background: color-mix(in srgb, var(--_color-focus) 16%, transparent);
  }
  button {
    position: absolute;
    pointer-events: auto;
    display: grid;
    place-items: center;
    padding: 0;
    border: 1px solid var(--_color-border);
    background: var(--_color-background);
    color: var(--_color-text-muted);
    touch-action: none;
  }
  button:hover,
  button:focus-visible {
    color: var(--_color-text);
    border-color: var(--_color-focus);
  }
  button:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
  svg {
    width: 14px;
    height: 14px;
    fill: currentColor;
  }
  /* A pill on the frame's top edge, half in the gap above: clear of the panel's title, however narrow the panel. */
  .drag-handle {
    top: -9px;
    left: 50%;
    transform: translateX(-50%);
    width: 40px;
    height: 16px;
    border-radius: 8px;
    cursor: grab;
  }
  .drag-handle svg {
    transform: rotate(90deg);
  }
  :host([data-active]) .drag-handle {
    cursor: grabbing;
  }
  .menu-button {
    top: 4px;
    right: 4px;
    width: 24px;
    height: 22px;
    border-radius: 4px;
  }
  .resize-handle {
    right: -1px;
    bottom: -1px;
    width: 20px;
    height: 20px;
    border-radius: 6px 0 6px 0;
    cursor: nwse-resize;
  }
  .resize-handle svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.6;
    stroke-linecap: round;
  }
`;
