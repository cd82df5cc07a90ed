/**
 * The time settings a dashboard runs with: each one the host asks for (attributes, the URL),
 * else the dashboard's own, else the default (the last 6 hours, no auto-refresh, the browser's
 * timezone). A timezone that is no timezone falls back to the browser's, with the error saying why.
 */
import type { InvalidArgumentError } from '../prometheus/errors.js';
import { parseDuration } from '../time/duration.js';
import { timeZoneOrBrowser } from '../time/range.js';
import type { Dashboard } from './schema.js';

/** What a host asks for; undefined leaves a setting to the dashboard. */
export interface AskedTimeSettings {
  from?: string | undefined;
  to?: string | undefined;
  /** Auto-refresh interval such as `30s`; '' is off. */
  refresh?: string | undefined;
  timeZone?: string | undefined;
}

export interface TimeSettings {
  range: { from: string; to: string };
  /** The auto-refresh interval as written ('' off). */
  refresh: string;
  /** The auto-refresh interval in milliseconds; 0 is off (and so is an interval that cannot be read). */
  refreshMs: number;
  /** The IANA timezone times are shown in. */
  timeZone: string;
  /** Why the timezone asked for cannot be used, when it cannot. */
  timeZoneError?: InvalidArgumentError;
}

export function timeSettings(dashboard: Pick<Dashboard, 'time' | 'refresh' | 'timezone'> | undefined, asked: AskedTimeSettings): TimeSettings {
  const time = dashboard?.time ?? { from: 'now-6h', to: 'now' };
  const refresh = asked.refresh ?? dashboard?.refresh ?? '';
  const zone = timeZoneOrBrowser(asked.timeZone ?? dashboard?.timezone);
  return {
    range: { from: asked.from ?? String(time.from), to: asked.to ?? String(time.to) },
    refresh,
    refreshMs: (parseDuration(refresh) ?? 0) * 1000,
    timeZone: zone.timeZone,
    ...(zone.error ? { timeZoneError: zone.error } : {}),
  };
}
