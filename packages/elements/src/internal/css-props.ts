/**
 * `cssProps({ width: '40%', '--stat-chars': '6' })`: sets an element's inline style through CSSOM
 * (`style.setProperty`) on every render, the first included. Lit's `styleMap` writes its first
 * render as a `style` attribute, which a strict Content-Security-Policy (`style-src 'self'`)
 * refuses; CSSOM writes are allowed, and a value that is not valid CSS for its property (say
 * `red;position:fixed`) is simply ignored by the browser, so nothing can break out of it.
 * Keys are camelCase or kebab-case property names, or custom properties; `undefined` removes.
 */
import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

export type CssProps = Readonly<Record<string, string | undefined>>;

class CssPropsDirective extends Directive {
  #applied = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssProps() belongs on an element: <div ${cssProps({...})}>');
  }

  render(_props: CssProps): unknown {
    return noChange;
  }

  override update(part: ElementPart, [props]: [CssProps]): unknown {
    const style = (part.element as HTMLElement).style;
    const next = new Set<string>();
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined) continue;
      const name = key.startsWith('--') || key.includes('-') ? key : key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      style.setProperty(name, value);
      next.add(name);
    }
    for (const name of this.#applied) if (!next.has(name)) style.removeProperty(name);
    this.#applied = next;
    return noChange;
  }
}

/** Inline style through CSSOM only (see the module comment). */
export const cssProps = directive(CssPropsDirective);
