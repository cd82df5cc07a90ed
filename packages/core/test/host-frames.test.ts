/** Host-fed frames: plain numbers, Dates and ISO strings checked and sorted; rows grouped into series; results as a panel shows them. */
import { describe, expect, it } from 'vitest';
import { SchemaError, appendFrames, computeTiming, hostTargetResults, rowsToFrames, toHostFrames, type Frame } from '@promkit/core';

const T0 = Date.parse('2026-12-01T10:00:00Z');

describe('rowsToFrames', () => {
  it('groups rows by their label fields, in order of first appearance, sorted by time', () => {
    const frames = rowsToFrames(
      [
        { at: '2026-12-01T10:02:00Z', rows: 30, table: 'orders' },
        { at: new Date(T0), rows: '10', table: 'orders' },
        { at: T0 + 60_000, rows: 5, table: 'users' },
        { at: T0 + 60_000, rows: null, table: 'orders' },
      ],
      { time: 'at', value: 'rows', labels: ['table'] },
    );
    expect(frames.map((f) => [f.labels, [...f.timestamps], [...f.values]])).toEqual([
      [{ table: 'orders' }, [T0, T0 + 60_000, T0 + 120_000], [10, NaN, 30]],
      [{ table: 'users' }, [T0 + 60_000], [5]],
    ]);
    expect(frames[0]!.timestamps).toBeInstanceOf(Float64Array);
  });

  it('names every row and field it cannot read', () => {
    let error: unknown;
    try {
      rowsToFrames([{ at: 'yesterday', v: 1 }, { at: T0, v: 'lots' }, { v: 2 }], { time: 'at', value: 'v' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).problems).toEqual([
      { path: 'rows[0].at', message: 'must be a time (ms since the epoch, a Date or an ISO string), got "yesterday"' },
      { path: 'rows[1].v', message: 'must be a number (or null for a gap), got "lots"' },
      { path: 'rows[2].at', message: 'must be a time (ms since the epoch, a Date or an ISO string), got nothing' },
    ]);
  });
});

describe('toHostFrames and hostTargetResults', () => {
  it('sorts plain arrays, keeps sorted Float64Arrays as they are, and refuses mismatched lengths', () => {
    const sortedIn = { labels: { a: '1' }, timestamps: Float64Array.of(T0, T0 + 1), values: Float64Array.of(1, 2) };
    const [kept, fixed] = toHostFrames([sortedIn, { timestamps: [T0 + 5, T0], values: [5, 0] }]);
    expect(kept!.timestamps).toBe(sortedIn.timestamps);
    expect([[...fixed!.timestamps], [...fixed!.values], fixed!.labels]).toEqual([[T0, T0 + 5], [0, 5], {}]);
    expect(() => toHostFrames([{ timestamps: [T0], values: [] }])).toThrow(/frames\[0\]: has 1 timestamps and 0 values: they must be as many/);
  });

  it('makes one result per refId (a list is target A), with the target\u2019s expr, the timing and source host', () => {
    const timing = computeTiming({ range: { from: T0, to: T0 + 3_600_000 } });
    const list = hostTargetResults([{ timestamps: [T0], values: [1] }], timing, [{ refId: 'A', expr: 'runs' }]);
    expect(list.map((r) => [r.refId, r.expr, r.source, r.frames.length, r.timing])).toEqual([['A', 'runs', 'host', 1, timing]]);
    const byRef = hostTargetResults({ B: [], C: [{ timestamps: [T0], values: [2] }] }, timing);
    expect(byRef.map((r) => [r.refId, r.expr, r.frames.length])).toEqual([
      ['B', '', 0],
      ['C', '', 1],
    ]);
    expect(() => hostTargetResults({ X: [{ timestamps: ['soon'], values: [1] }] }, timing)).toThrow(/frames\.X\[0\]\.timestamps\[0\]: must be a time/);
  });

  it('gives a result a step of at least its widest sample spacing, so runs far apart are one line', () => {
    const timing = computeTiming({ range: { from: T0, to: T0 + 3_600_000 } });
    expect(timing.step).toBeLessThan(600);
    const [runs] = hostTargetResults([{ timestamps: [T0, T0 + 600_000, T0 + 660_000], values: [1, 2, 3] }], timing);
    expect(runs!.timing).toEqual({ ...timing, step: 600 });
    const [dense] = hostTargetResults([{ timestamps: [T0, T0 + 1], values: [1, 2] }], timing);
    expect(dense!.timing).toBe(timing);
  });
});

describe('appendFrames', () => {
  const frame = (labels: Record<string, string>, points: [number, number][]): Frame => ({ labels, timestamps: Float64Array.from(points, (p) => p[0]), values: Float64Array.from(points, (p) => p[1]) });
  const plain = (frames: Frame[]) => frames.map((f) => [f.labels, [...f.timestamps], [...f.values]]);

  it('appends by labels (in any order), adds new series at the end, and leaves out repeats', () => {
    const current = [frame({ a: '1', b: '2' }, [[1, 10], [2, 20]])];
    const next = appendFrames(current, [frame({ b: '2', a: '1' }, [[2, 99], [3, 30]]), frame({ c: '3' }, [[3, 1]])]);
    expect(plain(next)).toEqual([
      [{ a: '1', b: '2' }, [1, 2, 3], [10, 20, 30]],
      [{ c: '3' }, [3], [1]],
    ]);
    expect(plain(current), 'current is not changed').toEqual([[{ a: '1', b: '2' }, [1, 2], [10, 20]]]);
  });

  it('keeps at most maxPoints, none older than maxAgeMs before now (default the newest sample)', () => {
    let frames: Frame[] = [];
    for (let t = 1; t <= 10_000; t++) frames = appendFrames(frames, [frame({}, [[t, t * 2]])], { maxPoints: 600 });
    expect(frames[0]!.timestamps.length).toBe(600);
    expect([frames[0]!.timestamps[0], frames[0]!.values[599]]).toEqual([9401, 20_000]);
    const aged = appendFrames([frame({}, [[0, 0], [50, 1], [100, 2]])], [], { maxAgeMs: 60 });
    expect([...aged[0]!.timestamps]).toEqual([50, 100]);
    expect([...appendFrames(aged, [], { maxAgeMs: 60, now: 140 })[0]!.timestamps]).toEqual([100]);
  });
});
