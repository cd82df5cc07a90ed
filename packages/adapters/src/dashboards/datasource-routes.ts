/**
 * The service's datasources: CRUD, the default, and a connection test run by the server with
 * the stored credentials. Credentials are write-only: sent as `credentials` (bearer or basic),
 * sealed before they are stored, never in an answer (`hasCredentials` says whether there are
 * some), never in an error or a log line.
 */
import { PrometheusClient, validateDatasource, type Auth } from '@promkit/core';
import { newUid, problem, readJson, type Route } from './http.js';
import type { SecretBox } from './secrets.js';
import type { DashboardStore, StoredDatasource } from './store.js';

/** The datasource as the API answers it: no credentials, only whether there are some. */
function answer(d: StoredDatasource): Record<string, unknown> {
  return { id: d.id, name: d.name, default: d.isDefault, version: d.version, hasCredentials: d.secret !== null, datasource: JSON.parse(d.definition), createdAt: d.createdAt, updatedAt: d.updatedAt };
}

/** Credentials as sent: bearer or basic, or null to remove them; a message when they are neither. */
function credentialsOf(value: unknown): { auth: Auth | null | undefined } | { problem: string } {
  if (value === undefined || value === null) return { auth: value };
  const c = value as Partial<Record<'type' | 'token' | 'username' | 'password', unknown>>;
  if (c.type === 'bearer' && typeof c.token === 'string' && c.token) return { auth: { type: 'bearer', token: c.token } };
  if (c.type === 'basic' && typeof c.username === 'string' && typeof c.password === 'string') return { auth: { type: 'basic', username: c.username, password: c.password } };
  return { problem: 'credentials must be { "type": "bearer", "token": "…" } or { "type": "basic", "username": "…", "password": "…" }, or null to remove them' };
}

/** A definition checked by core's datasource schema, refusing credentials where they do not belong. */
function definitionOf(value: unknown): { definition: Record<string, unknown>; name: string } | { refused: Response } {
  const check = validateDatasource(value);
  if (!check.ok) return { refused: problem(400, 'invalid_datasource', `the datasource has ${check.problems.length} problem(s)`, { problems: check.problems }) };
  if (check.datasource.type === 'host') {
    return { refused: problem(400, 'invalid_datasource', 'a host datasource is the page\'s own source (registerSource in the browser): it lives in the dashboard, not in the service') };
  }
  // A path (`/prometheus`) is a proxy on the pages' own origin, as the browser resolves it.
  let url: URL | undefined;
  try {
    url = new URL(check.datasource.url, 'http://same-origin.invalid');
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || check.datasource.url.startsWith('//')) {
    return { refused: problem(400, 'invalid_datasource', 'url must be the http(s) address of the Prometheus API (http://prometheus:9090), or a path on this origin (/prometheus)') };
  }
  if (url.username || url.password) return { refused: problem(400, 'invalid_datasource', 'put credentials in "credentials", not in the URL: the URL is shown to every user') };
  const headers = Object.keys(check.datasource.headers ?? {}).map((h) => h.toLowerCase());
  if (headers.includes('authorization') || headers.includes('cookie')) return { refused: problem(400, 'invalid_datasource', 'put credentials in "credentials", not in headers: headers are shown to every user') };
  return { definition: value as Record<string, unknown>, name: check.datasource.name };
}

