/**
 * The dashboard service: a standard `(Request) => Promise<Response>` handler, like the proxy,
 * that stores dashboards in a DashboardStore. Definitions are checked with core's schema (400
 * with every problem), kept exactly as sent, versioned on every save, and a save based on an
 * older version than the stored one is a 409 naming both versions.
 */
import { validateDashboard } from '@promkit/core';
import type { DashboardFields, DashboardStore, StoredDashboard } from './store.js';
import { UID, newUid, problem, readJson, type Route } from './http.js';
import { datasourceRoutes } from './datasource-routes.js';
import { libraryRoutes } from './library-routes.js';
import { secretBox } from './secrets.js';

export interface DashboardServiceOptions {
  store: DashboardStore;
  /** Where the service is mounted, stripped from request paths (e.g. `/api`). */
  basePath?: string;
  /** Largest request body accepted, in bytes (default 5 MB). */
  maxBodyBytes?: number;
  /**
   * 32 random bytes in base64 that seal datasource credentials at rest (default: the
   * PROMKIT_SECRET_KEY environment variable). Without one, credentials are refused with 501.
   */
  secretKey?: string;
}

/** The dashboard as the API answers it: its definition parsed back from the stored text. */
function body(d: StoredDashboard): Record<string, unknown> {
  return { uid: d.uid, title: d.title, tags: d.tags, version: d.version, createdAt: d.createdAt, updatedAt: d.updatedAt, dashboard: JSON.parse(d.definition) };
}

/** A definition checked by the schema: what the store keeps, or the 400 listing every problem. */
function checked(definition: unknown): { fields: DashboardFields; uid: string | undefined } | { refused: Response } {
  const check = validateDashboard(definition);
  if (!check.ok) return { refused: problem(400, 'invalid_dashboard', `the dashboard has ${check.problems.length} problem(s)`, { problems: check.problems }) };
  return { uid: check.dashboard.uid, fields: { title: check.dashboard.title, tags: check.dashboard.tags, definition: JSON.stringify(definition) } };
}

