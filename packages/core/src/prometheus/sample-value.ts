/**
 * Prometheus sends sample values as strings so that every float64 survives JSON: "+Inf", "-Inf",
 * "NaN" and exponent forms such as "-2.5e+300" included. `parseFloat("+Inf")` is NaN, so the
 * special values are matched first; `Number()` then rounds every decimal string exactly.
 */

/** The number a Prometheus sample string stands for, or undefined when it is not one. */
export function parseSampleValue(text: string): number | undefined {
  switch (text) {
    case '+Inf':
    case 'Inf':
      return Number.POSITIVE_INFINITY;
    case '-Inf':
      return Number.NEGATIVE_INFINITY;
    case 'NaN':
      return Number.NaN;
  }
  // Number('') and Number(' ') are 0, and Number('Infinity') is not Prometheus' spelling.
  if (text.length === 0 || text.trim() !== text || text.includes('Infinity')) return undefined;
  const value = Number(text);
  return Number.isNaN(value) ? undefined : value;
}

/** Formats a number the way Prometheus writes sample values ("+Inf", "-Inf", "NaN"). */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}
