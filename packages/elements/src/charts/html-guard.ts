/**
 * ECharts and zrender empty their containers with `el.innerHTML = ''` (the chart's root when it is
 * created and disposed, the tooltip before new content). Under Trusted Types any string written
 * to `innerHTML` is refused, the empty one too. This gives the elements promkit hands to ECharts
 * an `innerHTML` of their own: emptying clears the children through the DOM, and any other HTML
 * string is refused, so no markup can enter the chart path whatever a formatter returns.
 */
const native = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;

/** Guards `el` and every element later appended to it directly (the tooltip, the layers). */
export function refuseHtmlStrings(el: HTMLElement): void {
  if (Object.prototype.hasOwnProperty.call(el, 'innerHTML')) return;
  Object.defineProperty(el, 'innerHTML', {
    configurable: true,
    get(this: HTMLElement) {
      return native.get!.call(this) as string;
    },
    set(this: HTMLElement, value: unknown) {
      if (value === '' || value === null || value === undefined) {
        this.replaceChildren();
        return;
      }
      throw new TypeError('promkit: refused to write an HTML string into a chart; chart content is built as DOM.');
    },
  });
  const append = el.appendChild.bind(el);
  Object.defineProperty(el, 'appendChild', {
    configurable: true,
    value<T extends Node>(child: T): T {
      if (child instanceof HTMLElement) refuseHtmlStrings(child);
      return append(child);
    },
  });
}
