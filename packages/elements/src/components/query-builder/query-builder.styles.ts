import { css } from 'lit';

/** The visual query builder: stacked blocks (metric, filters, operations, binary queries, offset, patterns, preview) that fit a 360 px form column. */
export const queryBuilderStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
    --_code-font-family: var(--prom-code-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .builder {
    display: flex;
    flex-direction: column;
    gap: 16px;
    padding: 12px;
    background: var(--_color-background);
  }
  :host([nested]) .builder {
    padding: 10px 0 0 12px;
    gap: 12px;
    background: transparent;
    border-left: 2px solid color-mix(in srgb, var(--_color-focus) 45%, var(--_color-border));
  }
  .block {
    display: flex;
    flex-direction: column;
    gap: 6px;
    min-width: 0;
  }
  .block-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    min-height: 26px;
  }
  .block-title {
    font-weight: 600;
    color: var(--_color-text);
  }
  .empty {
    font-size: calc(var(--_font-size) - 0.5px);
  }

  /* metric */
  .metric-row {
    display: flex;
    gap: 6px;
  }
  .combo {
    position: relative;
    flex: 1;
    min-width: 0;
  }
  #metric {
    width: 100%;
    min-height: 30px;
    font-family: var(--_code-font-family);
    font-size: calc(var(--_font-size) + 0.5px);
  }
  .browse {
    display: inline-flex;
    align-items: center;
    gap: 5px;
    min-height: 30px;
    padding: 0 10px;
  }
  .metric-list {
    position: absolute;
    z-index: 10;
    top: calc(100% + 2px);
    left: 0;
    right: 0;
    max-height: 280px;
    overflow-y: auto;
    margin: 0;
    padding: 4px;
    list-style: none;
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: 6px;
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.16);
  }
  .metric-list li {
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 5px 8px;
    border-radius: 4px;
    cursor: pointer;
  }
  .metric-list li:hover {
    background: var(--_color-surface);
  }
  .metric-list li[aria-selected='true'] {
    background: color-mix(in srgb, var(--_color-focus) 14%, var(--_color-background));
  }
  .option-name {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-family: var(--_code-font-family);
  }
  mark {
    color: inherit;
    background: color-mix(in srgb, var(--_color-yellow) 30%, transparent);
    border-radius: 2px;
  }
  .about {
    display: flex;
    align-items: baseline;
    gap: 6px;
    margin: 0;
    min-height: 16px;
    color: var(--_color-text-muted);
    font-size: calc(var(--_font-size) - 0.5px);
  }
  .about-help {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
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

  /* label filters */
  .filters,
  .operations,
  .binaries {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .operations,
  .binaries {
    gap: 8px;
  }
  .filter {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 58px minmax(0, 1.3fr) 28px;
    gap: 6px;
    align-items: center;
  }
  .filter input,
  .filter select {
    min-height: 28px;
    width: 100%;
  }
  .filter-label,
  .filter-value {
    font-family: var(--_code-font-family);
  }
  .filter-op {
    font-family: var(--_code-font-family);
    padding-inline: 4px;
  }

  /* operations */
  .card.op:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
  .card {
    background: var(--_color-surface);
    padding: 8px 10px 10px;
  }
  .card .title {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .card-head button.icon {
    width: 26px;
    height: 26px;
    background: var(--_color-background);
  }
  .params {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 10px;
    align-items: flex-start;
  }
  .params > .field {
    flex: 1 1 140px;
  }
  .params > .field.narrow input {
    max-width: 180px;
  }
  .params.scalar > .field:first-child {
    flex: 1 1 170px;
    max-width: 280px;
  }
  .params.scalar > .field:nth-child(2) {
    flex: 1 1 90px;
    max-width: 180px;
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    flex: 1 1 100%;
  }
  .grouping {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 10px;
    flex: 1 1 100%;
    align-items: flex-start;
  }
  .grouping .mode {
    flex: 0 1 130px;
  }
  .grouping .labels {
    flex: 1 1 180px;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
    min-height: 28px;
    padding: 2px 4px;
    border: 1px solid var(--_color-border);
    border-radius: 4px;
    background: var(--_color-background);
  }
  .chips:focus-within {
    outline: 2px solid var(--_color-focus);
    outline-offset: 1px;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    padding: 0 2px 0 8px;
    border: 1px solid var(--_color-border);
    border-radius: 10px;
    background: var(--_color-surface);
    font-family: var(--_code-font-family);
    line-height: 18px;
  }
  .chip button {
    display: inline-grid;
    place-items: center;
    width: 18px;
    height: 18px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_color-text-muted);
  }
  .chip button:hover {
    color: var(--_color-red);
  }
  .chip svg.icon {
    width: 11px;
    height: 11px;
    vertical-align: 0;
  }
  input.chip-input {
    flex: 1;
    min-width: 90px;
    min-height: 22px;
    width: auto;
    padding: 1px 4px;
    border: 0;
    background: transparent;
    font-family: var(--_code-font-family);
  }
  input.chip-input:focus-visible {
    outline: none;
  }
  .add-select {
    width: auto;
    max-width: 60%;
    field-sizing: content;
    min-height: 26px;
    cursor: pointer;
  }
  .add-select option,
  .add-select optgroup {
    color: var(--_color-text);
    background: var(--_color-background);
    font-weight: 400;
  }
  .add-select optgroup {
    font-weight: 600;
  }

  /* binary queries */
  .card.binary > .card-head {
    flex-wrap: wrap;
  }
  .field.inline {
    flex-direction: row;
    align-items: center;
    gap: 6px;
  }
  .field.inline {
    flex: 0 1 auto;
  }
  .field.inline select {
    width: auto;
    max-width: 100%;
    field-sizing: content;
  }
  .card.binary .ref {
    font-family: var(--_code-font-family);
  }

  /* offset, patterns, preview */
  .options .field input {
    max-width: 220px;
  }
  button.disclose {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 4px 2px 0;
    border: 0;
    background: transparent;
    font-weight: 600;
  }
  button.disclose:hover {
    background: transparent;
    color: var(--_color-focus);
  }
  .pattern-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(190px, 1fr));
    gap: 6px;
  }
  .pattern-list > .hint {
    grid-column: 1 / -1;
  }
  button.pattern {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 2px;
    padding: 8px 10px;
    border-radius: 6px;
    text-align: left;
  }
  button.pattern:hover:not(:disabled) {
    border-color: var(--_color-focus);
  }
  .pattern-about {
    overflow-wrap: anywhere;
    color: var(--_color-text-muted);
    font-size: calc(var(--_font-size) - 0.5px);
    line-height: 1.35;
  }
  .preview-block {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding-top: 12px;
    border-top: 1px solid var(--_color-border);
  }
  .preview {
    display: block;
    padding: 8px 10px;
    border: 1px solid var(--_color-border);
    border-radius: 6px;
    background: var(--_color-surface);
    font-family: var(--_code-font-family);
    font-size: calc(var(--_font-size) + 0.5px);
    line-height: 1.5;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .preview code {
    font: inherit;
  }

  /* metrics explorer dialog */
  dialog.browse {
    width: min(680px, calc(100vw - 32px));
    padding: 12px;
    border: 1px solid var(--_color-border);
    border-radius: 8px;
    background: var(--_color-background);
    color: var(--_color-text);
    box-shadow: 0 16px 48px rgb(0 0 0 / 0.3);
  }
  dialog.browse::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .dialog-head {
    display: flex;
    align-items: center;
    gap: 8px;
    margin-bottom: 10px;
  }
  @container (max-width: 400px) {
    .filter {
      grid-template-columns: minmax(0, 1fr) 52px minmax(0, 1.2fr) 28px;
      gap: 4px;
    }
    .browse span {
      display: none;
    }
  }
`;
