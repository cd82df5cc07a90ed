/** What Share did, under the toolbar: the link was copied, or the link to copy by hand. */
import { html, type TemplateResult } from 'lit';

export interface ShareNote {
  url: string;
  /** Whether the clipboard took it. */
  copied: boolean;
}

export function renderShareNote(note: ShareNote, onClose: () => void): TemplateResult {
  const select = (e: Event) => (e.target as HTMLInputElement).select();
  return html`<div part="share-note" class="share-note" role="status">
    ${note.copied
      ? html`<span>Link copied: it opens this dashboard with its time range and variables.</span>`
      : html`<label
          >This browser did not allow copying: copy the link by hand
          <input readonly .value=${note.url} @focus=${select} @click=${select} />
        </label>`}
    <button class="icon close" aria-label="Close" title="Close" @click=${onClose}>×</button>
  </div>`;
}
