import { css } from 'lit';
import { popupItem, popupSurface } from '../../internal/header-extras.js';

export const panelStyles = css`
  :host {
    display: block;
    position: relative;
    height: 300px;
    min-height: 120px;
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    height: 100%;
    box-sizing: border-box;
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: var(--prom-panel-radius, 6px);
    overflow: hidden;
  }
  [part='header'] {
    display: flex;
    align-items: center;
    gap: 6px;
    height: 30px;
    flex: none;
    padding: 0 10px;
  }
  [part='title'] {
    flex: 0 1 auto;
    min-width: 0;
    font-weight: 600;
    font-size: calc(var(--_font-size) + 1px);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    color: var(--_color-text-muted);
  }
  /* Takes no room until the panel is hovered or the button focused: a narrow panel's title shows whole. */
  .view {
    border: 0;
    background: none;
    padding: 0;
    width: 0;
    overflow: hidden;
    color: var(--_color-text-muted);
    opacity: 0;
  }
  [part='base']:hover .view,
  .view:focus-visible {
    width: auto;
    padding: 0 4px;
    opacity: 1;
  }
  .badge {
    font: inherit;
    border: 1px solid var(--_color-yellow);
    color: var(--_color-yellow);
    background: transparent;
    border-radius: 10px;
    padding: 0 6px;
    line-height: 16px;
    cursor: help;
  }
  .annotation-marks {
    position: absolute;
    inset: 0 0 auto 0;
    height: 0;
  }
  .annotation-mark {
    position: absolute;
    top: 2px;
    width: 10px;
    height: 8px;
    padding: 0;
    border: 0;
    border-radius: 0;
    background: var(--mark-color);
    clip-path: polygon(0 0, 100% 0, 50% 100%);
    cursor: pointer;
  }
  .annotation-mark.region {
    height: 4px;
    border-radius: 2px;
    clip-path: none;
  }
  .annotation-mark:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
    clip-path: none;
  }
  .stream {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-size: 0.85em;
    color: var(--_color-text-muted);
    white-space: nowrap;
  }
  .stream .dot {
    width: 7px;
    height: 7px;
    border-radius: 50%;
    background: var(--_color-text-muted);
  }
  .stream[data-state='open'] .dot {
    background: var(--_color-green);
  }
  .stream[data-state='retrying'] {
    color: var(--_color-yellow);
  }
  .stream[data-state='retrying'] .dot {
    background: var(--_color-yellow);
  }
  .stream.problem[data-state='closed'] {
    color: var(--_color-red);
  }
  .stream.problem[data-state='closed'] .dot {
    background: var(--_color-red);
  }
  @media (prefers-reduced-motion: no-preference) {
    .stream[data-state='open'] .dot {
      animation: prom-live 2s ease-in-out infinite;
    }
  }
  @keyframes prom-live {
    50% {
      opacity: 0.35;
    }
  }
  [part='body'] {
    position: relative;
    flex: 1;
    min-height: 0;
    display: flex;
    padding: 0 8px 8px;
    container: panel-body / inline-size;
  }
  [part='body'].legend-right {
    flex-direction: row;
  }
  [part='body']:not(.legend-right) {
    flex-direction: column;
  }
  [part='chart'] {
    flex: 1;
    min-height: 0;
    min-width: 0;
    position: relative;
  }
  [part='chart'] .canvas {
    position: absolute;
    inset: 0;
    cursor: crosshair;
  }
  /* Chart tooltips: built as DOM by charts/tooltip.ts; ECharts positions the box. */
  .tooltip {
    display: grid;
    gap: 2px;
    min-width: 120px;
  }
  .tooltip-heading {
    margin-bottom: 2px;
    opacity: 0.75;
  }
  .tooltip-row {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  .tooltip-swatch {
    flex: none;
    width: 10px;
    height: 3px;
    border-radius: 2px;
  }
  .tooltip-name {
    flex: 1;
    overflow-wrap: break-word;
  }
  .heat-scale {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    font-size: 11px;
    color: var(--_color-text-muted);
  }
  .heat-bar {
    width: 120px;
    height: 8px;
    border-radius: 4px;
    border: 1px solid var(--_color-border);
  }
  /* The span being dragged to zoom (see charts/drag-zoom.ts). */
  .brush {
    position: absolute;
    pointer-events: none;
    background: color-mix(in srgb, var(--_color-text-muted) 18%, transparent);
    border-inline: 1px solid var(--_color-text-muted);
  }
  .brush[hidden] {
    display: none;
  }
  /* A clicked point's data links (render/point-links.ts), placed at the click by CSSOM. */
  .point-links {
    position: absolute;
    z-index: 6;
    box-sizing: border-box;
    max-width: min(24em, 100%);
    max-height: 100%;
    overflow: auto;
    padding: 4px 0;
    ${popupSurface}
    font-size: 0.9em;
    line-height: 1.4;
  }
  .point-links .point-head {
    padding: 2px 10px 4px;
    border-bottom: 1px solid var(--_color-border);
    overflow-wrap: anywhere;
  }
  .point-links .point-series {
    font-weight: 600;
  }
  .point-links .point-at {
    color: var(--_color-text-muted);
  }
  .point-links ul {
    margin: 0;
    padding: 2px 0 0;
    list-style: none;
  }
  .point-links a {
    ${popupItem}
  }
  .point-links a:hover,
  .point-links a:focus-visible {
    background: rgb(128 128 128 / 0.14);
    outline: none;
  }
  .skeleton {
    position: absolute;
    inset: 4px 0 0;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--_color-surface) 25%, var(--_color-grid) 50%, var(--_color-surface) 75%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  @keyframes shimmer {
    from {
      background-position: 200% 0;
    }
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .message {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 8px;
    padding: 12px;
    text-align: center;
    color: var(--_color-text-muted);
  }
  .message.error {
    color: var(--_color-red);
  }
  .message > * {
    /* Centred items are as wide as their text: never wider than the panel. */
    max-width: 100%;
    box-sizing: border-box;
  }
  .message .detail {
    max-width: min(60ch, 100%);
    color: var(--_color-text);
    /* Words wrap whole; only a word longer than the line (a URL) is broken. */
    overflow-wrap: break-word;
    max-height: 70%;
    overflow: auto;
  }
  .message .problems {
    margin: 0;
    padding-left: 1.2em;
    text-align: left;
  }
  .message .problems code {
    color: var(--_color-red);
  }
  @container panel-body (max-width: 260px) {
    .message {
      padding: 6px;
      gap: 4px;
      font-size: calc(var(--_font-size) - 1px);
    }
  }
  button {
    background: var(--_color-surface);
    padding: 2px 10px;
  }
  [part='legend'] {
    flex: none;
    max-height: 35%;
    overflow: auto;
    padding-top: 4px;
  }
  .legend-right [part='legend'] {
    max-height: none;
    max-width: 40%;
    padding: 0 0 0 8px;
  }
  /* A table beside the chart keeps every value column whole; long names give way (ellipsis). */
  .legend-right [part='legend']:has(table) {
    max-width: 60%;
  }
  [part='legend'] td:first-child {
    max-width: 24ch;
  }
  [part='legend'] td:first-child .legend-item {
    width: 100%;
  }
  [part='legend'] .legend-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part='legend'] th,
  [part='legend'] td {
    padding-inline: 6px;
  }
  /* Beside the chart, one name a line (as Grafana lists them). */
  .legend-right .legend-list {
    flex-direction: column;
    flex-wrap: nowrap;
  }
  .legend-list {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 12px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .legend-item {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    border: 0;
    background: none;
    padding: 1px 2px;
    color: var(--_color-text);
    cursor: pointer;
    max-width: 100%;
    text-align: start;
  }
  .legend-item[aria-pressed='false'] {
    opacity: 0.45;
  }
  .swatch {
    flex: none;
    width: 12px;
    height: 3px;
    border-radius: 2px;
  }
  /* State timeline and status history: a row a series, its states along the time axis. */
  .states {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding-top: 4px;
  }
  .state-rows {
    flex: 1;
    display: flex;
    flex-direction: column;
    min-height: 0;
  }
  .state-row,
  .state-axis {
    display: grid;
    grid-template-columns: var(--state-names, 8ch) 1fr;
    gap: 8px;
    align-items: center;
  }
  .state-row {
    flex: 1;
    min-height: 14px;
  }
  .state-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_color-text-muted);
  }
  .state-track {
    position: relative;
    align-self: stretch;
  }
  .state-span {
    position: absolute;
    top: calc((1 - var(--state-fill, 0.9)) * 50%);
    bottom: calc((1 - var(--state-fill, 0.9)) * 50%);
    display: flex;
    align-items: center;
    justify-content: center;
    overflow: hidden;
    border-inline-end: 1px solid var(--_color-background);
    box-sizing: border-box;
  }
  .state-text {
    padding: 0 4px;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .state-span.thin {
    border-inline-end: 0;
  }
  .state-tick.start {
    transform: none;
  }
  .state-tick.end {
    transform: translateX(-100%);
  }
  .state-axis .state-track {
    height: 1.4em;
    color: var(--_color-text-muted);
  }
  .state-tick {
    position: absolute;
    transform: translateX(-50%);
    white-space: nowrap;
  }
  /* A legend that only says what colours mean (nothing to toggle). */
  .legend-key {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 1px 2px;
  }
  /* A pie's slices: a square, not a line. */
  .swatch.slice {
    width: 10px;
    height: 10px;
  }
  .legend-value {
    color: var(--_color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .legend-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 3px 8px;
    text-align: start;
    border-bottom: 1px solid var(--_color-grid);
    white-space: nowrap;
  }
  th {
    position: sticky;
    top: 0;
    background: var(--_color-background);
    color: var(--_color-text-muted);
    font-weight: 600;
  }
  th button {
    border: 0;
    background: none;
    padding: 0;
    font-weight: 600;
    color: inherit;
  }
  td.number,
  th.number {
    text-align: end;
  }
  /* Value cells as their field's cellOptions ask (render/table-cell.ts). */
  td.cell-background {
    font-weight: 500;
  }
  td.cell-gauge {
    position: relative;
    min-width: 8em;
  }
  .cell-gauge-track {
    position: absolute;
    inset: 3px 4px;
    border-radius: 2px;
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  .cell-gauge-bar {
    display: block;
    height: 100%;
    border-radius: 2px;
    background: var(--gauge-color, var(--_color-blue));
    opacity: 0.85;
  }
  td.cell-gauge.gradient .cell-gauge-bar {
    background: linear-gradient(90deg, color-mix(in srgb, var(--gauge-color, var(--_color-blue)) 35%, transparent), var(--gauge-color, var(--_color-blue)));
  }
  td.cell-gauge.lcd .cell-gauge-bar {
    background: repeating-linear-gradient(90deg, var(--gauge-color, var(--_color-blue)) 0 6px, transparent 6px 8px);
  }
  .cell-gauge-text {
    position: relative;
    padding-inline: 4px;
    text-shadow: 0 0 3px var(--_color-surface);
  }
  tfoot th,
  tfoot td {
    border-top: 1px solid var(--_color-border);
    font-weight: 600;
  }
  .table-wrap {
    flex: 1;
    overflow: auto;
  }
  .table-note {
    margin: 0 0 4px;
    font-size: 0.8em;
    color: var(--_color-text-muted);
  }
  .stats {
    flex: 1;
    display: grid;
    gap: 8px;
    grid-auto-flow: column;
    grid-auto-columns: 1fr;
    min-height: 0;
  }
  .stat {
    position: relative;
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    justify-content: center;
    align-items: center;
    min-width: 0;
    border-radius: 4px;
    overflow: hidden;
  }
  .stat-line {
    position: relative;
    z-index: 1;
    display: inline-flex;
    align-items: baseline;
  }
  /*
   * How tall the value may be, as Grafana sizes it: most of the tile, less beside a name or above
   * a sparkline (cqh: the panel body's height, the stats' size container).
   */
  .stat {
    --stat-room: 60cqh;
  }
  .stat.has-name {
    --stat-room: 38cqh;
  }
  .stat.has-sparkline {
    --stat-room: 34cqh;
  }
  .stat.has-sparkline.has-name {
    --stat-room: 26cqh;
  }
  .stat-value {
    /* As tall as the room allows, but never wider than the stat: about 0.6 em per character. */
    font-size: max(10px, min(var(--stat-room), calc(150cqw / var(--stat-chars, 4))));
    font-weight: 600;
    line-height: 1.1;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .stat-unit {
    font-size: 0.6em;
    font-weight: 500;
    margin-left: 2px;
  }
  .stat-name {
    position: relative;
    z-index: 1;
    /* About half the value's size, as Grafana sizes a name over its value. */
    font-size: clamp(11px, min(calc(var(--stat-room) * 0.4), calc(85cqw / var(--stat-chars, 4))), 22px);
    color: var(--_color-text-muted);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    max-width: 100%;
  }
  .trend {
    font-size: clamp(10px, calc(var(--stat-room) * 0.3), 24px);
    margin-left: 4px;
  }
  .sparkline {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    width: 100%;
    height: 38%;
  }
  /* colorMode background: the tile takes the value's colour, the text one that reads on it. */
  .stat.background {
    border-radius: 4px;
    background: linear-gradient(120deg, color-mix(in srgb, var(--stat-bg) 70%, black), var(--stat-bg));
    color: var(--stat-fg);
  }
  .stat.background.solid {
    background: var(--stat-bg);
  }
  .stat.background .sparkline {
    opacity: 0.45;
  }
  .stat.background .stat-name {
    color: inherit;
    opacity: 0.85;
  }
  .stat.has-sparkline {
    padding-bottom: 34cqh;
  }
  .stats-wrap {
    flex: 1;
    display: flex;
    container-type: size;
    min-height: 0;
  }
  /* Bars share the panel's height; each row is a container, so a tall one puts its name above the bar. */
  .bars {
    flex: 1;
    display: grid;
    grid-auto-rows: minmax(22px, 1fr);
    gap: 6px;
    overflow: auto;
    min-height: 0;
  }
  .bar-row {
    container-type: size;
    min-height: 0;
  }
  .bar-layout {
    height: 100%;
    display: grid;
    grid-template-columns: minmax(60px, 30%) 1fr auto;
    grid-template-areas: 'name track value';
    align-items: center;
    gap: 0 8px;
  }
  .bar-layout .legend-name {
    grid-area: name;
    font-size: clamp(11px, 28cqh, 20px);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  @container (min-height: 46px) {
    .bar-layout {
      grid-template-columns: 1fr auto;
      grid-template-rows: auto 1fr;
      grid-template-areas: 'name name' 'track value';
    }
  }
  .bar-track {
    grid-area: track;
    align-self: stretch;
    margin-block: 2px;
    max-height: 300px;
    border-radius: 3px;
    background: var(--_color-grid);
    overflow: hidden;
  }
  .bar-fill {
    height: 100%;
    border-radius: 3px;
    background: var(--bar-color);
  }
  /* gradient and lcd: the field's colour scale along the whole bar, shown up to the value. */
  .bars.gradient .bar-fill,
  .bars.lcd .bar-fill {
    background: var(--bar-scale);
    background-size: calc(100% / var(--bar-share, 1)) 100%;
  }
  /* lcd: cells, lit up to the value, the rest of the scale dimmed. */
  .bars.lcd .bar-track {
    border-radius: 0;
    background: var(--bar-scale);
    position: relative;
    -webkit-mask: repeating-linear-gradient(90deg, #000 0 8px, transparent 8px 11px);
    mask: repeating-linear-gradient(90deg, #000 0 8px, transparent 8px 11px);
  }
  .bars.lcd .bar-track::before {
    content: '';
    position: absolute;
    inset: 0;
    background: color-mix(in srgb, var(--_color-surface) 80%, transparent);
  }
  .bars.lcd .bar-fill {
    position: relative;
    border-radius: 0;
  }
  .bar-value {
    grid-area: value;
    font-size: clamp(12px, 36cqh, 24px);
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    min-width: 6ch;
    text-align: end;
  }
  .markdown {
    flex: 1;
    overflow: auto;
    line-height: 1.5;
  }
  .markdown a {
    color: var(--_color-focus);
  }
  /* Alert list: a rule a row, its state in words on its colour. */
  .alerts,
  .alert-instances {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .alerts {
    flex: 1;
    overflow: auto;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .alert {
    --alert-color: var(--_color-red);
    padding: 6px 8px;
    border-left: 3px solid var(--alert-color);
    background: var(--_color-surface);
    border-radius: 0 4px 4px 0;
  }
  .alert.pending,
  .alert-instance.pending,
  .alert-stat.pending {
    --alert-color: var(--_color-orange);
  }
  .alert-head,
  .alert-instance {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 4px 10px;
  }
  .alert-state {
    font-weight: 600;
    color: var(--alert-color);
  }
  .alert-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .alert-since,
  .alert-count {
    color: var(--_color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .alert-summary {
    margin: 2px 0 0;
    color: var(--_color-text-muted);
    overflow-wrap: anywhere;
  }
  .alert-instances {
    margin-top: 4px;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .alert-instance {
    --alert-color: var(--_color-red);
    font-size: calc(var(--_font-size) - 1px);
  }
  .alert-label {
    padding: 0 4px;
    border: 1px solid var(--_color-border);
    border-radius: 3px;
    overflow-wrap: anywhere;
  }
  .alert-stat {
    --alert-color: var(--_color-red);
    flex: 1;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 4px;
  }
  .alert-stat.none {
    --alert-color: var(--_color-green);
  }
  .alert-stat-value {
    font-size: 40px;
    font-weight: 600;
    line-height: 1;
    color: var(--alert-color);
    font-variant-numeric: tabular-nums;
  }
  .alert-stat-label {
    color: var(--_color-text-muted);
  }
  /* Data links: a table value or a whole stat tile that opens its URL. */
  /* A table's links in the link colour, as Grafana shows them; on a coloured cell, the cell's colour. */
  td a.data-link {
    color: var(--_color-focus);
    text-decoration: underline;
    text-decoration-color: color-mix(in srgb, currentColor 45%, transparent);
    text-underline-offset: 2px;
  }
  td.cell-background a.data-link,
  td.color-text a.data-link {
    color: inherit;
  }
  a.stat.data-link {
    color: inherit;
    text-decoration: none;
    border-radius: 4px;
  }
  a.stat.data-link:hover .stat-value {
    text-decoration: underline;
    text-underline-offset: 4px;
  }
  a.data-link:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
`;
