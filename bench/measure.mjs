// @ts-check
/**
 * Timing for benchmarks on a shared, noisy machine: warm up, then alternate the contestants
 * round by round (so a slow moment hits both), and keep each one's median.
 */

/**
 * @template {string} K
 * @param {Record<K, () => unknown>} contestants
 * @param {{ rounds?: number, warmup?: number }} [options]
 * @returns {Promise<Record<K, number>>} median milliseconds per contestant
 */
export async function race(contestants, { rounds = 15, warmup = 3 } = {}) {
  const names = /** @type {K[]} */ (Object.keys(contestants));
  /** @type {Map<K, number[]>} */
  const times = new Map(names.map((n) => [n, []]));
  for (let round = 0; round < warmup + rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const start = performance.now();
      await contestants[name]();
      const elapsed = performance.now() - start;
      if (round >= warmup) times.get(name)?.push(elapsed);
    }
  }
  return /** @type {Record<K, number>} */ (Object.fromEntries(names.map((n) => [n, median(times.get(n) ?? [])])));
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (/** @type {number} */ i) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/**
 * One row of the results table.
 * `count` rows hold a number of things (target the most allowed) instead of a ratio.
 * @typedef {{ benchmark: string, case: string, promkit: string, alternative: string, ratio: number, target: number, note?: string, count?: boolean }} Row
 */
