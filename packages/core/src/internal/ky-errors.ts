/**
 * ky → promkit errors, in one place for every HTTP client (Prometheus, Grafana): a call runs under
 * its Deadline, and whatever it throws becomes a PromkitError — `TimeoutError` when the time ran
 * out, `CanceledError` when the caller aborted, `NetworkError` when the server was never reached,
 * and the client's own reading of a non-2xx answer (its body read once) for HTTP refusals.
 */
import { isHTTPError } from 'ky';
import { CanceledError, NetworkError, PromkitError, TimeoutError, type RequestTarget } from '../prometheus/errors.js';
import { Deadline } from '../prometheus/deadline.js';
import { httpErrorBody } from './http-error-body.js';

/** How one client words and reads failures. */
export interface FailureReading {
  /** A non-2xx answer as a PromkitError; `body` is its parsed JSON or text (undefined when unread or empty). */
  refusal: (response: Response, body: unknown, target: RequestTarget, cause: unknown) => PromkitError;
  /** Who is asked, for messages (`Cannot reach Grafana at …`); the URL alone when absent. */
  service?: string;
  /** What to do when answers are too slow, after "raise `timeout`". */
  timeoutAdvice?: string;
}

/** A call's limits: its time in milliseconds and the caller's signal. */
export interface CallLimits {
  timeout: number;
  signal?: AbortSignal | undefined;
}

/**
 * Runs `work` under a Deadline: it ends by then whatever the server does (stalls before the
 * headers or mid-body included), and every failure becomes a PromkitError.
 */
export async function withinDeadline<T>(
  limits: CallLimits,
  target: () => RequestTarget,
  reading: FailureReading,
  work: (deadline: Deadline) => Promise<T>,
): Promise<T> {
  const deadline = new Deadline(limits.timeout, limits.signal);
  try {
    return await deadline.race(work(deadline).catch(async (error: unknown) => {
      // ky leaves a refusal's body unread: read it (within the deadline) to say what the server said.
      throw isHTTPError(error) ? reading.refusal(error.response, await httpErrorBody(error.response), target(), error) : error;
    }));
  } catch (error) {
    throw requestFailure(error, target(), deadline, limits.signal, reading);
  } finally {
    deadline.clear();
  }
}

/** Maps anything a call threw to a PromkitError. */
export function requestFailure(error: unknown, target: RequestTarget, deadline: Deadline, signal: AbortSignal | undefined, reading: FailureReading): PromkitError {
  if (error instanceof PromkitError) return error;
  const where = `${reading.service ? `${reading.service} ` : ''}${target.method} ${target.url}`;
  if (deadline.expired) {
    return new TimeoutError(
      `No complete answer from ${where} within ${deadline.ms} ms: the server is slow, unreachable or stalled mid-answer. If such answers are expected, raise \`timeout\`; otherwise ${reading.timeoutAdvice ?? 'check the server'}.`,
      'client',
      { cause: error, request: target },
    );
  }
  if (signal?.aborted || isAbort(error)) {
    return new CanceledError(`Request canceled: ${where}.`, { cause: signal?.reason ?? error, request: target });
  }
  if (isHTTPError(error)) return reading.refusal(error.response, undefined, target, error);
  // fetch rejects with a TypeError when the server cannot be reached.
  if (error instanceof TypeError) {
    return new NetworkError(
      `Cannot reach ${reading.service ? `${reading.service} at ` : ''}${target.url}: ${causeText(error)}. Check the URL, that the server is running, and (in a browser) that it allows this origin (CORS).`,
      { cause: error, request: target },
    );
  }
  return new PromkitError(`Request to ${where} failed: ${causeText(error)}`, { cause: error, request: target });
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError';
}

/** An error's message with its cause's, for a sentence. */
export function causeText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${inner}`;
}
