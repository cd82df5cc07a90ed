/**
 * Handles an event once it has reached every listener, and only if none canceled it: a host that
 * cancels a change event (to control the element itself) is obeyed whatever the order of listeners.
 */
export function onUncanceled<K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, handle: (event: HTMLElementEventMap[K]) => void): void {
  target.addEventListener(type, (event) =>
    queueMicrotask(() => {
      if (!event.defaultPrevented) handle(event);
    }),
  );
}
