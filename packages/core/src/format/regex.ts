/**
 * Grafana's regex fields (variable regexes, `byRegexp` overrides, regex value mappings, legacy
 * series overrides and table styles) take `pattern` or `/pattern/flags`. One reading of both, for
 * every field that takes one: the flags are kept, except `g` and `y`, which would make `test()`
 * remember where it stopped and skip the next match.
 */
const SLASHED = /^\/(.*)\/([a-z]*)$/s;

/** True when `text` is written `/pattern/flags`. */
export function isSlashedRegex(text: string): boolean {
  return SLASHED.test(text);
}

/** `pattern` or `/pattern/flags` as a RegExp; throws a SyntaxError when it does not compile. */
export function grafanaRegex(text: string): RegExp {
  const slashed = SLASHED.exec(text);
  return slashed ? new RegExp(slashed[1]!, slashed[2]!.replace(/[gy]/g, '')) : new RegExp(text);
}

/** Whether `value` matches `pattern`; a pattern that does not compile matches nothing. */
export function matchesGrafanaRegex(pattern: string, value: string): boolean {
  try {
    return grafanaRegex(pattern).test(value);
  } catch {
    return false;
  }
}
