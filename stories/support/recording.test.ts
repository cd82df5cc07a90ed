/** The catalog's replay: recorded answers come back moved to the request's time, tails of longer ranges included. */
import { describe, expect, it } from 'vitest';
import { recordingKey, replayFetch, type Answers } from './recording.js';

const QUERY = 'sum by (status) (rate(demo_http_requests_total[5m]))';
const END = 1_000_000;

/** A recorded one-hour answer ending at END, one sample a minute. */
function hourRecorded(): Answers {
  const params = new URLSearchParams({ query: QUERY, start: String(END - 3600), end: String(END), step: '60' });
  const values = Array.from({ length: 61 }, (_, i) => [END - 3600 + i * 60, String(i)]);
  return { [recordingKey('query_range', params)]: { at: END, body: { status: 'success', data: { resultType: 'matrix', result: [{ metric: { status: '200' }, values }] } } } };
}

async function ask(answers: Answers, start: number, end: number) {
  const url = `http://recorded.invalid/api/v1/query_range?${new URLSearchParams({ query: QUERY.replace('5m', '1m'), start: String(start), end: String(end), step: '60' })}`;
  const response = await replayFetch(answers)(url);
  return { status: response.status, body: (await response.json()) as { data?: { result: { values: [number, string][] }[] }; error?: string } };
}

describe('replayFetch', () => {
  it('answers the recorded range moved to the request, whatever the range window', async () => {
    const { status, body } = await ask(hourRecorded(), END + 600 - 3600, END + 600);
    expect(status).toBe(200);
    expect(body.data!.result[0]!.values[0]).toEqual([END + 600 - 3600, '0']);
    expect(body.data!.result[0]!.values.at(-1)).toEqual([END + 600, '60']);
  });

  it('answers an incremental refresh (a short tail) from the longer range it recorded', async () => {
    const { status, body } = await ask(hourRecorded(), END + 60 - 120, END + 60);
    expect(status).toBe(200);
    expect(body.data!.result[0]!.values).toEqual([
      [END - 60, '58'],
      [END, '59'],
      [END + 60, '60'],
    ]);
  });

  it('names what to do when a range longer than any recording is asked', async () => {
    const { status, body } = await ask(hourRecorded(), END - 7200, END);
    expect(status).toBe(400);
    expect(body.error).toContain('npm run stories:record');
  });
});
