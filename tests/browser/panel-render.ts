/** Rendering `<prom-panel>`s in browser tests: a stage to hold them, and a panel once it has data. */

/** A white grid of two 560 px columns, appended to the page, that tests render panels into. */
export function panelStage(): HTMLElement {
  const stage = document.createElement('div');
  stage.style.cssText = 'display:grid;grid-template-columns:repeat(2, 560px);gap:12px;padding:12px;background:#fff';
  document.body.append(stage);
  return stage;
}

/**
 * Renders a `<prom-panel>` 280 px high into `stage` with `attributes`, after `setup` (to set
 * properties such as `spec`), and waits until it has data or an error, has updated and a frame
 * has passed. The caller imports the element's definition and names its class as `P`.
 */
export async function renderPanel<P extends HTMLElement & { updateComplete: Promise<boolean> }>(
  stage: HTMLElement,
  attributes: Record<string, string>,
  setup?: (panel: P) => void,
): Promise<P> {
  const el = document.createElement('prom-panel') as unknown as P;
  el.style.height = '280px';
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  setup?.(el);
  const settled = new Promise((resolve) => {
    el.addEventListener('prom-data', resolve, { once: true });
    el.addEventListener('prom-error', resolve, { once: true });
  });
  stage.append(el);
  await settled;
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  return el;
}
