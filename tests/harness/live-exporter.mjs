// @ts-check
/**
 * A tiny OpenMetrics endpoint for live-scraping tests: a counter that grows by a known amount on
 * every scrape, with an exemplar, so refresh and exemplar tests see new samples arrive.
 */
import { createServer } from 'node:http';
import { listenOnLoopback } from './listen.mjs';

/** Trace id carried by the exemplar of the live counter. */
export const EXEMPLAR_TRACE_ID = 'promkit-trace-0001';
/** How much the live counter grows per scrape. */
export const LIVE_INCREMENT = 5;

/**
 * Starts the exporter on a free loopback port.
 * @returns {Promise<{ url: string, host: string, scrapes: () => number, stop: () => Promise<void> }>}
 */
export async function startLiveExporter() {
  let scrapes = 0;
  const server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end('not found\n');
      return;
    }
    scrapes += 1;
    const total = scrapes * LIVE_INCREMENT;
    const now = Date.now() / 1000;
    res.writeHead(200, { 'content-type': 'application/openmetrics-text; version=1.0.0; charset=utf-8' });
    res.end(
      [
        '# HELP promkit_live_requests Requests counted by the live test exporter.',
        '# TYPE promkit_live_requests counter',
        `promkit_live_requests_total{path="/live"} ${total} # {trace_id="${EXEMPLAR_TRACE_ID}"} ${LIVE_INCREMENT} ${now.toFixed(3)}`,
        '# HELP promkit_live_queue_depth_items Items waiting in the live test queue.',
        '# TYPE promkit_live_queue_depth_items gauge',
        '# UNIT promkit_live_queue_depth_items items',
        `promkit_live_queue_depth_items ${scrapes % 7}`,
        '# EOF',
        '',
      ].join('\n'),
    );
  });
  const host = `127.0.0.1:${await listenOnLoopback(server)}`;
  return {
    url: `http://${host}/metrics`,
    host,
    scrapes: () => scrapes,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
