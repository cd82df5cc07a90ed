/** Unit table: plain numbers, ratios, money, booleans and the small fixed-suffix families. */
import { currency, fixedUnit, fractionDigits, parts, scaledText, scaledUnits, siPrefix, toFixed, type Formatter, type UnitEntry } from './unit-format.js';

/** Past 1e21 JavaScript itself writes numbers with an exponent; so do the digit-by-digit formats. */
const HUGE = 1e21;

const percent: Formatter = (value, decimals) => parts(toFixed(value, decimals), '%');
const percentUnit: Formatter = (value, decimals) => parts(scaledText(value, 100, decimals), '%');

/** Hexadecimal of the value rounded as `decimals` say, upper case; exponent forms stay as they are. */
const hex: Formatter = (value, decimals) => {
  const fixed = toFixed(value, decimals);
  return parts(fixed.includes('e') ? fixed : Number.parseFloat(fixed).toString(16).toUpperCase());
};

/** Hexadecimal with 0x after the sign. */
const hex0x: Formatter = (value, decimals, ctx) => {
  const { text } = hex(value, decimals, ctx);
  return parts(text.startsWith('-') ? `-0x${text.slice(1)}` : `0x${text}`);
};

const sci: Formatter = (value, decimals) => parts(value.toExponential(decimals === undefined ? undefined : Math.max(0, Math.min(20, Math.round(decimals)))));

/** The locale's grouping and decimal mark; `decimals` is the most digits after the point. */
const locale: Formatter = (value, decimals, ctx) => {
  if (Math.abs(value) >= HUGE) return parts(String(value));
  const options = decimals === undefined ? {} : { maximumFractionDigits: fractionDigits(decimals).maximumFractionDigits! };
  return parts(value.toLocaleString(ctx.locale, options));
};

/** A boolean from a number: anything but zero is true. */
export function booleanUnit(whenTrue: string, whenFalse: string): Formatter {
  return (value) => parts(value !== 0 ? whenTrue : whenFalse);
}

const SHORT = scaledUnits(1000, ['', ' K', ' Mil', ' Bil', ' Tri', ' Quadr', ' Quint', ' Sext', ' Sept']);

/** Grafana's Misc category. */
export const MISC_UNITS = {
  none: { label: 'Number', category: 'Misc', format: fixedUnit('') },
  string: { label: 'String (the number as written)', category: 'Misc', format: (value) => parts(String(value)) },
  short: { label: 'Short (K, Mil, Bil, Tri)', category: 'Misc', format: SHORT },
  sishort: { label: 'SI short (k, M, G; m, µ, n)', category: 'Misc', format: siPrefix('') },
  percent: { label: 'Percent (0–100)', category: 'Misc', format: percent },
  percentunit: { label: 'Percent (0.0–1.0)', category: 'Misc', format: percentUnit },
  humidity: { label: 'Humidity (%H)', category: 'Misc', format: fixedUnit('%H') },
  dB: { label: 'Decibel (dB)', category: 'Misc', format: fixedUnit('dB') },
  candela: { label: 'Candela (cd)', category: 'Misc', format: siPrefix('cd') },
  hex0x: { label: 'Hexadecimal with 0x', category: 'Misc', format: hex0x },
  hex: { label: 'Hexadecimal', category: 'Misc', format: hex },
  sci: { label: 'Scientific notation (1.2e+3)', category: 'Misc', format: sci },
  locale: { label: 'Locale format (1,234.5)', category: 'Misc', format: locale },
  pixel: { label: 'Pixels (px)', category: 'Misc', format: fixedUnit('px') },
} satisfies Record<string, UnitEntry>;

