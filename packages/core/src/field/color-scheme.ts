/**
 * Colour by value, as Grafana's colour schemes do it: a continuous scheme (`continuous-GrYlRd`,
 * `continuous-blues`, …) gives a value the colour at its place between the field's min and max,
 * interpolated in RGB between the scheme's palette colours; `shades` gives it a shade of the
 * fixed colour, lighter for low values and darker for high ones. Which palette colour a name is
 * belongs to the theme, so the caller passes `toRgb` (its theme's colours as RGB).
 * (Grafana interpolates along a B-spline through the same stops; linear segments differ from it
 * by a few units of each channel between stops, and not at all at them.)
 */

/** Each continuous scheme's palette colours, from its minimum to its maximum. */
export const CONTINUOUS_SCHEMES = {
  'continuous-GrYlRd': ['green', 'yellow', 'red'],
  'continuous-RdYlGr': ['red', 'yellow', 'green'],
  'continuous-BlYlRd': ['dark-blue', 'super-light-yellow', 'dark-red'],
  'continuous-YlRd': ['super-light-yellow', 'dark-red'],
  'continuous-BlPu': ['blue', 'purple'],
  'continuous-YlBl': ['super-light-yellow', 'dark-blue'],
  'continuous-blues': ['super-light-blue', 'dark-blue'],
  'continuous-reds': ['super-light-red', 'dark-red'],
  'continuous-greens': ['super-light-green', 'dark-green'],
  'continuous-purples': ['super-light-purple', 'dark-purple'],
} as const;

/** A continuous scheme's id. */
export type ContinuousScheme = keyof typeof CONTINUOUS_SCHEMES;

/** Every colour mode a field can have (Grafana's `fieldConfig.defaults.color.mode`). */
export const COLOR_MODES = ['palette-classic', 'palette-classic-by-name', 'fixed', 'shades', 'thresholds', ...(Object.keys(CONTINUOUS_SCHEMES) as ContinuousScheme[])] as const;

/** A field's colour mode. */
export type ColorMode = (typeof COLOR_MODES)[number];

/** Red, green and blue, 0–255. */
export type Rgb = readonly [number, number, number];

/** How far `value` is from `min` towards `max`, 0–1 (clamped); undefined for a value that is not a number, or an empty span. */
export function valueFraction(value: number, min: number, max: number): number | undefined {
  if (!Number.isFinite(value) || !(max > min)) return Number.isFinite(value) && max === min ? 1 : undefined;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

/** True for the modes that colour each value by where it lies between min and max. */
export function isByValue(mode: string | undefined): mode is ContinuousScheme | 'shades' {
  return mode === 'shades' || (mode !== undefined && mode in CONTINUOUS_SCHEMES);
}

/**
 * The colour of a value at `fraction` (0–1) of a continuous scheme or of `shades` (of
 * `fixedColor`), as `rgb(r, g, b)`; undefined when a colour it needs cannot be read as RGB.
 */
export function schemeColor(mode: ContinuousScheme | 'shades', fraction: number, toRgb: (color: string) => Rgb | undefined, fixedColor?: string): string | undefined {
  if (mode === 'shades') {
    const base = fixedColor === undefined ? undefined : toRgb(fixedColor);
    // From a light tint (a quarter of the colour) to a deep shade (three quarters of it, over black).
    return base && rgbText(fraction < 0.5 ? mix(base, WHITE, 0.75 - fraction * 1.5) : mix(base, BLACK, (fraction - 0.5) * 0.5));
  }
  const stops = CONTINUOUS_SCHEMES[mode].map((name) => paletteRgb(name, toRgb));
  if (stops.some((s) => s === undefined)) return undefined;
  const at = fraction * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(at));
  return rgbText(mix(stops[i]!, stops[i + 1]!, at - i));
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

/** A Grafana palette name in its shade: `super-light-x` and `light-x` towards white, `semi-dark-x` and `dark-x` towards black. */
function paletteRgb(name: string, toRgb: (color: string) => Rgb | undefined): Rgb | undefined {
  const shade = /^(super-light|light|semi-dark|dark)-/.exec(name)?.[1];
  const hue = toRgb(shade ? name.slice(shade.length + 1) : name);
  if (!hue || !shade) return hue;
  return shade === 'super-light' ? mix(hue, WHITE, 0.6) : shade === 'light' ? mix(hue, WHITE, 0.3) : shade === 'semi-dark' ? mix(hue, BLACK, 0.15) : mix(hue, BLACK, 0.3);
}

/** `a` moved `t` (0–1) of the way to `b`. */
function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((k) => a[k]! + (b[k]! - a[k]!) * t) as unknown as Rgb;
}

function rgbText(c: Rgb): string {
  return `rgb(${c.map((v) => Math.round(v)).join(', ')})`;
}

/** A colour written as `#rgb`, `#rrggbb` (alpha ignored) or `rgb()`/`rgba()` with numbers, as RGB; undefined for any other form. */
export function parseRgb(color: string): Rgb | undefined {
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(color.trim())?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex.slice(0, 3)].map((d) => d + d).join('') : hex.slice(0, 6);
    return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
  }
  const fn = /^rgba?\(\s*([\d.]+)(%?)[\s,]+([\d.]+)(%?)[\s,]+([\d.]+)(%?)/i.exec(color.trim());
  if (!fn) return undefined;
  return [1, 3, 5].map((i) => Math.min(255, fn[i + 1] ? (Number(fn[i]) * 255) / 100 : Number(fn[i]))) as unknown as Rgb;
}
