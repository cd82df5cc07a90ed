/** A fetch that answers from a fixture file and records what was asked, for client unit tests. */
import { readFileSync } from 'node:fs';

export interface Recorded {
  method: string;
  url: URL;
  headers: Headers;
  form: URLSearchParams;
}

export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** Answers every request with `body` (JSON) and `status`; `requests` lists what was sent. */
export function fixtureFetch(body: string, status = 200) {
  const requests: Recorded[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const form = request.method === 'POST' ? new URLSearchParams(await request.text()) : url.searchParams;
    requests.push({ method: request.method, url, headers: request.headers, form });
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}
