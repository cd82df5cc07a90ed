/**
 * The body of a non-2xx answer, read once: ky 1 (the line that runs on Node 20) leaves an
 * HTTPError's body unread, so the clients read it here before turning the error into a PromkitError.
 */

/** The answer's body: parsed JSON when it says it is JSON and parses, else the text; undefined when empty or unreadable. */
export async function httpErrorBody(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return undefined;
  }
  if (text === '') return undefined;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
