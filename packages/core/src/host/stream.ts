/**
 * Streams of a host datasource (`stream`: a Server-Sent Events or WebSocket URL): what a message
 * says, the states a connection goes through, and how long it waits before trying again. The
 * connection itself is the browser's (elements); this is what it decides.
 */
import { SchemaError, type PromkitError, type SchemaProblem } from '../prometheus/errors.js';
import type { Frame } from '../prometheus/decode.js';
import { toHostFrames } from './frames.js';

/** Where a stream is: connecting (first time), open, retrying (lost, waiting to try again), closed (no panel listens). */
export type StreamState = 'connecting' | 'open' | 'retrying' | 'closed';

/** A stream's state as reported: `attempt` counts the tries since it was last open. */
export interface StreamStatus {
  state: StreamState;
  url: string;
  attempt: number;
  /** While retrying: how long until the next try, in ms. */
  retryInMs?: number;
  /** Why it is retrying or closed. */
  error?: PromkitError;
}

/** One message of a stream: samples for the targets whose query is `channel` (every target when it names none). */
export interface StreamMessage {
  /** The message's id, where a resumed stream starts after (SSE's `id:`, or `id` in a WebSocket message). */
  id?: string;
  channel?: string;
  frames: Frame[];
  /** Events for the datasource's host annotations (whose query is the channel), checked by `hostEvents`. */
  annotations?: unknown[];
}

/** The protocol a stream URL speaks: `ws:`/`wss:` are WebSocket, anything else Server-Sent Events. */
export function streamProtocol(url: string): 'websocket' | 'sse' {
  return /^wss?:/i.test(url) ? 'websocket' : 'sse';
}

/** Waits before retry number `attempt` (1, 2, …): the server's `retry:` if longer, doubling from 500 ms up to 30 s. */
export function streamRetryDelay(attempt: number, serverRetryMs?: number): number {
  const backoff = Math.min(30_000, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.max(backoff, serverRetryMs ?? 0);
}

/**
 * Reads one message's data: JSON `{ "channel"?: string, "frames": [{ labels?, timestamps, values }], "annotations"?: [events] }`
 * (frames may be left out when annotations are given)
 * (a WebSocket message may carry `"id"` too). Throws a SchemaError naming what is wrong.
 */
export function parseStreamMessage(data: string, id?: string): StreamMessage {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch (error) {
    throw new SchemaError(`A stream message is not JSON: ${(error as Error).message}`, [{ path: 'message', message: `must be JSON, got ${JSON.stringify(data.slice(0, 80))}` }]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SchemaError('A stream message must be an object with frames.', [{ path: 'message', message: `must be an object { channel?, frames }, got ${JSON.stringify(value)?.slice(0, 80)}` }]);
  }
  const message = value as { id?: unknown; channel?: unknown; frames?: unknown; annotations?: unknown };
  const problems: SchemaProblem[] = [];
  if (message.channel !== undefined && typeof message.channel !== 'string') problems.push({ path: 'message.channel', message: `must be a string, got ${JSON.stringify(message.channel)}` });
  if (message.id !== undefined && typeof message.id !== 'string' && typeof message.id !== 'number') problems.push({ path: 'message.id', message: `must be a string, got ${JSON.stringify(message.id)}` });
  if (message.annotations !== undefined && !Array.isArray(message.annotations)) problems.push({ path: 'message.annotations', message: `must be a list of events, got ${JSON.stringify(message.annotations)}` });
  if (!Array.isArray(message.frames) && !(message.frames === undefined && Array.isArray(message.annotations))) {
    problems.push({ path: 'message.frames', message: `must be a list of frames, got ${JSON.stringify(message.frames) ?? 'nothing'}` });
  }
  if (problems.length > 0) throw new SchemaError(`A stream message has ${problems.length} problem(s): ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
  const frames = Array.isArray(message.frames) ? toHostFrames(message.frames, 'message.frames') : [];
  const ownId = id ?? (message.id === undefined ? undefined : String(message.id));
  return {
    ...(ownId !== undefined && ownId !== '' ? { id: ownId } : {}),
    ...(typeof message.channel === 'string' ? { channel: message.channel } : {}),
    frames,
    ...(Array.isArray(message.annotations) ? { annotations: message.annotations } : {}),
  };
}
