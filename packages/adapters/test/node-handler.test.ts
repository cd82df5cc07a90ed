/** toNodeHandler on a real node:http server: streaming answers and clients that leave early. */
import { createServer } from 'node:http';
import { afterEach, expect, it } from 'vitest';
import { toNodeHandler } from '../src/proxy/node.js';
import { listenOnLoopback } from '../../../tests/harness/listen.mjs';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function serve(handler: (request: Request) => Promise<Response>): Promise<string> {
  const server = createServer(toNodeHandler(handler));
  servers.push(server);
  return `http://127.0.0.1:${await listenOnLoopback(server)}`;
}

it('survives a client that goes away in the middle of a streamed answer, and keeps serving', async () => {
  let cancelled = false;
  let aborted = false;
  const url = await serve(async (request) => {
    if (new URL(request.url).pathname === '/ok') return new Response('still here');
    request.signal.addEventListener('abort', () => (aborted = true));
    // A body that sends one chunk and then waits, like a slow upstream; like fetch's, it fails
    // when the request is aborted.
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        controller.enqueue(new TextEncoder().encode('{"status":"success",'));
        request.signal.addEventListener('abort', () => controller.error(new DOMException('This operation was aborted', 'AbortError')));
      },
      cancel: () => {
        cancelled = true;
      },
    });
    return new Response(body, { headers: { 'content-type': 'application/json' } });
  });

  const leaving = new AbortController();
  const response = await fetch(`${url}/slow`, { signal: leaving.signal });
  const reader = response.body!.getReader();
  expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"status":"success",');
  leaving.abort();
  await expect(reader.read()).rejects.toThrow();

  await expect.poll(() => aborted || cancelled).toBe(true);
  expect(await (await fetch(`${url}/ok`)).text()).toBe('still here');
});
