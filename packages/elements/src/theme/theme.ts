/**
 * Theme tokens. Every colour and font an element uses comes from a `--prom-*` custom property that
 * inherits from the page, with light and dark defaults; charts read the resolved values, so a host
 * restyles everything, nested panels included, from CSS alone.
 */
import { css } from 'lit';
import { isColor } from '@promkit/core';

/** Resolved colours and fonts a chart builder needs. */
export interface ChartTheme {
  dark: boolean;
  text: string;
  textMuted: string;
  background: string;
  surface: string;
  border: string;
  grid: string;
  axis: string;
  tooltipBackground: string;
  fontFamily: string;
  fontSize: number;
  /** Series colours, in order. */
  palette: string[];
  /** Named colours dashboards use (`green`, `red`, …), resolved for this theme. */
  named: Record<string, string>;
}

/**
 * The dark defaults, used for `theme="dark"` and, without a theme, for a dark system preference.
 * A token set by the page (on any ancestor) still wins over them.
 */
const darkTokens = css`
  --_color-text: var(--prom-color-text, #e6edf3);
  --_color-text-muted: var(--prom-color-text-muted, #9198a1);
  --_color-background: var(--prom-color-background, #0d1117);
  --_color-surface: var(--prom-color-surface, #151b23);
  --_color-border: var(--prom-color-border, #3d444d);
  --_color-grid: var(--prom-color-grid, #21262d);
  --_color-axis: var(--prom-color-axis, #656c76);
  --_color-tooltip: var(--prom-color-tooltip, #1c2128);
  --_color-focus: var(--prom-color-focus, #4493f8);
  --_color-green: var(--prom-color-green, #3fb950);
  --_color-yellow: var(--prom-color-yellow, #d29922);
  --_color-orange: var(--prom-color-orange, #f0883e);
  --_color-red: var(--prom-color-red, #f85149);
  --_color-blue: var(--prom-color-blue, #58a6ff);
  --_color-purple: var(--prom-color-purple, #bc8cff);
  --_palette-0: var(--prom-palette-0, #5794f2);
  --_palette-1: var(--prom-palette-1, #ff9830);
  --_palette-2: var(--prom-palette-2, #73bf69);
  --_palette-3: var(--prom-palette-3, #f2495c);
  --_palette-4: var(--prom-palette-4, #b877d9);
  --_palette-5: var(--prom-palette-5, #37c8d6);
  --_palette-6: var(--prom-palette-6, #fade2a);
  --_palette-7: var(--prom-palette-7, #ff7ab8);
  --_palette-8: var(--prom-palette-8, #a8d05a);
  --_palette-9: var(--prom-palette-9, #a0a0a0);
  color-scheme: dark;
`;

/**
 * Every token resolved on `:host` into a private `--_<name>` (`--_color-text` from
 * `--prom-color-text`), falling back to the light or dark default. The public `--prom-*` tokens are
 * never declared here, so a value set on `body`, a wrapper or `<prom-dashboard>` inherits into every
 * nested element; styles read the private names.
 */
export const themeTokens = css`
  :host {
    --_font-family: var(--prom-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-size: var(--prom-font-size, 12px);
    --_color-text: var(--prom-color-text, #1f2328);
    --_color-text-muted: var(--prom-color-text-muted, #59636e);
    --_color-background: var(--prom-color-background, #ffffff);
    --_color-surface: var(--prom-color-surface, #f6f8fa);
    --_color-border: var(--prom-color-border, #d1d9e0);
    --_color-grid: var(--prom-color-grid, #eaeef2);
    --_color-axis: var(--prom-color-axis, #8c959f);
    --_color-tooltip: var(--prom-color-tooltip, #ffffff);
    --_color-focus: var(--prom-color-focus, #0969da);
    --_color-green: var(--prom-color-green, #1a7f37);
    --_color-yellow: var(--prom-color-yellow, #bf8700);
    --_color-orange: var(--prom-color-orange, #d1640a);
    --_color-red: var(--prom-color-red, #cf222e);
    --_color-blue: var(--prom-color-blue, #0969da);
    --_color-purple: var(--prom-color-purple, #8250df);
    --_palette-0: var(--prom-palette-0, #2f7fd8);
    --_palette-1: var(--prom-palette-1, #e0792c);
    --_palette-2: var(--prom-palette-2, #2e9e5b);
    --_palette-3: var(--prom-palette-3, #d64550);
    --_palette-4: var(--prom-palette-4, #8a63d2);
    --_palette-5: var(--prom-palette-5, #1b9aaa);
    --_palette-6: var(--prom-palette-6, #c9a227);
    --_palette-7: var(--prom-palette-7, #d1569b);
    --_palette-8: var(--prom-palette-8, #6b8e23);
    --_palette-9: var(--prom-palette-9, #7d7d7d);
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
    }
  }
`;

const NAMED = ['green', 'yellow', 'orange', 'red', 'blue', 'purple'] as const;

/** Reads an element's resolved tokens (the private `--_*` values its `:host` derives). */
export function readTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const token = (name: string) => style.getPropertyValue(`--_${name}`).trim();
  return {
    dark: style.colorScheme.includes('dark'),
    text: token('color-text'),
    textMuted: token('color-text-muted'),
    background: token('color-background'),
    surface: token('color-surface'),
    border: token('color-border'),
    grid: token('color-grid'),
    axis: token('color-axis'),
    tooltipBackground: token('color-tooltip'),
    fontFamily: token('font-family'),
    fontSize: Number.parseFloat(token('font-size')) || 12,
    palette: Array.from({ length: 10 }, (_, i) => token(`palette-${i}`)),
    named: Object.fromEntries(NAMED.map((n) => [n, token(`color-${n}`)])),
  };
}

/**
 * A dashboard colour resolved for the theme: Grafana's palette names (`red`, `semi-dark-red`,
 * `super-light-red`, …) become the theme's hue, `text` and `panel-bg` its text and background,
 * and any other colour core's `isColor` accepts is returned as it is. Anything else (a value that
 * slipped past the schema, such as `red;position:fixed`) gives undefined: the caller draws its
 * own default colour instead, so such a value is never applied.
 */
export function resolveColor(color: unknown, theme: ChartTheme): string | undefined {
  if (!isColor(color)) return undefined;
  if (color === 'text') return theme.text;
  if (color === 'panel-bg') return theme.background;
  return theme.named[color] ?? theme.named[color.replace(/^(?:semi-dark|dark|super-light|light)-/, '')] ?? color;
}
