/** The service's HTTP pieces: JSON error answers, bounded JSON bodies, ids, and the route shape. */
import { readBoundedText } from '../internal/bounded-body.js';

/** An error answer: `{ error: { code, message, …details } }` with the status. */
export function problem(status: number, code: string, message: string, details: Record<string, unknown> = {}): Response {
  return Response.json({ error: { code, message, ...details } }, { status });
}

/** Dashboard uids and datasource ids: what the dashboard schema allows for a uid. */
export const UID = /^[A-Za-z0-9_-]{1,40}$/;

/** A new id: 20 hex digits. */
export function newUid(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 20);
}

/** One endpoint: method, path pattern (group 1 is the id), and what it answers. */
export interface Route {
  method: string;
  path: RegExp;
  run: (request: Request, match: string[], url: URL) => Promise<Response>;
}

/** Reads a JSON body within the limit: the value, or the answer that refuses it. */
export async function readJson(request: Request, limit: number): Promise<{ value: unknown } | { refused: Response }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) return { refused: problem(415, 'unsupported_media_type', `send the body as application/json (got ${type ? JSON.stringify(type) : 'no content-type'})`) };
  const text = await readBoundedText(request, limit);
  if (text === undefined) return { refused: problem(413, 'too_large', `the body is larger than this service takes (${limit} bytes)`) };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { refused: problem(400, 'invalid_json', `the body is not JSON: ${(error as Error).message}`) };
  }
}
