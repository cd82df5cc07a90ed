/** Streams of host datasources: the message format, the retry wait, the schema field, and the engine's subscriptions. */
import { describe, expect, it } from 'vitest';
import {
  DatasourceRegistry,
  QueryEngine,
  SchemaError,
  hostSourceOf,
  parseStreamMessage,
  streamProtocol,
  streamRetryDelay,
  validateDashboard,
  type HostFrames,
  type HostQuery,
  type HostSource,
  type StreamPush,
  type Target,
} from '@promkit/core';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const RANGE = { from: T0, to: T0 + 600_000 };
const targets = [{ refId: 'A', expr: 'rows', instant: false, hide: false }] as Target[];

describe('parseStreamMessage', () => {
  it('reads a channel and frames, with the id of the event or of the message', () => {
    const message = parseStreamMessage(JSON.stringify({ channel: 'rows', frames: [{ labels: { table: 'orders' }, timestamps: [T0], values: [3] }] }), '17');
    expect(message.id).toBe('17');
    expect(message.channel).toBe('rows');
    expect([...message.frames[0]!.values]).toEqual([3]);
    expect(parseStreamMessage(JSON.stringify({ id: 18, frames: [] })).id).toBe('18');
  });

  it('names what is wrong with a message', () => {
    const problems = (data: string) => {
      try {
        parseStreamMessage(data);
      } catch (error) {
        expect(error).toBeInstanceOf(SchemaError);
        return (error as SchemaError).problems;
      }
      return [];
    };
    expect(problems('rows=3')).toEqual([{ path: 'message', message: 'must be JSON, got "rows=3"' }]);
    expect(problems('[1]')).toEqual([{ path: 'message', message: 'must be an object { channel?, frames }, got [1]' }]);
    expect(problems('{"channel":5}')).toEqual([
      { path: 'message.channel', message: 'must be a string, got 5' },
      { path: 'message.frames', message: 'must be a list of frames, got nothing' },
    ]);
    expect(problems('{"frames":[{"timestamps":[1],"values":["x"]}]}')[0]!.path).toBe('message.frames[0].values[0]');
  });
});

describe('stream settings', () => {
  it('speaks WebSocket for ws(s) URLs and Server-Sent Events for the rest', () => {
    expect(['wss://x/live', 'WS://x', 'https://x/events', '/events'].map(streamProtocol)).toEqual(['websocket', 'websocket', 'sse', 'sse']);
  });

  it('waits twice as long after each failed try, up to 30 s, or the server\'s retry if longer', () => {
    expect([1, 2, 3, 4, 10].map((n) => streamRetryDelay(n))).toEqual([500, 1000, 2000, 4000, 30_000]);
    expect(streamRetryDelay(1, 5000)).toBe(5000);
    expect(streamRetryDelay(3, 200)).toBe(2000);
  });

  it('a host datasource needs a source or a stream URL', () => {
    const check = (ds: unknown) => {
      const result = validateDashboard({ schemaVersion: 1, title: 't', datasources: [ds] });
      return result.ok ? [] : result.problems;
    };
    expect(check({ name: 'live', type: 'host', stream: '/events' })).toEqual([]);
    expect(check({ name: 'live', type: 'host', stream: 'wss://example.test/live', source: 'runs' })).toEqual([]);
    expect(check({ name: 'live', type: 'host' })).toEqual([{ path: 'datasources[0].source', message: 'needs a source (a name the page registers) or a stream (a Server-Sent Events or WebSocket URL)' }]);
    expect(check({ name: 'live', type: 'host', stream: 'javascript:alert(1)' })).toEqual([
      { path: 'datasources[0].stream', message: 'must be an http(s) or ws(s) URL, or a path starting with /, got "javascript:alert(1)"' },
    ]);
  });
});

/** A source whose answer waits for `answer()`, and whose subscribers are kept with what they got. */
function streamingSource() {
  const subscribers: { request: HostQuery; push: StreamPush; stopped: boolean }[] = [];
  let answer: (frames: HostFrames) => void = () => undefined;
  const source: HostSource = {
    query: () => new Promise<HostFrames>((resolve) => (answer = resolve)),
    subscribe(request, push) {
      const subscriber = { request, push, stopped: false };
      subscribers.push(subscriber);
      return () => (subscriber.stopped = true);
    },
  };
  return { source, subscribers, answer: (frames: HostFrames) => answer(frames) };
}

const sample = (t: number, v: number): HostFrames => ({ A: [{ timestamps: [t], values: [v] }] });

describe('the engine and a streaming source', () => {
  it('subscribes before asking, holds pushes until the answer is out, then passes them on as they come', async () => {
    const { source, subscribers, answer } = streamingSource();
    const engine = new QueryEngine({ client: () => undefined as never, source: () => source });
    const pushed: HostFrames[] = [];
    const run = engine.run({ key: 'p', datasource: 'live', targets, range: RANGE, onPush: (f) => pushed.push(f) });
    expect(subscribers).toHaveLength(1);
    subscribers[0]!.push(sample(T0 + 1, 1));
    expect(pushed).toEqual([]);
    answer([]);
    await run;
    expect(pushed).toEqual([sample(T0 + 1, 1)]);
    subscribers[0]!.push(sample(T0 + 2, 2));
    expect(pushed).toHaveLength(2);
  });

  it('stops a subscription when a newer run starts, on unsubscribe, and on dispose', async () => {
    const { source, subscribers, answer } = streamingSource();
    const engine = new QueryEngine({ client: () => undefined as never, source: () => source });
    const pushed: HostFrames[] = [];
    const first = engine.run({ key: 'p', datasource: 'live', targets, range: RANGE, onPush: (f) => pushed.push(f) });
    answer([]);
    await first;
    const second = engine.run({ key: 'p', datasource: 'live', targets, range: RANGE, onPush: (f) => pushed.push(f) });
    expect(subscribers.map((s) => s.stopped)).toEqual([true, false]);
    subscribers[0]!.push(sample(T0 + 1, 1));
    answer([]);
    await second;
    expect(pushed).toEqual([]);
    engine.unsubscribe('p');
    expect(subscribers[1]!.stopped).toBe(true);
    expect(subscribers[1]!.request.signal.aborted).toBe(true);
    const third = engine.run({ key: 'q', datasource: 'live', targets, range: RANGE, onPush: (f) => pushed.push(f) });
    answer([]);
    await third;
    engine.dispose();
    expect(subscribers[2]!.stopped).toBe(true);
  });

  it('combines a datasource\'s source (answers) with its stream (pushes)', async () => {
    const registry = new DatasourceRegistry({ datasources: [{ name: 'live', type: 'host', source: 'runs', stream: '/events' }] });
    const own: HostSource = { query: () => sample(T0, 5), values: () => ['a'], annotations: () => [{ time: T0, title: 'x' }] };
    const stream = streamingSource().source;
    const combined = hostSourceOf(registry, { runs: own }, () => stream)('live')!;
    expect(await combined.query({} as HostQuery)).toEqual(sample(T0, 5));
    expect(await combined.values!({} as never)).toEqual(['a']);
    expect(await combined.annotations!({} as never)).toEqual([{ time: T0, title: 'x' }]);
    expect(typeof combined.subscribe).toBe('function');
    const streamOnly = new DatasourceRegistry({ datasources: [{ name: 'live', type: 'host', stream: '/events' }] });
    expect(hostSourceOf(streamOnly, {}, () => stream)('live')).toBe(stream);
    expect(await hostSourceOf(streamOnly)('live')!.query({} as HostQuery)).toEqual([]);
  });
});