/** Fixed-suffix families: acceleration, angle, area, concentration. */
export const SIMPLE_UNITS = {
  accMS2: { label: 'Metres/second² (m/sec²)', category: 'Acceleration', format: fixedUnit('m/sec²') },
  accFS2: { label: 'Feet/second² (f/sec²)', category: 'Acceleration', format: fixedUnit('f/sec²') },
  accG: { label: 'G force (g)', category: 'Acceleration', format: fixedUnit('g') },
  degree: { label: 'Degrees (°)', category: 'Angle', format: fixedUnit('°') },
  radian: { label: 'Radians (rad)', category: 'Angle', format: fixedUnit('rad') },
  grad: { label: 'Gradians (grad)', category: 'Angle', format: fixedUnit('grad') },
  arcmin: { label: 'Arc minutes (arcmin)', category: 'Angle', format: fixedUnit('arcmin') },
  arcsec: { label: 'Arc seconds (arcsec)', category: 'Angle', format: fixedUnit('arcsec') },
  areaM2: { label: 'Square metres (m²)', category: 'Area', format: fixedUnit('m²') },
  areaF2: { label: 'Square feet (ft²)', category: 'Area', format: fixedUnit('ft²') },
  areaMI2: { label: 'Square miles (mi²)', category: 'Area', format: fixedUnit('mi²') },
  acres: { label: 'Acres (ac)', category: 'Area', format: fixedUnit('ac') },
  hectares: { label: 'Hectares (ha)', category: 'Area', format: fixedUnit('ha') },
  ppm: { label: 'Parts per million (ppm)', category: 'Concentration', format: fixedUnit('ppm') },
  conppb: { label: 'Parts per billion (ppb)', category: 'Concentration', format: fixedUnit('ppb') },
  conngm3: { label: 'Nanograms/cubic metre (ng/m³)', category: 'Concentration', format: fixedUnit('ng/m³') },
  conngNm3: { label: 'Nanograms/normal cubic metre (ng/Nm³)', category: 'Concentration', format: fixedUnit('ng/Nm³') },
  conμgm3: { label: 'Micrograms/cubic metre (μg/m³)', category: 'Concentration', format: fixedUnit('μg/m³') },
  conμgNm3: { label: 'Micrograms/normal cubic metre (μg/Nm³)', category: 'Concentration', format: fixedUnit('μg/Nm³') },
  conmgm3: { label: 'Milligrams/cubic metre (mg/m³)', category: 'Concentration', format: fixedUnit('mg/m³') },
  conmgNm3: { label: 'Milligrams/normal cubic metre (mg/Nm³)', category: 'Concentration', format: fixedUnit('mg/Nm³') },
  congm3: { label: 'Grams/cubic metre (g/m³)', category: 'Concentration', format: fixedUnit('g/m³') },
  congNm3: { label: 'Grams/normal cubic metre (g/Nm³)', category: 'Concentration', format: fixedUnit('g/Nm³') },
  conmgdL: { label: 'Milligrams/decilitre (mg/dL)', category: 'Concentration', format: fixedUnit('mg/dL') },
  conmmolL: { label: 'Millimoles/litre (mmol/L)', category: 'Concentration', format: fixedUnit('mmol/L') },
} satisfies Record<string, UnitEntry>;

/** [id, name, symbol, symbol after the number]. */
const CURRENCIES = [
  ['USD', 'US dollars', '$'],
  ['GBP', 'Pounds sterling', '£'],
  ['EUR', 'Euros', '€'],
  ['JPY', 'Yen', '¥'],
  ['RUB', 'Roubles', '₽'],
  ['UAH', 'Hryvnias', '₴'],
  ['BRL', 'Brazilian reais', 'R$'],
  ['DKK', 'Danish kroner', 'kr', true],
  ['ISK', 'Icelandic krónur', 'kr', true],
  ['NOK', 'Norwegian kroner', 'kr', true],
  ['SEK', 'Swedish kronor', 'kr', true],
  ['CZK', 'Czech koruny', 'czk'],
  ['CHF', 'Swiss francs', 'CHF'],
  ['PLN', 'Polish złoty', 'PLN'],
  ['BTC', 'Bitcoin', '฿'],
  ['mBTC', 'Millibitcoin', 'mBTC'],
  ['μBTC', 'Microbitcoin', 'μBTC'],
  ['ZAR', 'South African rand', 'R'],
  ['INR', 'Indian rupees', '₹'],
  ['KRW', 'South Korean won', '₩'],
  ['IDR', 'Indonesian rupiah', 'Rp'],
  ['PHP', 'Philippine pesos', 'PHP'],
  ['VND', 'Vietnamese dong', 'đ', true],
  ['TRY', 'Turkish lira', '₺', true],
  ['MYR', 'Malaysian ringgit', 'RM'],
  ['XPF', 'CFP francs', 'XPF'],
  ['BGN', 'Bulgarian leva', 'BGN'],
  ['PYG', 'Paraguayan guaraní', '₲'],
  ['UYU', 'Uruguayan pesos', 'UYU'],
  ['ILS', 'Israeli new shekels', '₪'],
] as const satisfies readonly (readonly [string, string, string, true?])[];

type CurrencyId = `currency${(typeof CURRENCIES)[number][0]}`;

/** Grafana's Currency category: `currencyUSD` … `currencyILS`. */
export const CURRENCY_UNITS = Object.fromEntries(
  CURRENCIES.map(([code, name, symbol, after]: readonly [string, string, string, true?]) => [
    `currency${code}`,
    { label: `${name} (${symbol})`, category: 'Currency', format: currency(symbol, after === true) },
  ]),
) as Record<CurrencyId, UnitEntry>;

/** Grafana's Boolean category. */
export const BOOLEAN_UNITS = {
  bool: { label: 'True / False', category: 'Boolean', format: booleanUnit('True', 'False') },
  bool_yes_no: { label: 'Yes / No', category: 'Boolean', format: booleanUnit('Yes', 'No') },
  bool_on_off: { label: 'On / Off', category: 'Boolean', format: booleanUnit('On', 'Off') },
} satisfies Record<string, UnitEntry>;
