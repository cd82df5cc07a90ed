/**
 * Format through the server (`/api/v1/format_query`, Prometheus 2.38+), keeping dashboard
 * variables as typed. The server cannot parse `[$__rate_interval]`, so each placeholder is sent
 * as a stand-in that parses where it stands and that the formatter prints back unchanged: a
 * duration (`99y1ms`: unique by value, since servers print durations differently) after `[`, `:`
 * or `offset`, an identifier (`__promkit_var_1__`) anywhere else. The answer is taken only when
 * every stand-in comes back as often as it went; otherwise the query is left as it was.
 */
import { parser } from '@prometheus-io/lezer-promql';
import { InvalidArgumentError, parseDuration, type PrometheusClient } from '@promkit/core';

const PLACEHOLDER = /\$\{[A-Za-z0-9_]+(?::[^}]*)?\}|\[\[[A-Za-z0-9_]+(?::[^\]]*)?\]\]|\$[A-Za-z0-9_]+/g;
const DURATION_BEFORE = /(?:\[|:|\boffset)\s*$/;

/** The template with stand-ins, and each stand-in's placeholder. */
export function withStandIns(template: string): { text: string; standIns: Map<string, string> } {
  const standIns = new Map<string, string>();
  const byPlaceholder = new Map<string, { duration?: string; identifier?: string }>();
  let i = 0;
  const text = template.replace(PLACEHOLDER, (placeholder, offset: number) => {
    const kind = DURATION_BEFORE.test(template.slice(Math.max(0, offset - 12), offset)) ? 'duration' : 'identifier';
    const known = byPlaceholder.get(placeholder) ?? {};
    let standIn = known[kind];
    if (!standIn) {
      standIn = kind === 'duration' ? `99y${++i}ms` : `__promkit_var_${++i}__`;
      known[kind] = standIn;
      byPlaceholder.set(placeholder, known);
      standIns.set(standIn, placeholder);
    }
    return standIn;
  });
  return { text, standIns };
}

/** `template` formatted by the server, placeholders restored. Throws when that cannot be done faithfully. */
export async function formatTemplate(client: PrometheusClient, template: string): Promise<string> {
  if (template.trim() === '') return template;
  if (hasComment(template)) {
    throw new InvalidArgumentError('the server’s formatter drops # comments; remove them first or format by hand.');
  }
  const { text, standIns } = withStandIns(template);
  const formatted = (await client.formatQuery(text)).data;
  // Servers print durations their own way (2.42: `36135d2ms`; newer: `99y2ms`): match by value.
  const byMs = new Map([...standIns].filter(([s]) => s.endsWith('ms')).map(([s, placeholder]) => [durationMs(s), { standIn: s, placeholder }]));
  const found = new Map<string, number>();
  let restored = '';
  let at = 0;
  parser.parse(formatted).iterate({
    enter(node) {
      if (!node.name.startsWith('NumberDurationLiteral')) return;
      const hit = byMs.get(durationMs(formatted.slice(node.from, node.to)));
      if (!hit) return;
      restored += formatted.slice(at, node.from) + hit.placeholder;
      at = node.to;
      found.set(hit.standIn, (found.get(hit.standIn) ?? 0) + 1);
    },
  });
  restored += formatted.slice(at);
  for (const [standIn, placeholder] of standIns) {
    const isDuration = standIn.endsWith('ms');
    const sent = text.split(standIn).length - 1;
    const back = isDuration ? (found.get(standIn) ?? 0) : restored.split(standIn).length - 1;
    if (back !== sent) throw new InvalidArgumentError(`the formatter rewrote ${placeholder}; the query is left as it was.`);
    if (!isDuration) restored = restored.split(standIn).join(placeholder);
  }
  return restored;
}

/** A duration literal in milliseconds (NaN when it is not one). */
function durationMs(text: string): number {
  const seconds = parseDuration(text);
  return seconds === undefined ? Number.NaN : Math.round(seconds * 1000);
}

function hasComment(text: string): boolean {
  let found = false;
  parser.parse(text).iterate({
    enter(node) {
      if (node.name === 'LineComment') found = true;
      return !found;
    },
  });
  return found;
}
