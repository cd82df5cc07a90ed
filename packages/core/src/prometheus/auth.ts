/** Credentials and the Authorization header they become (shared by the client and the proxy). */

/** Credentials sent with every request. */
export type Auth =
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string };

/** The `Authorization` header value for credentials; basic auth is UTF-8 safe, web APIs only. */
export function authorizationHeader(auth: Auth): string {
  if (auth.type === 'bearer') return `Bearer ${auth.token}`;
  let binary = '';
  for (const byte of new TextEncoder().encode(`${auth.username}:${auth.password}`)) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}
