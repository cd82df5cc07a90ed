/**
 * Where the catalog's stories get data: the demo's (or your) Prometheus when the toolbar says
 * "live", otherwise the recording. Live answers are kept on `window.__promkitRecording`, which
 * is how `npm run stories:record` collects them.
 */
import { PrometheusClient } from '@promkit/core';
import { recordingFetch, replayFetch, type Answers, type Recording } from './recording.js';
import recording from '../recording.json';

export type DataMode = 'recorded' | 'live';

/** The live Prometheus: STORYBOOK_PROMETHEUS_URL at build time, else the proxy `npm start` serves. */
export const LIVE_URL: string = (import.meta as unknown as { env: Record<string, string | undefined> }).env['STORYBOOK_PROMETHEUS_URL'] || '/prometheus';
/** The URL recorded stories name; nothing is fetched from it. */
const RECORDED_URL = '/recorded-prometheus';

declare global {
  interface Window {
    __promkitRecording?: Answers;
  }
}

/** The URL and fetch a story uses in a data mode. */
export function dataSource(mode: DataMode, storyId: string): { url: string; fetch: typeof fetch } {
  if (mode === 'live') return { url: LIVE_URL, fetch: recordingFetch((window.__promkitRecording ??= {})) };
  return { url: RECORDED_URL, fetch: replayFetch((recording as Recording).stories[storyId] ?? {}) };
}

/** A client for a story, in a data mode or with a fetch of the story's own. */
export function storyClient(mode: DataMode, storyId: string, ownFetch?: typeof fetch): PrometheusClient {
  const source = dataSource(mode, storyId);
  return new PrometheusClient({ url: source.url, fetch: ownFetch ?? source.fetch, retries: 0 });
}

/** A fetch that never answers: the loading state, for as long as you look. */
export const neverAnswers: typeof fetch = () => new Promise<Response>(() => undefined);

/** A fetch that finds Prometheus down, as a proxy in front of it would say. */
export const prometheusDown: typeof fetch = async () =>
  new Response('upstream connect error: connection refused', { status: 503, headers: { 'content-type': 'text/plain' } });

/**
 * A fetch that answers `/api/v1/alerts` as Prometheus does, with two of the demo's alerts active
 * (one firing for twenty minutes, one pending): the demo rarely has one active when the catalog is
 * recorded, and an alert list is about how active alerts read.
 */
export const demoAlerts: typeof fetch = async () => {
  const since = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const alerts = [
    { labels: { alertname: 'DemoRigOverheating', device: 'rig-3', severity: 'warning' }, annotations: { summary: 'rig-3 runs at 84 °C and throttles.' }, state: 'firing', activeAt: since(20), value: '8.4e+01' },
    { labels: { alertname: 'DemoPipelineLagging', severity: 'critical' }, annotations: { summary: 'The pipeline is 42s behind.' }, state: 'pending', activeAt: since(0.5), value: '4.2e+01' },
  ];
  return Response.json({ status: 'success', data: { alerts } });
};
