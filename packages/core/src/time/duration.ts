/** Prometheus duration strings ("1h30m", "15s", "500ms") to and from seconds. */

const UNIT_SECONDS: Record<string, number> = {
  y: 365 * 24 * 3600,
  w: 7 * 24 * 3600,
  d: 24 * 3600,
  h: 3600,
  m: 60,
  s: 1,
  ms: 0.001,
};

const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNITS_IN_ORDER = ['y', 'w', 'd', 'h', 'm', 's', 'ms'] as const;

/** Seconds in a Prometheus duration such as "1h30m", or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === '') return undefined;
  let seconds = 0;
  UNITS_IN_ORDER.forEach((unit, i) => {
    const amount = match[i + 1];
    if (amount !== undefined) seconds += Number(amount) * UNIT_SECONDS[unit]!;
  });
  return seconds;
}

/** The shortest Prometheus duration string for a number of seconds ("90" → "1m30s"). */
export function formatDuration(seconds: number): string {
  let ms = Math.round(seconds * 1000);
  if (ms === 0) return '0s';
  let out = '';
  for (const unit of UNITS_IN_ORDER) {
    const size = Math.round(UNIT_SECONDS[unit]! * 1000);
    const amount = Math.floor(ms / size);
    if (amount > 0) {
      out += `${amount}${unit}`;
      ms -= amount * size;
    }
  }
  return out;
}
