/** Base class of promkit's elements: `define(tag)` registers once, however often it is called. */
import { LitElement } from 'lit';

export class PromElement extends LitElement {
  /** Registers the element under `tag` unless that name is already taken. */
  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }
}
