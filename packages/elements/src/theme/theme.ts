/**
 * Theme tokens. Every colour an element uses is a `--prom-*` custom property on its host, with
 * light and dark defaults; charts read the resolved values, so a host restyles everything from
 * CSS alone.
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

/** The dark values, used for `theme="dark"` and, without a theme, for a dark system preference. */
const darkTokens = css`
  --prom-color-text: #e6edf3;
  --prom-color-text-muted: #9198a1;
  --prom-color-background: #0d1117;
  --prom-color-surface: #151b23;
  --prom-color-border: #3d444d;
  --prom-color-grid: #21262d;
  --prom-color-axis: #656c76;
  --prom-color-tooltip: #1c2128;
  --prom-color-focus: #4493f8;
  --prom-color-green: #3fb950;
  --prom-color-yellow: #d29922;
  --prom-color-orange: #f0883e;
  --prom-color-red: #f85149;
  --prom-color-blue: #58a6ff;
  --prom-color-purple: #bc8cff;
  --prom-palette-0: #5794f2;
  --prom-palette-1: #ff9830;
  --prom-palette-2: #73bf69;
  --prom-palette-3: #f2495c;
  --prom-palette-4: #b877d9;
  --prom-palette-5: #37c8d6;
  --prom-palette-6: #fade2a;
  --prom-palette-7: #ff7ab8;
  --prom-palette-8: #a8d05a;
  --prom-palette-9: #a0a0a0;
  color-scheme: dark;

`;

/** Light and dark defaults of every token, set on `:host`. */
export const themeTokens = css`
  :host {
    --prom-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --prom-font-size: 12px;
    --prom-color-text: #1f2328;
    --prom-color-text-muted: #59636e;
    --prom-color-background: #ffffff;
    --prom-color-surface: #f6f8fa;
    --prom-color-border: #d1d9e0;
    --prom-color-grid: #eaeef2;
    --prom-color-axis: #8c959f;
    --prom-color-tooltip: #ffffff;
    --prom-color-focus: #0969da;
    --prom-color-green: #1a7f37;
    --prom-color-yellow: #bf8700;
    --prom-color-orange: #d1640a;
    --prom-color-red: #cf222e;
    --prom-color-blue: #0969da;
    --prom-color-purple: #8250df;
    --prom-palette-0: #2f7fd8;
    --prom-palette-1: #e0792c;
    --prom-palette-2: #2e9e5b;
    --prom-palette-3: #d64550;
    --prom-palette-4: #8a63d2;
    --prom-palette-5: #1b9aaa;
    --prom-palette-6: #c9a227;
    --prom-palette-7: #d1569b;
    --prom-palette-8: #6b8e23;
    --prom-palette-9: #7d7d7d;
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

/** Reads the resolved tokens of an element. */
export function readTheme(element: Element): ChartTheme {
  const style = getComputedStyle(element);
  const token = (name: string) => style.getPropertyValue(`--prom-${name}`).trim();
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
