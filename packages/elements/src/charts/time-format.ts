/** Time labels in the dashboard's timezone, precise enough for the range shown. */
const DAY = 86_400_000;
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(undefined, { timeZone, hourCycle: 'h23', ...options })));
  return f;
}

/** Axis label: time of day for short ranges, date and time for days, date for weeks and more. */
export function axisTimeLabel(ms: number, spanMs: number, timeZone: string): string {
  if (spanMs <= DAY) return formatter(timeZone, { hour: '2-digit', minute: '2-digit', ...(spanMs <= 600_000 ? { second: '2-digit' } : {}) }).format(ms);
  if (spanMs <= 7 * DAY) return formatter(timeZone, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(ms);
  return formatter(timeZone, { year: spanMs > 366 * DAY ? 'numeric' : undefined, month: '2-digit', day: '2-digit' }).format(ms);
}

/** Full timestamp for tooltips. */
export function fullTimeLabel(ms: number, timeZone: string): string {
  return formatter(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(ms);
}
