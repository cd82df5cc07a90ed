/** A streaming panel's header badge: live, connecting, retrying (with the wait and why) or closed (with why). */
import { html, nothing, type TemplateResult } from 'lit';
import type { StreamStatus } from '@promkit/core';

export function renderStreamBadge(status: StreamStatus | undefined): TemplateResult | typeof nothing {
  if (!status) return nothing;
  const why = status.error?.message;
  const text =
    status.state === 'open'
      ? 'Live'
      : status.state === 'connecting'
        ? 'Connecting…'
        : status.state === 'retrying'
          ? `Retrying in ${Math.max(1, Math.round((status.retryInMs ?? 0) / 1000))} s`
          : why
            ? 'Stream stopped'
            : 'Paused';
  const label = `${text}${why ? `: ${why}` : ''}`;
  return html`<span class=${why ? 'stream problem' : 'stream'} part="stream" data-state=${status.state} role="status" tabindex=${why ? '0' : nothing} title=${label} aria-label=${`Stream ${label}`}
    ><span class="dot" aria-hidden="true"></span>${text}</span
  >`;
}