/** Creates the handler. Routes: see the README's HTTP API table. */
export function createDashboardService(options: DashboardServiceOptions): (request: Request) => Promise<Response> {
  const { store } = options;
  const base = (options.basePath ?? '').replace(/\/+$/, '');
  const limit = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const key = options.secretKey ?? globalThis.process?.env?.['PROMKIT_SECRET_KEY'];
  const box = key ? secretBox(key) : undefined;

  const routes: Route[] = [
    {
      method: 'GET',
      path: /^\/dashboards$/,
      run: async (_request, _match, url) => {
        const number = (name: string) => (url.searchParams.has(name) ? Number(url.searchParams.get(name)) : undefined);
        const limitParam = number('limit');
        const offset = number('offset');
        if ([limitParam, offset].some((n) => n !== undefined && !(Number.isInteger(n) && n >= 0))) return problem(400, 'bad_query', 'limit and offset must be whole numbers ≥ 0');
        const dashboards = await store.list({
          ...(url.searchParams.get('search') ? { search: url.searchParams.get('search')! } : {}),
          ...(url.searchParams.get('tag') ? { tag: url.searchParams.get('tag')! } : {}),
          ...(url.searchParams.get('uid') ? { uid: url.searchParams.get('uid')! } : {}),
          ...(limitParam !== undefined ? { limit: limitParam } : {}),
          ...(offset !== undefined ? { offset } : {}),
        });
        return Response.json({ dashboards });
      },
    },
    {
      method: 'POST',
      path: /^\/dashboards$/,
      run: async (request) => {
        const read = await readJson(request, limit);
        if ('refused' in read) return read.refused;
        const dashboard = (read.value as { dashboard?: unknown } | null)?.dashboard;
        if (dashboard === undefined) return problem(400, 'bad_request', 'send { "dashboard": { … } }');
        const given = typeof dashboard === 'object' && dashboard !== null && !('uid' in dashboard) ? { ...(dashboard as object), uid: newUid() } : dashboard;
        const check = checked(given);
        if ('refused' in check) return check.refused;
        const created = await store.create(check.uid!, check.fields);
        if (!created) return problem(409, 'exists', `a dashboard with uid ${check.uid} exists; save it with PUT, or send another uid`);
        return Response.json(body(created), { status: 201, headers: { location: `${base}/dashboards/${created.uid}` } });
      },
    },
    {
      method: 'GET',
      path: /^\/dashboards\/([^/]+)$/,
      run: async (_request, [, uid]) => {
        const found = await store.get(uid!);
        return found ? Response.json(body(found)) : notFound(uid!);
      },
    },
    {
      method: 'PUT',
      path: /^\/dashboards\/([^/]+)$/,
      run: async (request, [, uid]) => {
        const read = await readJson(request, limit);
        if ('refused' in read) return read.refused;
        const { dashboard, version } = (read.value ?? {}) as { dashboard?: unknown; version?: unknown };
        if (dashboard === undefined || !Number.isInteger(version)) return problem(400, 'bad_request', 'send { "dashboard": { … }, "version": N }, N being the version the edit started from');
        const given = typeof dashboard === 'object' && dashboard !== null && !('uid' in dashboard) ? { ...(dashboard as object), uid } : dashboard;
        const check = checked(given);
        if ('refused' in check) return check.refused;
        if (check.uid !== uid) return problem(400, 'uid_mismatch', `the dashboard's uid is ${check.uid}, the path's ${uid}`);
        const saved = await store.save(uid!, version as number, check.fields);
        if (!saved) return notFound(uid!);
        if ('conflict' in saved) {
          return problem(409, 'version_conflict', `version ${saved.current} was saved after version ${version}, which this edit started from: load version ${saved.current}, apply the edit again, and save`, {
            yourVersion: version,
            currentVersion: saved.current,
          });
        }
        return Response.json(body(saved));
      },
    },
    {
      method: 'DELETE',
      path: /^\/dashboards\/([^/]+)$/,
      run: async (_request, [, uid]) => ((await store.remove(uid!)) ? new Response(null, { status: 204 }) : notFound(uid!)),
    },
    {
      method: 'POST',
      path: /^\/dashboards\/([^/]+)\/clone$/,
      run: async (request, [, uid]) => {
        const found = await store.get(uid!);
        if (!found) return notFound(uid!);
        const read = request.headers.get('content-type') ? await readJson(request, limit) : { value: {} };
        if ('refused' in read) return read.refused;
        const { uid: wanted, title } = (read.value ?? {}) as { uid?: unknown; title?: unknown };
        const copy = { ...(JSON.parse(found.definition) as object), uid: typeof wanted === 'string' ? wanted : newUid(), title: typeof title === 'string' ? title : `${found.title} (copy)` };
        const check = checked(copy);
        if ('refused' in check) return check.refused;
        const created = await store.create(check.uid!, check.fields);
        if (!created) return problem(409, 'exists', `a dashboard with uid ${check.uid} exists; choose another uid`);
        return Response.json(body(created), { status: 201, headers: { location: `${base}/dashboards/${created.uid}` } });
      },
    },
    {
      method: 'GET',
      path: /^\/dashboards\/([^/]+)\/versions$/,
      run: async (_request, [, uid]) => {
        const versions = await store.versions(uid!);
        return versions ? Response.json({ versions }) : notFound(uid!);
      },
    },
    {
      method: 'GET',
      path: /^\/dashboards\/([^/]+)\/versions\/(\d+)$/,
      run: async (_request, [, uid, n]) => {
        const found = await store.version(uid!, Number(n));
        return found ? Response.json({ uid, version: found.version, savedAt: found.savedAt, dashboard: JSON.parse(found.definition) }) : problem(404, 'not_found', `dashboard ${uid} has no version ${n}`);
      },
    },
    ...datasourceRoutes(store, box, limit, base),
    ...libraryRoutes(store, limit),
  ];

  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (base && url.pathname !== base && !url.pathname.startsWith(`${base}/`)) return problem(404, 'not_found', `this service answers under ${base}/`);
    const path = url.pathname.slice(base.length) || '/';
    const matching = routes.filter((r) => r.path.test(path));
    if (!matching.length) return problem(404, 'not_found', `no such endpoint: ${path} (see the HTTP API: /dashboards, /dashboards/{uid}, …/clone, …/versions, /datasources, /datasources/{id}, …/default, …/test, /library-panels, /library-panels/{uid})`);
    const route = matching.find((r) => r.method === request.method.toUpperCase());
    if (!route) {
      const allow = matching.map((r) => r.method).join(', ');
      const refused = problem(405, 'method_not_allowed', `${request.method} is not allowed on ${path}; use ${allow}`);
      refused.headers.set('allow', allow);
      return refused;
    }
    const match = route.path.exec(path)!;
    const uid = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
    if (uid !== undefined && !UID.test(uid)) return problem(400, 'bad_id', `an id (a dashboard's or saved panel's uid, a datasource's id) is 1–40 letters, digits, - or _; got ${JSON.stringify(uid)}`);
    try {
      return await route.run(request, uid === undefined ? [...match] : [match[0], uid, ...match.slice(2)], url);
    } catch (error) {
      // The store's own words may hold connection details: they go to the server's log, not to the client.
      console.error('promkit dashboard service:', error);
      return problem(500, 'internal', 'the dashboard store failed; the server log has the details');
    }
  };
}

function notFound(uid: string): Response {
  return problem(404, 'not_found', `no dashboard with uid ${uid}`);
}
