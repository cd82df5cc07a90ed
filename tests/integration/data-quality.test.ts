/**
 * The data-quality example's server on a real PGlite: seeded once, inputs checked, per-column
 * results kept, and its event stream fed by LISTEN/NOTIFY, resuming after Last-Event-ID with
 * exactly the changes since.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDataQuality } from '../../examples/data-quality/server.mjs';

let dq: Awaited<ReturnType<typeof startDataQuality>>;
let server: Server;
let base = '';

beforeAll(async () => {
  dq = await startDataQuality({ basePath: '/dq' });
  server = createServer(dq.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/dq`;
});
afterAll(async () => {
  server.close();
  await dq.stop();
});

const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** The SSE events of /dq/events after `lastEventId` until `count` arrived. */
async function events(lastEventId: string, count: number, during: () => Promise<unknown>): Promise<{ id: string; data: { channel: string } }[]> {
  const controller = new AbortController();
  const response = await fetch(`${base}/events`, { headers: { 'Last-Event-ID': lastEventId }, signal: controller.signal });
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const seen: { id: string; data: { channel: string } }[] = [];
  let text = '';
  const started = during();
  while (seen.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
    for (const block of text.split('\n\n').slice(0, -1)) {
      const id = /^id: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (id && data) seen.push({ id, data: JSON.parse(data) });
    }
    text = text.slice(text.lastIndexOf('\n\n') + 2);
  }
  await started;
  controller.abort();
  return seen;
}

it('seeds a day of runs with their column results and some drift, once', async () => {
  const runs = (await (await fetch(`${base}/runs?from=${Date.now() - 86_400_000 - 60_000}&to=${Date.now()}`)).json()) as { id: number }[];
  expect(runs).toHaveLength(72);
  const columns = await (await fetch(`${base}/runs/${runs[0]!.id}/columns`)).json();
  expect(columns.map((c: { column: string }) => c.column)).toEqual(['amount', 'created_at', 'id']);
  expect(((await (await fetch(`${base}/drift`)).json()) as unknown[]).length).toBeGreaterThan(0);
});

it('refuses a run or drift it cannot keep, naming each problem, and stores hostile text as text', async () => {
  const bad = await post('/runs', { dataset: '', rows: -1, durationMs: 'fast' });
  expect(bad.status).toBe(400);
  expect((await bad.json()).error).toBe('The runs has problems: dataset must be a name; rows must be a whole number of rows; durationMs must be whole milliseconds.');
  const hostile = "x'); DROP TABLE runs; --";
  expect((await post('/drift', { dataset: hostile, column: 'c', score: 1, message: '<script>alert(1)</script>' })).status).toBe(201);
  const drift = (await (await fetch(`${base}/drift`)).json()) as { dataset: string; message: string }[];
  expect(drift.at(-1)).toMatchObject({ dataset: hostile, message: '<script>alert(1)</script>' });
  expect((await fetch(`${base}/runs`)).status).toBe(200);
});

it('streams each insert, made by any client of the database, and resumes after Last-Event-ID with exactly what came since', async () => {
  const { rows } = await dq.query('SELECT max(id)::int AS id FROM changes');
  const last = String(rows[0]!['id']);
  const live = await events(last, 2, async () => {
    await new Promise((r) => setTimeout(r, 100));
    await dq.query("INSERT INTO runs (dataset, duration_ms, rows_profiled) VALUES ('orders', 10, 123)");
    await dq.query("INSERT INTO drift_events (dataset, column_name, score, message) VALUES ('orders', 'amount', 0.5, 'moved')");
  });
  expect(live.map((e) => [Number(e.id) - Number(last), e.data.channel])).toEqual([
    [1, 'runs'],
    [2, 'drift'],
  ]);
  // A client that had seen only the first resumes with the second, and nothing twice.
  const resumed = await events(live[0]!.id, 1, async () => undefined);
  expect(resumed.map((e) => e.id)).toEqual([live[1]!.id]);
});
