/**
 * One live connection to a host datasource's stream: Server-Sent Events read with fetch (so a
 * reconnect can send `Last-Event-ID` and a custom fetch applies), or a WebSocket (which resumes
 * with `?lastEventId=`). It reports its state (connecting, open, retrying with the wait, closed),
 * tries again with a doubling wait after a loss or a stall, and gives up only on an answer that
 * cannot improve (4xx other than 408/429, or not an event stream).
 */
import { PromkitError, isPromkitError, parseStreamMessage, streamProtocol, streamRetryDelay, type StreamMessage, type StreamStatus } from '@promkit/core';
import { OnDemand } from './on-demand.js';

/** The Server-Sent Events reader, loaded by the first SSE connection (WebSocket streams never need it). */
const eventStreamCode = new OnDemand('the event stream reader', () => import('./event-stream-reader.js'));

export interface StreamConnectionOptions {
  url: string;
  fetch?: typeof globalThis.fetch;
  /** No byte for this long (ms) counts as a lost connection. Default 45,000; servers send comments to keep it open. */
  idleTimeout?: number;
  onMessage(message: StreamMessage): void;
  onState(status: StreamStatus): void;
  /** A message that could not be read (the stream goes on). */
  onProblem(error: PromkitError): void;
}

/** A 4xx (but 408/429) or a body that is not an event stream: trying again gives the same answer. */
class FinalStreamError extends PromkitError {}

export class StreamConnection {
  #lastEventId: string | undefined;
  #attempt = 0;
  #serverRetryMs: number | undefined;
  #running = false;
  #abort: AbortController | undefined;
  #socket: WebSocket | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #status: StreamStatus;

  constructor(private readonly options: StreamConnectionOptions) {
    this.#status = { state: 'closed', url: options.url, attempt: 0 };
  }

  get status(): StreamStatus {
    return this.#status;
  }

  /** The id of the last message received: a reconnect resumes after it. */
  get lastEventId(): string | undefined {
    return this.#lastEventId;
  }

  /** Connects, unless already connected or trying. */
  open(): void {
    if (this.#running) return;
    this.#running = true;
    this.#attempt = 0;
    this.#connect();
  }

  /** Disconnects for good (until `open` again). */
  close(): void {
    if (!this.#running) return;
    this.#running = false;
    clearTimeout(this.#retryTimer);
    this.#abort?.abort();
    this.#socket?.close();
    this.#socket = undefined;
    this.#report({ state: 'closed', url: this.options.url, attempt: 0 });
  }

  #report(status: StreamStatus): void {
    this.#status = status;
    this.options.onState(status);
  }

  #connect(): void {
    if (this.#status.state !== 'retrying') this.#report({ state: 'connecting', url: this.options.url, attempt: this.#attempt });
    if (streamProtocol(this.options.url) === 'websocket') this.#openSocket();
    else void this.#readEvents();
  }

  #opened(): void {
    this.#attempt = 0;
    this.#report({ state: 'open', url: this.options.url, attempt: 0 });
  }

  /** After a loss: wait, then try again; a final error closes instead. */
  #lost(error: unknown): void {
    if (!this.#running) return;
    const failure = isPromkitError(error) ? error : new PromkitError(`The stream ${this.options.url} was lost: ${(error as Error)?.message ?? String(error)}`, { cause: error });
    if (failure instanceof FinalStreamError) {
      this.#running = false;
      this.#report({ state: 'closed', url: this.options.url, attempt: this.#attempt, error: failure });
      return;
    }
    this.#attempt += 1;
    const retryInMs = streamRetryDelay(this.#attempt, this.#serverRetryMs);
    this.#report({ state: 'retrying', url: this.options.url, attempt: this.#attempt, retryInMs, error: failure });
    this.#retryTimer = setTimeout(() => this.#connect(), retryInMs);
  }

  #message(data: string, id: string | undefined): void {
    let message: StreamMessage;
    try {
      message = parseStreamMessage(data, id);
    } catch (error) {
      this.options.onProblem(isPromkitError(error) ? error : new PromkitError(String(error)));
      return;
    }
    if (message.id !== undefined) this.#lastEventId = message.id;
    this.options.onMessage(message);
  }

  async #readEvents(): Promise<void> {
    const abort = (this.#abort = new AbortController());
    const idle = this.options.idleTimeout ?? 45_000;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const stalled = () => abort.abort(new PromkitError(`The stream ${this.options.url} sent nothing for ${Math.round(idle / 1000)} s.`));
    try {
      const { createParser } = await eventStreamCode.load();
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (this.#lastEventId !== undefined) headers['Last-Event-ID'] = this.#lastEventId;
      idleTimer = setTimeout(stalled, idle);
      const response = await (this.options.fetch ?? fetch)(this.options.url, { headers, signal: abort.signal, cache: 'no-store' });
      if (!response.ok) {
        const text = `The stream ${this.options.url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
        throw response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429 ? new FinalStreamError(`${text} Check the stream URL and the server's access rules.`) : new PromkitError(text);
      }
      const type = response.headers.get('content-type') ?? '';
      if (!type.startsWith('text/event-stream') || !response.body) throw new FinalStreamError(`The stream ${this.options.url} answered ${type || 'no content type'}, not text/event-stream: is this the Server-Sent Events URL?`);
      const parser = createParser({
        onEvent: (event) => {
          if (event.event === undefined || event.event === 'message') this.#message(event.data, event.id);
          else if (event.id !== undefined) this.#lastEventId = event.id;
        },
        onRetry: (ms) => (this.#serverRetryMs = ms),
      });
      this.#opened();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        clearTimeout(idleTimer);
        idleTimer = setTimeout(stalled, idle);
        parser.feed(value);
      }
      throw new PromkitError(`The stream ${this.options.url} was closed by the server.`);
    } catch (error) {
      if (this.#abort !== abort || (abort.signal.aborted && !this.#running)) return;
      this.#lost(abort.signal.aborted ? abort.signal.reason : error);
    } finally {
      clearTimeout(idleTimer);
    }
  }

  #openSocket(): void {
    const url = new URL(this.options.url, globalThis.location?.href);
    if (this.#lastEventId !== undefined) url.searchParams.set('lastEventId', this.#lastEventId);
    const socket = (this.#socket = new WebSocket(url));
    socket.addEventListener('open', () => this.#opened());
    socket.addEventListener('message', (event) => {
      if (typeof event.data === 'string') this.#message(event.data, undefined);
      else this.options.onProblem(new PromkitError(`The stream ${this.options.url} sent a binary message: messages are JSON text.`));
    });
    socket.addEventListener('close', (event) => {
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      this.#lost(new PromkitError(`The stream ${this.options.url} was closed (WebSocket code ${event.code}${event.reason ? `: ${event.reason}` : ''}).`));
    });
  }
}
