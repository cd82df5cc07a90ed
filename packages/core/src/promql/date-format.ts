/**
 * The `date` variable format (`${__from:date}`, `${__from:date:seconds}`,
 * `${__from:date:YYYY-MM-DD}`), with Grafana's (moment-style) pattern tokens.
 */
import { TZDate } from '@date-fns/tz';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TOKENS = /\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|a|ZZ|Z|X|x/g;

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/**
 * Formats `value` (epoch milliseconds, or a date string) as `arg` asks: `iso` (the default),
 * `seconds` (epoch seconds), or a pattern such as `YYYY-MM-DD HH:mm:ss` in `timeZone`
 * (default UTC). `[text]` in a pattern is literal. A value that is not a date is returned as it is.
 */
export function formatDate(value: string, arg: string | undefined, timeZone = 'UTC'): string {
  const ms = /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) return value;
  if (arg === undefined || arg === '' || arg === 'iso') return new Date(ms).toISOString();
  if (arg === 'seconds') return String(Math.round(ms / 1000));
  return formatDatePattern(ms, arg, timeZone);
}

/**
 * Epoch milliseconds written with a moment-style pattern (`YYYY-MM-DD HH:mm:ss`, `[literal]`) in
 * `timeZone`, an IANA name. Shared by the `date` variable format and the date units (format/units-time.ts).
 */
export function formatDatePattern(ms: number, pattern: string, timeZone: string): string {
  const d = new TZDate(ms, timeZone);
  const offset = -d.getTimezoneOffset();
  const zone = (colon: boolean) => `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}${colon ? ':' : ''}${pad(offset % 60)}`;
  const hours12 = d.getHours() % 12 || 12;
  return pattern.replace(TOKENS, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case 'YYYY': return String(d.getFullYear());
      case 'YY': return pad(d.getFullYear() % 100);
      case 'MMMM': return MONTHS[d.getMonth()]!;
      case 'MMM': return MONTHS[d.getMonth()]!.slice(0, 3);
      case 'MM': return pad(d.getMonth() + 1);
      case 'M': return String(d.getMonth() + 1);
      case 'DD': return pad(d.getDate());
      case 'D': return String(d.getDate());
      case 'dddd': return DAYS[d.getDay()]!;
      case 'ddd': return DAYS[d.getDay()]!.slice(0, 3);
      case 'HH': return pad(d.getHours());
      case 'H': return String(d.getHours());
      case 'hh': return pad(hours12);
      case 'h': return String(hours12);
      case 'mm': return pad(d.getMinutes());
      case 'm': return String(d.getMinutes());
      case 'ss': return pad(d.getSeconds());
      case 's': return String(d.getSeconds());
      case 'SSS': return pad(d.getMilliseconds(), 3);
      case 'A': return d.getHours() < 12 ? 'AM' : 'PM';
      case 'a': return d.getHours() < 12 ? 'am' : 'pm';
      case 'ZZ': return zone(false);
      case 'Z': return zone(true);
      case 'X': return String(Math.floor(ms / 1000));
      default: return String(Math.round(ms)); // 'x'
    }
  });
}
