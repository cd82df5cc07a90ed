/**
 * Chart tooltips as text content, rendered as DOM. ECharts takes a formatter's HTML string and
 * assigns it with `innerHTML`, which strict CSP with Trusted Types refuses and which would make
 * every label value a markup risk; a formatter that returns an element is appended as it is. The
 * option builders compute the content (plain text, testable without a DOM); `domTooltip` builds
 * the element with text nodes and classes styled by the panel, and CSSOM for the swatch colour.
 */

/** What a tooltip shows: a heading (the time) and one row per series, all plain text. */
export interface TooltipContent {
  heading: string;
  rows: TooltipRow[];
}

export interface TooltipRow {
  /** The series colour, for the swatch; applied only if it is a colour. */
  color?: string | undefined;
  name: string;
  value: string;
}

/** Turns tooltip content into what the chart shows (an element in browsers). */
export type TooltipRenderer = (content: TooltipContent) => HTMLElement;

/** The tooltip as an element: text nodes only, so no label value is ever parsed as markup. */
export const domTooltip: TooltipRenderer = (content) => {
  const root = element('div', 'tooltip');
  root.append(element('div', 'tooltip-heading', content.heading));
  for (const row of content.rows) {
    const line = element('div', 'tooltip-row');
    if (row.color) {
      const swatch = element('span', 'tooltip-swatch');
      // CSSOM ignores a value that is not a colour; background-color takes no url().
      swatch.style.setProperty('background-color', row.color);
      line.append(swatch);
    }
    line.append(element('span', 'tooltip-name', row.name), element('b', 'tooltip-value', row.value));
    root.append(line);
  }
  return root;
};

function element(tag: string, className: string, text?: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}
