/**
 * The one rule for colours from dashboards: which strings promkit applies as a colour. A colour
 * reaches CSS (`style.setProperty`) and ECharts, so anything beyond a plain colour value (a `;`
 * that starts another declaration, `url(…)`, `var(…)`, `expression(…)`) is refused here, at the
 * schema, and again at render time.
 */

/** Grafana's palette hues; each comes in five shades (`super-light-red` … `dark-red`). */
export const GRAFANA_HUES = ['red', 'orange', 'yellow', 'green', 'blue', 'purple'] as const;
const SHADES = ['super-light-', 'light-', '', 'semi-dark-', 'dark-'] as const;

/** A name from Grafana's colour palette: a hue in one of five shades, or the theme's text or panel background. */
export type GrafanaColorName =
  | `${(typeof SHADES)[number]}${(typeof GRAFANA_HUES)[number]}`
  | 'text'
  | 'panel-bg'
  | 'transparent';

/** Every Grafana palette name, resolved per theme at render time. */
export const GRAFANA_COLOR_NAMES: readonly GrafanaColorName[] = [
  ...GRAFANA_HUES.flatMap((hue) => SHADES.map((shade) => `${shade}${hue}` as GrafanaColorName)),
  'text',
  'panel-bg',
  'transparent',
];

/** The CSS named colours (CSS Color Module Level 4), lower case. */
const CSS_NAMES = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood ' +
    'cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray ' +
    'darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen ' +
    'darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue ' +
    'firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew ' +
    'hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan ' +
    'lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray ' +
    'lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue ' +
    'mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred ' +
    'midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid ' +
    'palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple ' +
    'rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue ' +
    'slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white ' +
    'whitesmoke yellow yellowgreen transparent'
  ).split(' '),
);
const GRAFANA_NAMES = new Set<string>(GRAFANA_COLOR_NAMES);

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
// One argument: a plain decimal number, optionally a percentage (or `deg`, for a hue).
const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d+)?|\.\d+)`;
const ARG = `${NUMBER}%?`;
const HUE = `${NUMBER}(?:deg)?`;
/** `fn(a, b, c[, alpha])` or `fn(a b c[ / alpha])`: only numbers, %, deg, commas, spaces and one slash. */
function colorFunction(names: string, first: string): RegExp {
  const comma = `${first} *, *${ARG} *, *${ARG}(?: *, *${ARG})?`;
  const space = `${first} +${ARG} +${ARG}(?: */ *${ARG})?`;
  return new RegExp(`^(?:${names})\\( *(?:${comma}|${space}) *\\)$`, 'i');
}
const RGB = colorFunction('rgba?', ARG);
const HSL = colorFunction('hsla?', HUE);

/** Longest colour string considered; real ones are far shorter (`rgba(255, 255, 255, 0.125)` is 26). */
export const MAX_COLOR_LENGTH = 64;

/** What {@link isColor} accepts, for messages that tell a person what to write instead. */
export const COLOR_RULE =
  'a CSS colour name, transparent, #rgb, #rgba, #rrggbb, #rrggbbaa, rgb()/rgba()/hsl()/hsla() with numbers only, ' +
  'or a Grafana palette colour such as "green", "semi-dark-red" or "text"';

/**
 * True when `value` is a colour promkit applies: a CSS named colour or `transparent` (any case),
 * `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()`/`hsl()`/`hsla()` whose arguments are
 * plain numbers (with `%`, or `deg` for a hue) in comma or space syntax, or a Grafana palette name
 * ({@link GRAFANA_COLOR_NAMES}, lower case as Grafana writes them). Nothing else: no surrounding
 * spaces, no `currentColor` (charts draw on a canvas, where it means nothing), no `var()`, no
 * nested functions, no `;`, `}` or other characters that could end a CSS value.
 */
export function isColor(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_COLOR_LENGTH) return false;
  if (GRAFANA_NAMES.has(value)) return true;
  // ASCII first: toLowerCase() folds some non-ASCII letters (the Kelvin sign) onto ASCII ones.
  if (/^[a-z]+$/i.test(value)) return CSS_NAMES.has(value.toLowerCase());
  return HEX.test(value) || RGB.test(value) || HSL.test(value);
}
