/**
 * The source behind a host datasource's `stream`: one connection for every panel of a dashboard
 * that shows it, opened with the first subscriber and closed a while after the last. It keeps a
 * bounded window of what arrived per channel, so a panel that queries again (a refresh, a new
 * range) draws what it had; each message then goes to the subscribed targets whose query is the
 * message's channel (every target when it names none).
 */
import { appendFrames, type Frame, type HostFrames, type HostQuery, type HostSource, type StreamMessage, type StreamPush, type StreamStatus } from '@promkit/core';
import { StreamConnection } from './stream-connection.js';

export interface StreamSourceOptions {
  url: string;
  fetch?: typeof globalThis.fetch;
  /** Samples kept per series and channel. Default 1000. */
  maxPoints?: number;
  /** How long the connection stays open after the last panel left, in ms. Default 5,000. */
  linger?: number;
  onState(status: StreamStatus): void;
  onProblem: ConstructorParameters<typeof StreamConnection>[0]['onProblem'];
  /** A message carried events for the datasource's host annotations (whose query is `channel`, or all). */
  onAnnotations?(channel: string | undefined, events: unknown[]): void;
}

interface Subscriber {
  targets: HostQuery['targets'];
  push: StreamPush;
  report: ((status: StreamStatus) => void) | undefined;
}

/** Messages with no channel are kept under this key and go to every target. */
const EVERY = '';

export class StreamSource implements HostSource {
  readonly #kept = new Map<string, Frame[]>();
  readonly #subscribers = new Set<Subscriber>();
  readonly #connection: StreamConnection;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: StreamSourceOptions) {
    this.#connection = new StreamConnection({
      url: options.url,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      onMessage: (message) => this.#deliver(message),
      onState: (status) => {
        options.onState(status);
        for (const s of this.#subscribers) s.report?.(status);
      },
      onProblem: options.onProblem,
    });
  }

  get status(): StreamStatus {
    return this.#connection.status;
  }

  /** What arrived so far for each target, within the range. */
  query(request: HostQuery): HostFrames {
    return Object.fromEntries(request.targets.map((t) => [t.refId, this.#framesOf(t.expr).map((f) => within(f, request.range))]));
  }

  /** Sends each new message's samples to `push` until the returned function is called. */
  subscribe(request: HostQuery, push: StreamPush, report?: (status: StreamStatus) => void): () => void {
    const subscriber: Subscriber = { targets: request.targets, push, report };
    this.#subscribers.add(subscriber);
    clearTimeout(this.#closeTimer);
    this.#connection.open();
    report?.(this.#connection.status);
    return () => {
      if (!this.#subscribers.delete(subscriber) || this.#subscribers.size > 0) return;
      this.#closeTimer = setTimeout(() => this.#connection.close(), this.options.linger ?? 5_000);
    };
  }

  /** Closes the connection now (the dashboard went away or was rebuilt). */
  dispose(): void {
    clearTimeout(this.#closeTimer);
    this.#subscribers.clear();
    this.#connection.close();
  }

  #framesOf(channel: string): Frame[] {
    return [...(this.#kept.get(channel) ?? []), ...(channel === EVERY ? [] : (this.#kept.get(EVERY) ?? []))];
  }

  #deliver(message: StreamMessage): void {
    if (message.annotations) this.options.onAnnotations?.(message.channel, message.annotations);
    if (message.frames.length === 0) return;
    const key = message.channel ?? EVERY;
    this.#kept.set(key, appendFrames(this.#kept.get(key) ?? [], message.frames, { maxPoints: this.options.maxPoints ?? 1000 }));
    for (const s of this.#subscribers) {
      const refIds = s.targets.filter((t) => key === EVERY || t.expr === key).map((t) => t.refId);
      if (refIds.length > 0) s.push(Object.fromEntries(refIds.map((refId) => [refId, message.frames])));
    }
  }
}

/** The samples of `frame` inside the range (ms). */
function within(frame: Frame, range: { from: number; to: number }): Frame {
  let start = 0;
  while (start < frame.timestamps.length && frame.timestamps[start]! < range.from) start++;
  return { labels: frame.labels, timestamps: frame.timestamps.subarray(start), values: frame.values.subarray(start) };
}
