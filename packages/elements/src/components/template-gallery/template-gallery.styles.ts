import { css } from 'lit';

/** The gallery's own layout; fields, hints, problems and cards are the editors' shared form (editorFormStyles). */
export const templateGalleryStyles = css`
  :host {
    display: block;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
  }
  * {
    box-sizing: border-box;
  }
  [part='base'],
  .family > span {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .family > span {
    gap: 2px;
  }
  .families,
  .form,
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
    gap: 10px;
    margin: 0;
    padding: 0;
    border: none;
  }
  legend {
    padding: 0 0 6px;
    font-weight: 600;
  }
  .family {
    display: flex;
    gap: 8px;
    padding: 8px 10px;
    border: 1px solid var(--_color-border);
    border-radius: 6px;
    cursor: pointer;
  }
  .family.chosen {
    border-color: var(--_color-focus);
    background: var(--_color-surface);
  }
  .family input {
    flex: none;
    align-self: flex-start;
    margin: 2px 0 0;
    padding: 0;
    border: none;
    accent-color: var(--_color-focus);
  }
  .problem:empty {
    display: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 10px;
  }
  button.primary {
    min-height: 28px;
    color: #fff;
    background: var(--_color-focus);
    border-color: var(--_color-focus);
    font-weight: 600;
  }
  .cards {
    grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
    padding: 10px;
    list-style: none;
    background: var(--_color-surface);
    border-radius: 6px;
  }
  .ask {
    display: inline-flex;
    gap: 4px;
  }
  button.delete {
    min-height: 26px;
    color: var(--_color-text-muted);
    border-color: transparent;
    background: transparent;
  }
  .ask button.danger {
    color: var(--_color-red);
    border-color: var(--_color-red);
  }
  [hidden] {
    display: none;
  }
  .preview {
    display: block;
    height: var(--prom-template-preview-height, 180px);
  }
`;
