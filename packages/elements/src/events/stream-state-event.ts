import type { StreamStatus } from '@promkit/core';

/**
 * Fired on a dashboard each time a host datasource's stream changes state: connecting, open,
 * retrying (with `retryInMs` and the `error`), or closed (no panel listens, or the server refused).
 */
export class PromStreamStateEvent extends Event {
  static readonly type = 'prom-stream-state';
  constructor(readonly detail: StreamStatus & { datasource: string }) {
    super(PromStreamStateEvent.type, { bubbles: true, composed: true });
  }
}
