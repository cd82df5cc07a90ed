import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TIME_RANGE_PRESETS,
  describeRange,
  isPromkitError,
  isRelative,
  panelRange,
  parseTime,
  resolveRange,
  resolveTimeZone,
} from '@promkit/core';

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) });
const zone = fc.constantFrom(...ZONES);

/** Wall-clock parts of an instant in a zone. */
function wall(ms: number, timeZone: string) {
  const d = new TZDate(ms, timeZone);
  return { y: d.getFullYear(), mo: d.getMonth(), d: d.getDate(), dow: d.getDay(), h: d.getHours(), mi: d.getMinutes(), s: d.getSeconds(), ms: d.getMilliseconds() };
}

describe('date math', () => {
  it('now-N with s, m, h is exact arithmetic in any zone', () => {
    const unitMs = { s: 1000, m: 60_000, h: HOUR } as const;
    fc.assert(
      fc.property(instant, zone, fc.nat(100_000), fc.constantFrom('s', 'm', 'h' as const), (now, timeZone, n, unit) => {
        expect(parseTime(`now-${n}${unit}`, { now, timeZone })).toBe(now - n * unitMs[unit]);
        expect(parseTime(`now+${n}${unit}`, { now, timeZone })).toBe(now + n * unitMs[unit]);
      }),
    );
  });

  it('now-Nd keeps the wall-clock time of day across DST changes', () => {
    fc.assert(
      fc.property(instant, zone, fc.nat(3000), (now, timeZone, n) => {
        const before = wall(now, timeZone);
        fc.pre(before.h >= 4); // skip times that may not exist on the target day (DST gaps are at night)
        const after = wall(parseTime(`now-${n}d`, { now, timeZone }), timeZone);
        expect([after.h, after.mi, after.s, after.ms]).toEqual([before.h, before.mi, before.s, before.ms]);
      }),
    );
  });

  it('/d, /w, /M, /y round down to the start (from) and up to the end (to) in the zone', () => {
    fc.assert(
      fc.property(instant, zone, fc.constantFrom('d', 'w', 'M', 'y'), (now, timeZone, unit) => {
        const start = parseTime(`now/${unit}`, { now, timeZone });
        const end = parseTime(`now/${unit}`, { now, timeZone, roundUp: true });
        expect(start).toBeLessThanOrEqual(now);
        expect(end).toBeGreaterThanOrEqual(now);
        const s = wall(start, timeZone);
        const e = wall(end, timeZone);
        expect([s.h, s.mi, s.s, s.ms]).toEqual([0, 0, 0, 0]);
        expect([e.h, e.mi, e.s, e.ms]).toEqual([23, 59, 59, 999]);
        if (unit === 'w') expect([s.dow, e.dow]).toEqual([1, 0]);
        if (unit === 'M' || unit === 'y') expect(s.d).toBe(1);
        if (unit === 'y') expect([s.mo, e.mo, e.d]).toEqual([0, 11, 31]);
        // The next unit starts right after the end.
        expect(parseTime(`now/${unit}`, { now: end + 1, timeZone })).toBe(end + 1);
      }),
    );
  });

  it('rounding is idempotent and shifts compose: now-7d/d is midnight seven days back', () => {
    fc.assert(
      fc.property(instant, zone, (now, timeZone) => {
        const midnight = parseTime('now/d', { now, timeZone });
        expect(parseTime('now/d', { now: midnight, timeZone })).toBe(midnight);
        const weekBack = parseTime('now-7d/d', { now, timeZone });
        expect(parseTime('now/d', { now: parseTime('now-7d', { now, timeZone }), timeZone })).toBe(weekBack);
        expect(Math.round((midnight - weekBack) / DAY)).toBe(7);
      }),
    );
  });

  it('Sunday-start weeks when asked', () => {
    const now = Date.UTC(2024, 4, 15, 12); // a Wednesday
    expect(new Date(parseTime('now/w', { now, timeZone: 'utc', weekStartsOn: 0 })).toISOString()).toBe('2024-05-12T00:00:00.000Z');
    expect(new Date(parseTime('now/w', { now, timeZone: 'utc' })).toISOString()).toBe('2024-05-13T00:00:00.000Z');
  });

  it('a DST day in Berlin is 23 hours from midnight to midnight', () => {
    const now = Date.UTC(2024, 2, 31, 12); // 31 March 2024, clocks go forward
    const range = resolveRange({ from: 'now/d', to: 'now/d' }, { now, timeZone: 'Europe/Berlin' });
    expect(range.to + 1 - range.from).toBe(23 * HOUR);
  });
});

