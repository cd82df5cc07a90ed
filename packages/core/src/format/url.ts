/**
 * The one rule for link URLs from dashboards (dashboard and panel links, markdown links and
 * images): http(s), mailto and relative URLs only. Decided the way a browser reads the URL, so
 * `java\tscript:`, `\u0000javascript:` and ` JAVASCRIPT:` are `javascript:` URLs and refused.
 */

/** What {@link safeUrl} accepts, for messages that tell a person what to write instead. */
export const URL_RULE = 'an http(s), mailto or relative URL';

// Browsers drop leading and trailing C0 controls and spaces, and every tab, newline and CR, before parsing.
const EDGES = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const TAB_OR_NEWLINE = /[\t\n\r]/g;
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);
// Relative URLs resolve against this base, so they come out as http: like absolute http ones.
const BASE = 'http://base.invalid/';

/**
 * The URL as a browser reads it (edges and tabs/newlines stripped) when it is http(s), mailto or
 * relative (protocol-relative `//host/…` counts as http(s)); undefined for every other scheme
 * (`javascript:`, `data:`, `vbscript:`, `blob:`, `file:`, …) and for text that is no URL at all.
 */
export function safeUrl(value: string): string | undefined {
  const cleaned = value.replace(EDGES, '').replace(TAB_OR_NEWLINE, '');
  let parsed: URL;
  try {
    parsed = new URL(cleaned, BASE);
  } catch {
    return undefined;
  }
  return ALLOWED.has(parsed.protocol) ? cleaned : undefined;
}

/** True when `value` is a string {@link safeUrl} accepts. */
export function isSafeUrl(value: unknown): value is string {
  return typeof value === 'string' && safeUrl(value) !== undefined;
}
