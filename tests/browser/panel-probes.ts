/** What browser tests read off rendered panels. */
import type { PromPanel } from '@promkit/elements';

/** Every `<prom-panel>` under a root, inside dashboards' (and other elements') shadow roots too. */
export function panelsIn(root: Document | Element | ShadowRoot): PromPanel[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [
    ...(el.localName === 'prom-panel' ? [el as PromPanel] : []),
    ...(el.shadowRoot ? panelsIn(el.shadowRoot) : []),
  ]);
}

/** True when the panel's chart canvas has painted pixels (not all transparent). */
export function painted(panel: Element): boolean {
  const canvas = panel.shadowRoot!.querySelector('canvas');
  if (!canvas || canvas.width === 0) return false;
  const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
  return false;
}
