import type { PromPanel } from '@promkit/elements';

/** Every `<prom-panel>` under a root, inside dashboards' (and other elements') shadow roots too. */
export function panelsIn(root: Document | Element | ShadowRoot): PromPanel[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [
    ...(el.localName === 'prom-panel' ? [el as PromPanel] : []),
    ...(el.shadowRoot ? panelsIn(el.shadowRoot) : []),
  ]);
}
