/**
 * Recorded Prometheus answers for the catalog. Live, a fetch wrapper keeps every successful answer;
 * `npm run stories:record` visits each story against the demo and saves them. Replayed, the same
 * request (times aside) gets the recorded answer moved in time so it ends where the request ends:
 * the catalog then looks live without a Prometheus.
 */

export interface RecordedAnswer {
  /** The request's evaluation end (`end`, or `time` for instant queries), in seconds. */
  at: number;
  body: unknown;
}

/** Answers by request key. */
export type Answers = Record<string, RecordedAnswer>;

/** Each story's answers, by story id: a story replays only what it received itself. */
export interface Recording {
  recordedAt: string;
  stories: Record<string, Answers>;
}

type Point = [number, string];
interface Sample {
  metric: Record<string, string>;
  value?: Point;
  values?: Point[];
}

/**
 * Parameters that change with the moment and the panel's width: not part of the key (the range's
 * length is). Range windows in queries (`[5m]`, `[$__rate_interval]` once interpolated) follow
 * the step, so the key leaves them out too; a replay then shows the recorded resolution.
 */
const VARYING = new Set(['start', 'end', 'time', 'step']);
const RANGE_WINDOW = /\[[0-9smhdwy:]+\]/g;

/** The endpoint and parameters of a Prometheus API request, from a URL and a form body. */
export async function describeRequest(request: Request): Promise<{ endpoint: string; params: URLSearchParams }> {
  const url = new URL(request.url);
  const params = new URLSearchParams(url.search);
  if (request.method === 'POST') for (const [k, v] of new URLSearchParams(await request.text())) params.append(k, v);
  return { endpoint: url.pathname.replace(/^.*\/api\/v1\//, ''), params };
}

/** What identifies a request in a recording: its endpoint and its lasting parameters. */
export function recordingKey(endpoint: string, params: URLSearchParams): string {
  const span: [string, string][] = params.has('start') && params.has('end') ? [['span', `${Math.round((Number(params.get('end')) - Number(params.get('start'))) / 60)}m`]] : [];
  const kept = [...params, ...span]
    .filter(([k]) => !VARYING.has(k))
    .map(([k, v]): [string, string] => [k, k === 'query' ? v.replace(RANGE_WINDOW, '[…]') : v])
    .sort(([a, av], [b, bv]) => a.localeCompare(b) || av.localeCompare(bv));
  return `${endpoint}?${new URLSearchParams(kept)}`;
}

/** Where a request's evaluation ends, in seconds. */
function requestEnd(params: URLSearchParams): number {
  const raw = params.get('end') ?? params.get('time');
  return raw === null ? Date.now() / 1000 : Number(raw);
}

/** A fetch that keeps each successful answer in `into` before handing it on. */
export function recordingFetch(into: Answers, base: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const { endpoint, params } = await describeRequest(request.clone());
    const response = await base(request);
    if (response.ok) {
      const body = (await response.clone().json()) as { status?: string };
      if (body.status === 'success') into[recordingKey(endpoint, params)] = { at: requestEnd(params), body };
    }
    return response;
  };
}

/** A fetch that answers from a story's recorded answers, shifted to the request's time. */
export function replayFetch(answers: Answers): typeof fetch {
  return async (input, init) => {
    const { endpoint, params } = await describeRequest(new Request(input, init));
    const key = recordingKey(endpoint, params);
    const answer = answers[key] ?? longerRange(answers, key);
    if (!answer) {
      const error = `this story's recording has no answer for ${key}; run "npm run stories:record" to record it from the demo`;
      return Response.json({ status: 'error', errorType: 'bad_data', error }, { status: 400 });
    }
    const end = requestEnd(params);
    const start = params.has('start') ? Number(params.get('start')) : Number.NEGATIVE_INFINITY;
    return Response.json(shifted(answer.body, end - answer.at, start, end));
  };
}

/**
 * A recorded answer to the same range query over a longer range: an incremental refresh asks for
 * only the last minutes of a range the story recorded whole, and the tail of it answers that.
 */
function longerRange(answers: Answers, key: string): RecordedAnswer | undefined {
  const span = (k: string) => Number(/(?:^|[?&])span=(\d+)m/.exec(k)?.[1] ?? Number.NaN);
  const spanless = (k: string) => k.replace(/([?&])span=\d+m&?/, '$1').replace(/[?&]$/, '');
  const wanted = span(key);
  if (Number.isNaN(wanted)) return undefined;
  const longer = Object.keys(answers).filter((k) => spanless(k) === spanless(key) && span(k) > wanted);
  longer.sort((a, b) => span(a) - span(b));
  return longer[0] === undefined ? undefined : answers[longer[0]];
}

/** A copy of an answer with every sample moved by `delta` seconds and kept within [start, end]. */
function shifted(body: unknown, delta: number, start: number, end: number): unknown {
  const data = (body as { data?: { resultType?: string; result?: unknown } }).data;
  if (!data || !Array.isArray(data.result)) return body;
  const move = ([t, v]: Point): Point => [Math.round((t + delta) * 1000) / 1000, v];
  const result = (data.result as Sample[]).map((sample) => ({
    ...sample,
    ...(sample.value ? { value: move(sample.value) } : {}),
    ...(sample.values ? { values: sample.values.map(move).filter(([t]) => t >= start && t <= end) } : {}),
  }));
  return { ...(body as object), data: { ...data, result } };
}
