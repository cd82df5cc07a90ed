import type { PromkitError } from '@promkit/core';

/** Fired when a panel's query (or one of its targets) fails; `refId` names the target. */
export class PromErrorEvent extends Event {
  static readonly type = 'prom-error';
  constructor(readonly detail: { error: PromkitError; refId?: string }) {
    super(PromErrorEvent.type, { bubbles: true, composed: true });
  }
}