describe('absolute times', () => {
  it('ISO 8601 with an offset and epoch milliseconds are exact, whatever the zone', () => {
    fc.assert(
      fc.property(instant, zone, (ms, timeZone) => {
        expect(parseTime(new Date(ms).toISOString(), { timeZone })).toBe(ms);
        expect(parseTime(String(ms), { timeZone })).toBe(ms);
        expect(parseTime(ms, { timeZone })).toBe(ms);
        expect(parseTime(new Date(ms), { timeZone })).toBe(ms);
      }),
    );
  });

  it('ISO 8601 without an offset is wall-clock time in the dashboard zone', () => {
    fc.assert(
      fc.property(instant, zone, (ms, timeZone) => {
        const w = wall(ms, timeZone);
        fc.pre(w.h >= 4);
        const pad = (n: number, l = 2) => String(n).padStart(l, '0');
        const text = `${w.y}-${pad(w.mo + 1)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}.${pad(w.ms, 3)}`;
        expect(parseTime(text, { timeZone })).toBe(ms);
      }),
    );
    expect(parseTime('2024-05-01', { timeZone: 'Asia/Kolkata' })).toBe(Date.UTC(2024, 3, 30, 18, 30));
  });
});

describe('bad input', () => {
  it('anything unreadable is an InvalidArgumentError, never a crash or NaN', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          expect(Number.isFinite(parseTime(text, { now: 0, timeZone: 'utc' }))).toBe(true);
        } catch (error) {
          expect(isPromkitError(error, 'InvalidArgumentError')).toBe(true);
        }
      }),
    );
  });

  it.each([
    ['now-6x', /cannot read "-6x"/],
    ['now-h', /cannot read "-h"/],
    ['yesterday', /is not a time/],
    ['2024-13-45T00:00:00Z', /is not a time/],
  ])('%s', (text, message) => {
    expect(() => parseTime(text)).toThrow(message);
  });

  it('a reversed range and an unknown zone are refused with what to do', () => {
    expect(() => resolveRange({ from: 'now', to: 'now-1h' })).toThrow(/"from" must be before "to"/);
    expect(() => resolveTimeZone('Mars/Olympus')).toThrow(/use an IANA name/);
  });
});

describe('presets', () => {
  it('every preset resolves to a non-empty range ending at or after its start', () => {
    const now = Date.UTC(2024, 4, 15, 12, 34, 56);
    for (const preset of TIME_RANGE_PRESETS) {
      const r = resolveRange(preset, { now, timeZone: 'utc' });
      expect(r.to).toBeGreaterThan(r.from);
      expect(describeRange(preset)).toBe(preset.label);
    }
    expect(resolveRange({ from: 'now-1M/M', to: 'now-1M/M' }, { now, timeZone: 'utc' })).toEqual({
      from: Date.UTC(2024, 3, 1),
      to: Date.UTC(2024, 4, 1) - 1,
    });
  });

  it('relative ranges are the ones ending at now', () => {
    expect(isRelative({ from: 'now-6h', to: 'now' })).toBe(true);
    expect(isRelative({ from: 0, to: 1000 })).toBe(false);
    expect(describeRange({ from: '2024-01-01T00:00:00Z', to: 'now' })).toBe('2024-01-01T00:00:00Z to now');
  });
});

describe('panelRange', () => {
  const now = Date.UTC(2024, 4, 15, 12);
  const opts = { now, timeZone: 'utc' };
  it('timeFrom replaces the range; timeShift moves it back, relative or absolute', () => {
    expect(panelRange({ from: 'now-6h', to: 'now' }, { timeFrom: '1h30m' })).toEqual({ from: 'now-1h-30m', to: 'now' });
    expect(panelRange({ from: 'now/d', to: 'now/d' }, { timeShift: '1d' })).toEqual({ from: 'now-1d/d', to: 'now-1d/d' });
    expect(resolveRange(panelRange({ from: 'now-6h', to: 'now' }, { timeFrom: '2h', timeShift: '1w' }), opts)).toEqual({
      from: now - 7 * DAY - 2 * HOUR,
      to: now - 7 * DAY,
    });
    expect(panelRange({ from: 1000_000, to: 2000_000 }, { timeShift: '500ms' })).toEqual({ from: 999_500, to: 1_999_500 });
    expect(panelRange({ from: 'now-6h', to: 'now' }, {})).toEqual({ from: 'now-6h', to: 'now' });
  });

  it('refuses a shift that is not a duration', () => {
    expect(() => panelRange({ from: 'now-6h', to: 'now' }, { timeShift: 'yesterday' })).toThrow('"yesterday" is not a duration such as "1h" or "1d".');
  });
});
