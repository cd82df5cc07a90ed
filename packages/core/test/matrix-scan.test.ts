/** scanMatrix: the byte reader gives the frames JSON.parse + toFrames give, or steps aside. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFrames, type QueryResult } from '@promkit/core';
import { scanMatrix, scanMatrixSliced } from '../src/prometheus/matrix-scan.js';

/** A matrix answer as Prometheus writes it (compact JSON, values as strings). */
function answerText(series: { metric: Record<string, string>; values: [number, string][] }[]): string {
  return JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: series } });
}
const utf8 = (text: string) => new TextEncoder().encode(text);
const answer = (series: Parameters<typeof answerText>[0]) => utf8(answerText(series));

const sampleValue = fc.oneof(
  fc.double().map((v) => (Number.isNaN(v) ? 'NaN' : v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : String(v))),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 999999 })).map(([a, b]) => `${a}.${String(b).padStart(6, '0')}`),
);
const time = fc.tuple(fc.integer({ min: 0, max: 4e9 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 3 })).map(([s, ms, places]) =>
  places === 0 ? s : Number(`${s}.${String(ms).padStart(3, '0').slice(0, places)}`),
);
const series = fc.record({
  // Any Unicode in label values (several bytes a character in UTF-8, escapes in JSON).
  metric: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 12, unit: 'binary' }), { maxKeys: 4 }),
  values: fc.array(fc.tuple(time, sampleValue), { maxLength: 40 }),
});

describe('scanMatrix', () => {
  it('properties: gives exactly the frames of JSON.parse + toFrames, and the envelope without the samples', () => {
    fc.assert(
      fc.property(fc.array(series, { maxLength: 6 }), (list) => {
        const text = answerText(list);
        const scanned = scanMatrix(utf8(text));
        expect(scanned).toBeDefined();
        const parsed = JSON.parse(text) as { data: QueryResult };
        expect(scanned!.frames).toEqual(toFrames({ ...parsed.data, warnings: [], infos: [], partial: false } as QueryResult));
        for (const [i, frame] of scanned!.frames.entries()) {
          frame.values.forEach((v, j) => expect(Object.is(v, Number(list[i]!.values[j]![1].replace('Inf', 'Infinity')))).toBe(true));
        }
        expect(JSON.parse(scanned!.envelope)).toEqual({ status: 'success', data: { resultType: 'matrix', result: [] } });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps warnings, infos and stats after the samples in the envelope', () => {
    const text = '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"1"},"values":[[1,"2"]]}],"stats":{"x":1}},"warnings":["w"]}';
    expect(JSON.parse(scanMatrix(utf8(text))!.envelope)).toEqual({ status: 'success', data: { resultType: 'matrix', result: [], stats: { x: 1 } }, warnings: ['w'] });
  });

  it.each([
    ['a vector', '{"status":"success","data":{"resultType":"vector","result":[]}}'],
    ['native histograms', '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"histograms":[[1,{"count":"1","sum":"1"}]]}]}}'],
    ['spaced JSON', '{"status":"success","data":{"resultType":"matrix","result":[ {"metric":{},"values":[[1,"2"]]}]}}'],
    ['a value that is not a number', '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"abc"]]}]}}'],
    ['a truncated answer', '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"2"],[2,'],
    ['a time with four decimals', '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1.0001,"2"]]}]}}'],
  ])('steps aside for %s (the general path then reads or refuses it)', (_, text) => {
    expect(scanMatrix(utf8(text))).toBeUndefined();
  });

  it('steps aside when the matrix does not start the answer (it looks only at its head)', () => {
    const late = `{"status":"success","padding":"${'x'.repeat(2000)}","data":{"resultType":"matrix","result":[]}}`;
    expect(scanMatrix(utf8(late))).toBeUndefined();
  });

  it('properties: columns sized for any expected length (series longer, as long, shorter) still hold exactly their samples', () => {
    fc.assert(
      fc.property(fc.array(series, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 60 }), (list, expectedPoints) => {
        const text = answerText(list);
        const scanned = scanMatrix(utf8(text), { expectedPoints })!;
        const parsed = JSON.parse(text) as { data: QueryResult };
        expect(scanned.frames).toEqual(toFrames({ ...parsed.data, warnings: [], infos: [], partial: false } as QueryResult));
        scanned.frames.forEach((frame, i) => expect(frame.values.buffer.byteLength).toBe(list[i]!.values.length * 8));
      }),
      { numRuns: 200 },
    );
  });
});

describe('scanMatrixSliced', () => {
  const many = answer(Array.from({ length: 50 }, (_, s) => ({ metric: { s: String(s) }, values: Array.from({ length: 200 }, (_, i): [number, string] => [1_700_000_000 + i * 15, String((s * 31 + i) / 7)]) })));

  it('properties: gives what scanMatrix gives, bit for bit, and steps aside where it does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(series, { maxLength: 6 }), fc.constantFrom(0, 16), async (list, sliceMs) => {
        const bytes = answer(list);
        expect(await scanMatrixSliced(bytes, { sliceMs })).toEqual(scanMatrix(bytes));
      }),
      { numRuns: 100 },
    );
    expect(await scanMatrixSliced(utf8('{"status":"success","data":{"resultType":"vector","result":[]}}'))).toBeUndefined();
  });

  it('gives the event loop its turns between slices: a timer set before it runs before it ends', async () => {
    let ranAt = -1;
    let decoded = 0;
    setTimeout(() => (ranAt = decoded), 0);
    const scanned = await scanMatrixSliced(many, { sliceMs: 0 });
    decoded = scanned!.frames.length;
    expect(ranAt).toBeGreaterThanOrEqual(0);
    expect(ranAt).toBeLessThan(50);
    // With no slicing (one long slice) the timer waits for the end.
    let waited = false;
    setTimeout(() => (waited = true), 0);
    await scanMatrixSliced(many, { sliceMs: 60_000 });
    expect(waited).toBe(false);
  });

  it('stops with the reason when the signal aborts between slices', async () => {
    const abort = new AbortController();
    setTimeout(() => abort.abort(new Error('superseded')), 0);
    await expect(scanMatrixSliced(many, { sliceMs: 0, signal: abort.signal })).rejects.toThrow('superseded');
  });
});
