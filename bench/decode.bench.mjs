// @ts-check
/**
 * Decoding a query_range answer into frames: promkit's client (the answer bytes read straight
 * into Float64Arrays) against a bare JSON.parse of the same bytes and against the
 * prometheus-query package's decoding (JSON.parse, then its QueryResult.fromJSON).
 */
import { PrometheusClient } from '@promkit/core';
import { QueryResult } from 'prometheus-query';
import { race } from './measure.mjs';

const START = 1_700_000_000;
const STEP = 15;

/**
 * A deterministic value in the shapes Prometheus sends: counts, short decimals, full doubles.
 * @param {number} series @param {number} i
 */
function value(series, i) {
  const x = Math.sin(series * 7919 + i * 104_729) * 10_000;
  switch ((series + i) % 3) {
    case 0:
      return String(Math.round(Math.abs(x) * 100));
    case 1:
      return (Math.abs(x) / 100).toFixed(2).replace(/\.?0+$/, '');
    default:
      return String(Math.abs(x) / 3);
  }
}

/**
 * The text Prometheus answers for `seriesCount` series of `points` samples, from the range's
 * start, or with `spread` each starting at its own step within that many (series that came and
 * went, as pods do).
 * @param {number} seriesCount @param {number} points @param {number} [spread]
 */
export function matrixText(seriesCount, points, spread = 0) {
  const result = [];
  for (let s = 0; s < seriesCount; s++) {
    const values = [];
    const first = spread ? (s * 7919) % (spread - points) : 0;
    for (let i = 0; i < points; i++) values.push([START + (first + i) * STEP, value(s, i)]);
    result.push({ metric: { __name__: 'http_requests_total', code: '200', instance: `host-${s}:9100`, job: 'api', method: 'GET' }, values });
  }
  return JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });
}

/** @returns {Promise<import('./measure.mjs').Row[]>} */
export async function run() {
  const rows = [];
  // 100 series over the whole range, and 5,000 short ones in an 11,000-step range (churn).
  /** @type {{ seriesCount: number, points: number, rangePoints: number }[]} */
  const cases = [
    { seriesCount: 100, points: 1_000, rangePoints: 1_000 },
    { seriesCount: 100, points: 11_000, rangePoints: 11_000 },
    { seriesCount: 5_000, points: 20, rangePoints: 11_000 },
  ];
  for (const { seriesCount, points, rangePoints } of cases) {
    const text = matrixText(seriesCount, points, rangePoints === points ? 0 : rangePoints);
    // promkit starts from the bytes as they arrive (decoding them to text is part of its time);
    // the alternatives start from the text, already decoded.
    const bytes = new TextEncoder().encode(text);
    const client = new PrometheusClient({ url: 'http://bench.invalid', fetch: async () => new Response(bytes, { headers: { 'content-type': 'application/json' } }) });
    const params = { query: 'x', start: START, end: START + (rangePoints - 1) * STEP, step: STEP };
    const check = await client.queryRangeFrames(params);
    if (check.frames.length !== seriesCount || check.frames.some((f) => f.values.length !== points)) throw new Error('decode bench: promkit decoded the wrong shape');
    const times = await race(
      {
        promkit: () => client.queryRangeFrames(params),
        'JSON.parse': () => JSON.parse(text),
        'prometheus-query': () => QueryResult.fromJSON(JSON.parse(text).data),
      },
      { rounds: text.length > 5e6 ? 9 : 25 },
    );
    const churn = rangePoints === points ? '' : ` in a range of ${rangePoints.toLocaleString('en')} steps`;
    const size = `${seriesCount.toLocaleString('en')} × ${points.toLocaleString('en')}${churn} (${(text.length / 1e6).toFixed(1)} MB)`;
    rows.push(
      { benchmark: 'decode', case: size, promkit: `${times.promkit.toFixed(1)} ms`, alternative: `bare JSON.parse ${times['JSON.parse'].toFixed(1)} ms`, ratio: times.promkit / times['JSON.parse'], target: points > 5_000 ? 0.7 : Number.NaN },
      { benchmark: 'decode', case: size, promkit: `${times.promkit.toFixed(1)} ms`, alternative: `prometheus-query ${times['prometheus-query'].toFixed(1)} ms`, ratio: times.promkit / times['prometheus-query'], target: 0.5 },
    );
  }
  return rows;
}
