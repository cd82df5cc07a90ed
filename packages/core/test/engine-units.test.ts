import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Frame } from '@promkit/core';
// Internal, not public API: tested at its module.
import { compareLabels, mergeTail } from '../src/query/merge.js';
import { Limiter } from '../src/query/limiter.js';

function frame(labels: Record<string, string>, points: [number, number][]): Frame {
  return { labels, timestamps: Float64Array.from(points, (p) => p[0]), values: Float64Array.from(points, (p) => p[1]) };
}

describe('mergeTail', () => {
  it('keeps old points before the tail, takes the tail, drops the head and empty series', () => {
    const previous = [frame({ a: '1' }, [[0, 1], [10, 2], [20, 3], [30, 4]]), frame({ a: 'gone' }, [[0, 9]])];
    const tail = [frame({ a: '1' }, [[20, 30], [30, 40], [40, 50]]), frame({ a: 'new' }, [[40, 7]])];
    const merged = mergeTail(previous, tail, 10, 20);
    expect(merged.map((f) => [f.labels['a'], [...f.timestamps], [...f.values]])).toEqual([
      ['1', [10, 20, 30, 40], [2, 30, 40, 50]],
      ['new', [40], [7]],
    ]);
  });

  it('property: splitting any full result at any point and merging gives the full result back', () => {
    const series = fc.uniqueArray(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 6 }).chain((names) =>
      fc.tuple(
        ...names.map((name) =>
          fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }).map((ts) => frame({ job: name }, ts.sort((a, b) => a - b).map((t) => [t * 10, t * 1.5]))),
        ),
      ),
    );
    fc.assert(
      // Split points on the sample grid, as the engine's step-aligned fetches are.
      fc.property(series, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (frames, a10, b10) => {
        const [a, b] = [a10 * 10, b10 * 10];
        const [start, split] = a <= b ? [a, b] : [b, a];
        const full = frames
          .map((f) => cut(f, start, Number.POSITIVE_INFINITY))
          .filter((f) => f.timestamps.length > 0)
          .sort((x, y) => compareLabels(x.labels, y.labels));
        // What an earlier fetch saw (it started before `start`), and what the tail fetch returns.
        const previous = frames.map((f) => cut(f, 0, split + 50));
        const tail = frames.map((f) => cut(f, split, Number.POSITIVE_INFINITY)).filter((f) => f.timestamps.length > 0);
        const merged = mergeTail(previous, tail, start, split);
        expect(merged.map(plain)).toEqual(full.map(plain));
      }),
    );
  });
});

function cut(f: Frame, from: number, to: number): Frame {
  const keep = [...f.timestamps.keys()].filter((i) => f.timestamps[i]! >= from && f.timestamps[i]! < to);
  return { labels: f.labels, timestamps: Float64Array.from(keep, (i) => f.timestamps[i]!), values: Float64Array.from(keep, (i) => f.values[i]!) };
}

function plain(f: Frame) {
  return { labels: f.labels, timestamps: [...f.timestamps], values: [...f.values] };
}

describe('compareLabels', () => {
  it('orders like Prometheus: by sorted names, then values, then length', () => {
    const sets: Record<string, string>[] = [{ b: '1' }, { a: '2' }, { a: '1', b: '1' }, { a: '1' }];
    expect([...sets].sort(compareLabels)).toEqual([{ a: '1' }, { a: '1', b: '1' }, { a: '2' }, { b: '1' }]);
  });
});

describe('Limiter', () => {
  it('runs at most N at once, in order, and lets an aborted waiter leave', async () => {
    const limiter = new Limiter(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (n: number) => async () => {
      running += 1;
      peak = Math.max(peak, running);
      order.push(n);
      await new Promise((r) => setTimeout(r, 10));
      running -= 1;
      return n;
    };
    const controller = new AbortController();
    const waiting = limiter.run(task(99), controller.signal);
    const runs = [1, 2, 3, 4].map((n) => limiter.run(task(n)));
    controller.abort();
    await expect(waiting).resolves.toBe(99); // it had a slot already: not waiting, so it runs
    const late = new AbortController();
    const queued = limiter.run(task(100), late.signal);
    late.abort();
    await expect(queued).rejects.toMatchObject({ name: 'CanceledError' });
    expect(await Promise.all(runs)).toEqual([1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(order).toEqual([99, 1, 2, 3, 4]);
  });
});
