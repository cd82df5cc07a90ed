/** How long the test Prometheus has been scraping, for tests whose first query must have data. */
const url = window.__PROMKIT_TEST__.prometheusUrl;

/**
 * Waits until the test Prometheus has scraped itself for `seconds`: a panel's range ends on its
 * last whole step (as in Grafana), so a 20 s step over a younger Prometheus has no sample yet.
 */
export async function prometheusUpFor(seconds: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  const query = encodeURIComponent('time() - process_start_time_seconds{job="prometheus"}');
  for (;;) {
    const body = (await (await fetch(`${url}/api/v1/query?query=${query}`)).json()) as { data: { result: { value: [number, string] }[] } };
    const uptime = Number(body.data.result[0]?.value[1] ?? 0);
    if (uptime >= seconds) return;
    if (Date.now() > deadline) throw new Error(`the test Prometheus has been up ${uptime} s, not ${seconds} s, after a minute`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
