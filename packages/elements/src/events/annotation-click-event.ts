import type { AnnotationEvent } from '@promkit/core';

/** Fired when an annotation's mark on a time series is clicked (or pressed with the keyboard): `detail.annotation` is the event. */
export class PromAnnotationClickEvent extends Event {
  static readonly type = 'prom-annotation-click';
  constructor(readonly detail: { annotation: AnnotationEvent }) {
    super(PromAnnotationClickEvent.type, { bubbles: true, composed: true });
  }
}