/** The datasource endpoints over `store`; credentials need `box` (501 without one). */
export function datasourceRoutes(store: DashboardStore, box: SecretBox | undefined, limit: number, base = ''): Route[] {
  const noKey = () =>
    problem(501, 'no_secret_key', 'this service was started without a secret key, so it stores no credentials: start it with secretKey or PROMKIT_SECRET_KEY (32 random bytes, base64)');
  const seal = async (auth: Auth | null | undefined, id: string) => (auth === undefined ? undefined : auth === null ? null : box!.seal(JSON.stringify(auth), id));
  const notFound = (id: string) => problem(404, 'not_found', `no datasource with id ${id}`);

  /** Reads `{ datasource, credentials? }`: the checked parts, or the answer refusing them. */
  const readBody = async (request: Request) => {
    const read = await readJson(request, limit);
    if ('refused' in read) return read;
    const { datasource, credentials } = (read.value ?? {}) as { datasource?: unknown; credentials?: unknown };
    if (datasource === undefined) return { refused: problem(400, 'bad_request', 'send { "datasource": { "name", "url", … }, "credentials"?: { … } }') };
    const definition = definitionOf(datasource);
    if ('refused' in definition) return definition;
    const creds = credentialsOf(credentials);
    if ('problem' in creds) return { refused: problem(400, 'invalid_credentials', creds.problem) };
    if (creds.auth && !box) return { refused: noKey() };
    return { ...definition, auth: creds.auth };
  };

  return [
    { method: 'GET', path: /^\/datasources$/, run: async () => Response.json({ datasources: (await store.listDatasources()).map(answer) }) },
    {
      method: 'POST',
      path: /^\/datasources$/,
      run: async (request) => {
        const read = await readBody(request);
        if ('refused' in read) return read.refused;
        const id = newUid();
        const created = await store.createDatasource(id, { name: read.name, definition: JSON.stringify(read.definition), secret: (await seal(read.auth, id)) ?? null });
        if (created === 'name-taken') return problem(409, 'exists', `a datasource named ${JSON.stringify(read.name)} exists; choose another name`);
        if (created === 'id-taken') return problem(409, 'exists', 'that id is taken; send the request again');
        return Response.json(answer(created), { status: 201, headers: { location: `${base}/datasources/${id}` } });
      },
    },
    {
      method: 'GET',
      path: /^\/datasources\/([^/]+)$/,
      run: async (_request, [, id]) => {
        const found = await store.getDatasource(id!);
        return found ? Response.json(answer(found)) : notFound(id!);
      },
    },
    {
      method: 'PUT',
      path: /^\/datasources\/([^/]+)$/,
      run: async (request, [, id]) => {
        const read = await readBody(request);
        if ('refused' in read) return read.refused;
        const secret = await seal(read.auth, id!);
        const saved = await store.saveDatasource(id!, { name: read.name, definition: JSON.stringify(read.definition), ...(secret === undefined ? {} : { secret }) });
        if (saved === 'name-taken') return problem(409, 'exists', `another datasource is named ${JSON.stringify(read.name)}`);
        return saved ? Response.json(answer(saved)) : notFound(id!);
      },
    },
    {
      method: 'DELETE',
      path: /^\/datasources\/([^/]+)$/,
      run: async (_request, [, id]) => ((await store.removeDatasource(id!)) ? new Response(null, { status: 204 }) : notFound(id!)),
    },
    {
      method: 'POST',
      path: /^\/datasources\/([^/]+)\/default$/,
      run: async (_request, [, id]) => ((await store.setDefaultDatasource(id!)) ? Response.json(answer((await store.getDatasource(id!))!)) : notFound(id!)),
    },
    {
      method: 'POST',
      path: /^\/datasources\/([^/]+)\/test$/,
      run: async (request, [, id]) => {
        const found = await store.getDatasource(id!);
        if (!found) return notFound(id!);
        const client = await serverClient(found, box, { origin: new URL(request.url).origin });
        if ('refused' in client) return client.refused;
        const check = await client.client.checkConnection();
        // The client's messages name the URL and status, never the credentials it sent.
        if (!check.ok) return Response.json({ ok: false, error: { name: check.error.name, message: check.error.message } });
        return Response.json({ ok: true, version: check.buildInfo.version, latencyMs: Math.round(check.latencyMs) });
      },
    },
  ];
}

/** A client for the stored datasource with its credentials opened, on the server only. */
export async function serverClient(d: StoredDatasource, box: SecretBox | undefined, options: { timeoutMs?: number; origin?: string } = {}): Promise<{ client: PrometheusClient; auth: Auth | undefined; definition: { url: string; tenant?: string } } | { refused: Response }> {
  if (d.secret && !box) return { refused: problem(501, 'no_secret_key', 'this datasource has stored credentials, and this service was started without the secret key that opens them') };
  let auth: Auth | undefined;
  try {
    auth = d.secret ? (JSON.parse(await box!.open(d.secret, d.id)) as Auth) : undefined;
  } catch (error) {
    return { refused: problem(500, 'secret_unreadable', `the credentials of datasource ${d.id} cannot be opened: ${(error as Error).message}`) };
  }
  const stored = JSON.parse(d.definition) as { url: string; tenant?: string };
  // A path is on the origin the request came to (the pages' proxy); resolved here for the server.
  const definition = { ...stored, url: options.origin ? new URL(stored.url, options.origin).href.replace(/\/+$/, '') : stored.url };
  const client = new PrometheusClient({ url: definition.url, ...(auth ? { auth } : {}), ...(definition.tenant ? { tenant: definition.tenant } : {}), timeout: options.timeoutMs ?? 10_000, retries: 0 });
  return { client, auth, definition };
}
