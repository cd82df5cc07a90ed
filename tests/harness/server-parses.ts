/** Asks a real Prometheus whether it parses a query, for tests that hold promkit's PromQL checks to the server's. */
import { T_END } from './dataset.mjs';

/** The server parsed the query: a 400 bad_data is a parse or type error; anything else parsed. */
export async function serverParses(url: string, text: string): Promise<{ parsed: boolean; error?: string }> {
  const response = await fetch(`${url}/api/v1/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ query: text, time: String(T_END) }),
  });
  if (response.status !== 400) return { parsed: true };
  const body = (await response.json()) as { errorType?: string; error?: string };
  return { parsed: body.errorType !== 'bad_data', ...(body.error ? { error: body.error } : {}) };
}

/** `items` mapped with at most `limit` calls at once, results in order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await f(items[i]!);
      }
    }),
  );
  return results;
}
