import type { TargetResult } from '@promkit/core';

/** Fired when a panel has new data (after each query, including refreshes). */
export class PromDataEvent extends Event {
  static readonly type = 'prom-data';
  constructor(readonly detail: { targets: TargetResult[] }) {
    super(PromDataEvent.type, { bubbles: true, composed: true });
  }
}
