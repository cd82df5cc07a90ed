// @ts-check
/**
 * A stand-in for Grafana's HTTP API, for testing GrafanaClient where Grafana cannot be installed.
 * It follows Grafana's documented contract: the same paths, status codes and error bodies
 * (`{ message, status }` for dashboards, `messageId` for public dashboards, Kubernetes `Status`
 * objects under /apis), version numbers that grow on every save, and 412 conflicts. It holds its
 * state in memory, per organization, and records every request for assertions.
 */
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { listenOnLoopback } from './listen.mjs';

/**
 * @typedef {{ uid: string, title: string, parentUid?: string, id: number }} Folder
 * @typedef {{ dashboard: Record<string, any>, folderUid: string, version: number, id: number, resourceVersion: string, message?: string }} Stored
 * @typedef {{ method: string, path: string, headers: Record<string, string | string[] | undefined>, body: any }} Recorded
 */

/** Credentials the contract accepts. */
export const CONTRACT_TOKEN = 'glsa_contract_token';
export const CONTRACT_USER = { username: 'admin', password: 'contract-secret' };
export const CONTRACT_PROXY_USER = 'proxy-admin';
/** The datasources every organization has. */
export const CONTRACT_DATASOURCES = [{ id: 1, uid: 'P1809F7CD0C75ACF3', name: 'Prometheus', type: 'prometheus' }];

export async function startGrafanaContract() {
  /** @type {Map<string, { dashboards: Map<string, Stored>, folders: Map<string, Folder>, publics: Map<string, any> }>} */
  const orgs = new Map();
  /** @type {Recorded[]} */
  const requests = [];
  let nextId = 1;
  let nextResourceVersion = 1000;
  const orgOf = (/** @type {string} */ id) => {
    if (!orgs.has(id)) orgs.set(id, { dashboards: new Map(), folders: new Map(), publics: new Map() });
    return /** @type {NonNullable<ReturnType<typeof orgs.get>>} */ (orgs.get(id));
  };
  const uid = () => randomBytes(7).toString('base64url');
  const slug = (/** @type {string} */ title) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://contract');
    /** @param {number} status @param {unknown} body */
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    let body;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return send(400, { message: 'bad request data' });
    }
    requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, headers: req.headers, body });

    // Authentication: a bearer token, basic auth, or the auth proxy's user header.
    const authorization = req.headers.authorization ?? '';
    const basic = `Basic ${Buffer.from(`${CONTRACT_USER.username}:${CONTRACT_USER.password}`).toString('base64')}`;
    const signedIn = authorization === `Bearer ${CONTRACT_TOKEN}` || authorization === basic || req.headers['x-webauth-user'] === CONTRACT_PROXY_USER;
    if (!signedIn) {
      if (authorization.startsWith('Bearer ')) return send(401, { message: 'Invalid API key', messageId: 'api-key.invalid', statusCode: 401 });
      return send(401, { message: 'Unauthorized' });
    }
    const orgHeader = req.headers['x-grafana-org-id'];
    const orgId = typeof orgHeader === 'string' ? orgHeader : '1';
    if (!/^[1-9]\d*$/.test(orgId) || Number(orgId) > 2) return send(401, { message: 'User not a member of organization', messageId: 'auth.org-membership' });
    const org = orgOf(orgId);
    const p = url.pathname;
    /** @type {RegExpExecArray | null} */
    let m;

    if (req.method === 'POST' && p === '/api/dashboards/db') return saveDashboard(org, body, send);
    if ((m = /^\/api\/dashboards\/uid\/([^/]+)$/.exec(p))) {
      const stored = org.dashboards.get(decodeURIComponent(m[1] ?? ''));
      if (!stored) return send(404, { message: 'Dashboard not found', status: 'not-found' });
      if (req.method === 'GET') {
        const folder = org.folders.get(stored.folderUid);
        return send(200, {
          dashboard: { ...stored.dashboard, id: stored.id, uid: stored.dashboard.uid, version: stored.version },
          meta: { type: 'db', canSave: true, slug: slug(stored.dashboard.title), url: `/d/${stored.dashboard.uid}/${slug(stored.dashboard.title)}`, version: stored.version, folderUid: stored.folderUid, folderTitle: folder?.title ?? 'Dashboards', provisioned: false },
        });
      }
      if (req.method === 'DELETE') {
        org.dashboards.delete(stored.dashboard.uid);
        org.publics.delete(stored.dashboard.uid);
        return send(200, { title: stored.dashboard.title, message: `Dashboard ${stored.dashboard.title} deleted`, id: stored.id });
      }
    }
    if (req.method === 'GET' && p === '/api/search') {
      const query = (url.searchParams.get('query') ?? '').toLowerCase();
      const tags = url.searchParams.getAll('tag');
      const folders = url.searchParams.getAll('folderUIDs');
      const type = url.searchParams.get('type');
      const limit = Number(url.searchParams.get('limit') ?? 1000);
      const dashboards = [...org.dashboards.values()].map((s) => ({
        id: s.id, uid: s.dashboard.uid, title: s.dashboard.title, uri: `db/${slug(s.dashboard.title)}`, url: `/d/${s.dashboard.uid}/${slug(s.dashboard.title)}`,
        slug: '', type: 'dash-db', tags: s.dashboard.tags ?? [], isStarred: false, ...(s.folderUid ? { folderUid: s.folderUid, folderTitle: org.folders.get(s.folderUid)?.title } : {}),
      }));
      const folderHits = [...org.folders.values()].map((f) => ({ id: f.id, uid: f.uid, title: f.title, uri: `db/${slug(f.title)}`, url: `/dashboards/f/${f.uid}/${slug(f.title)}`, slug: '', type: 'dash-folder', tags: [], isStarred: false }));
      const hits = [...folderHits, ...dashboards]
        .filter((h) => !type || h.type === type)
        .filter((h) => h.title.toLowerCase().includes(query))
        .filter((h) => tags.every((t) => h.tags.includes(t)))
        .filter((h) => !folders.length || folders.includes(/** @type {any} */ (h).folderUid ?? ''))
        .sort((a, b) => a.title.localeCompare(b.title));
      return send(200, hits.slice(0, limit));
    }
    if (p === '/api/folders' && req.method === 'GET') {
      const parentUid = url.searchParams.get('parentUid') ?? undefined;
      return send(200, [...org.folders.values()].filter((f) => f.parentUid === parentUid).map((f) => ({ id: f.id, uid: f.uid, title: f.title })));
    }
    if (p === '/api/folders' && req.method === 'POST') {
      if (!body || typeof body.title !== 'string' || body.title.trim() === '') return send(400, { message: 'folder title cannot be empty' });
      if (body.uid && org.folders.has(body.uid)) return send(409, { message: 'a folder with the same uid already exists' });
      if (body.parentUid && !org.folders.has(body.parentUid)) return send(404, { message: 'folder not found' });
      if ([...org.folders.values()].some((f) => f.title === body.title && f.parentUid === (body.parentUid ?? undefined))) {
        return send(409, { message: 'a folder with the same name already exists in the current location' });
      }
      const folder = { id: nextId++, uid: body.uid ?? uid(), title: body.title, ...(body.parentUid ? { parentUid: body.parentUid } : {}) };
      org.folders.set(folder.uid, folder);
      return send(200, { ...folder, url: `/dashboards/f/${folder.uid}/${slug(folder.title)}`, version: 1 });
    }
    if ((m = /^\/api\/folders\/([^/]+)$/.exec(p)) && req.method === 'GET') {
      const folder = org.folders.get(decodeURIComponent(m[1] ?? ''));
      return folder ? send(200, folder) : send(404, { message: 'folder not found' });
    }
    if ((m = /^\/api\/datasources\/name\/([^/]+)$/.exec(p)) && req.method === 'GET') {
      const name = decodeURIComponent(m[1] ?? '');
      const ds = CONTRACT_DATASOURCES.find((d) => d.name === name);
      return ds ? send(200, { ...ds, access: 'proxy', url: 'http://prometheus:9090', isDefault: true }) : send(404, { message: 'Data source not found' });
    }
    if ((m = /^\/api\/dashboards\/uid\/([^/]+)\/public-dashboards(?:\/([^/]+))?$/.exec(p))) return publicDashboards(org, req.method ?? 'GET', decodeURIComponent(m[1] ?? ''), m[2] && decodeURIComponent(m[2]), body, send);
    if ((m = /^\/apis\/dashboard\.grafana\.app\/v1beta1\/namespaces\/([^/]+)\/dashboards(?:\/([^/]+))?$/.exec(p))) {
      const expected = orgId === '1' ? 'default' : `org-${orgId}`;
      if (m[1] !== expected) return send(403, k8sStatus(403, 'Forbidden', `namespace "${m[1]}" does not belong to organization ${orgId}`));
      return resources(org, req.method ?? 'GET', m[2] && decodeURIComponent(m[2]), body, send);
    }
    send(404, { message: 'Not found' });
  });

  /** POST /api/dashboards/db: create or update, with Grafana's version and title checks. */
  function saveDashboard(/** @type {any} */ org, /** @type {any} */ body, /** @type {(s: number, b: unknown) => void} */ send) {
    const d = body?.dashboard;
    if (!d || typeof d !== 'object') return send(400, { message: 'bad request data' });
    if (typeof d.title !== 'string' || d.title.trim() === '') return send(400, { message: 'Dashboard title cannot be empty', status: 'empty-name' });
    if (d.uid !== undefined && d.uid !== null && (typeof d.uid !== 'string' || d.uid.length > 40 || !/^[a-zA-Z0-9_-]*$/.test(d.uid))) {
      return send(400, { message: 'uid contains illegal characters', status: 'invalid-uid' });
    }
    const folderUid = body.folderUid ?? '';
    if (folderUid && !org.folders.has(folderUid)) return send(400, { message: 'folder not found', status: 'folder-not-found' });
    const overwrite = body.overwrite === true;
    /** @type {Stored | undefined} */
    const existing = d.uid ? org.dashboards.get(d.uid) : undefined;
    if (existing && !overwrite && (d.version ?? 0) !== existing.version) {
      return send(412, { message: 'The dashboard has been changed by someone else', status: 'version-mismatch' });
    }
    const sameTitle = [...org.dashboards.values()].find((s) => s.folderUid === folderUid && s.dashboard.title.toLowerCase() === d.title.toLowerCase() && s.dashboard.uid !== d.uid);
    if (sameTitle && !overwrite) return send(412, { message: 'A dashboard with the same name in the folder already exists', status: 'name-exists' });
    if (sameTitle && overwrite) org.dashboards.delete(sameTitle.dashboard.uid);
    const theUid = d.uid || uid();
    const version = (existing?.version ?? 0) + 1;
    const id = existing?.id ?? nextId++;
    org.dashboards.set(theUid, { dashboard: { ...d, uid: theUid, id, version }, folderUid, version, id, resourceVersion: String(nextResourceVersion++), message: body.message });
    send(200, { id, uid: theUid, url: `/d/${theUid}/${slug(d.title)}`, status: 'success', version, slug: slug(d.title), folderUid });
  }

  /** /api/dashboards/uid/:uid/public-dashboards[/:publicUid] */
  function publicDashboards(/** @type {any} */ org, /** @type {string} */ method, /** @type {string} */ dashboardUid, /** @type {string | undefined} */ publicUid, /** @type {any} */ body, /** @type {(s: number, b: unknown) => void} */ send) {
    const error = (/** @type {number} */ status, /** @type {string} */ messageId, /** @type {string} */ message) => send(status, { message, messageId, statusCode: status, traceID: '' });
    if (!org.dashboards.has(dashboardUid)) return error(404, 'publicdashboards.dashboardNotFound', 'Dashboard not found');
    const existing = org.publics.get(dashboardUid);
    if (method === 'POST' && !publicUid) {
      if (existing) return error(400, 'publicdashboards.dashboardIsPublic', 'Dashboard is already public');
      const now = new Date().toISOString();
      const shared = {
        uid: uid(), dashboardUid, accessToken: randomBytes(16).toString('hex'), createdBy: 1, updatedBy: 1, createdAt: now, updatedAt: now,
        timeSelectionEnabled: body?.timeSelectionEnabled === true, isEnabled: body?.isEnabled !== false, annotationsEnabled: body?.annotationsEnabled === true, share: body?.share ?? 'public',
      };
      org.publics.set(dashboardUid, shared);
      return send(200, shared);
    }
    if (method === 'GET' && !publicUid) return existing ? send(200, existing) : error(404, 'publicdashboards.notFound', 'Public dashboard not found');
    if (!existing || existing.uid !== publicUid) return error(404, 'publicdashboards.notFound', 'Public dashboard not found');
    if (method === 'PATCH') {
      for (const key of ['isEnabled', 'timeSelectionEnabled', 'annotationsEnabled', 'share']) if (body?.[key] !== undefined) existing[key] = body[key];
      existing.updatedAt = new Date().toISOString();
      return send(200, existing);
    }
    if (method === 'DELETE') {
      org.publics.delete(dashboardUid);
      return send(200, {});
    }
    error(405, 'publicdashboards.methodNotAllowed', 'Method not allowed');
  }

  /** /apis/dashboard.grafana.app/v1beta1/namespaces/:ns/dashboards[/:name], Kubernetes semantics. */
  function resources(/** @type {any} */ org, /** @type {string} */ method, /** @type {string | undefined} */ name, /** @type {any} */ body, /** @type {(s: number, b: unknown) => void} */ send) {
    /** @param {Stored} s */
    const resource = (s) => ({
      apiVersion: 'dashboard.grafana.app/v1beta1', kind: 'Dashboard',
      metadata: { name: s.dashboard.uid, namespace: 'default', resourceVersion: s.resourceVersion, generation: s.version, annotations: { ...(s.folderUid ? { 'grafana.app/folder': s.folderUid } : {}), ...(s.message ? { 'grafana.app/message': s.message } : {}) } },
      spec: s.dashboard,
    });
    const store = (/** @type {string} */ theName, /** @type {Stored | undefined} */ existing) => {
      const folderUid = body.metadata?.annotations?.['grafana.app/folder'] ?? '';
      const version = (existing?.version ?? 0) + 1;
      const stored = { dashboard: { ...body.spec, uid: theName, version }, folderUid, version, id: existing?.id ?? nextId++, resourceVersion: String(nextResourceVersion++), message: body.metadata?.annotations?.['grafana.app/message'] };
      org.dashboards.set(theName, stored);
      return resource(stored);
    };
    if (method === 'POST' && !name) {
      const theName = body?.metadata?.name;
      if (!theName || !body.spec) return send(400, k8sStatus(400, 'BadRequest', 'metadata.name and spec are required'));
      if (org.dashboards.has(theName)) return send(409, k8sStatus(409, 'AlreadyExists', `dashboards.dashboard.grafana.app "${theName}" already exists`));
      return send(201, store(theName, undefined));
    }
    if (method === 'GET' && !name) return send(200, { apiVersion: 'dashboard.grafana.app/v1beta1', kind: 'DashboardList', metadata: {}, items: [...org.dashboards.values()].map(resource) });
    const existing = name ? org.dashboards.get(name) : undefined;
    if (!existing) return send(404, k8sStatus(404, 'NotFound', `dashboards.dashboard.grafana.app "${name}" not found`));
    if (method === 'GET') return send(200, resource(existing));
    if (method === 'PUT') {
      if (body?.metadata?.resourceVersion !== existing.resourceVersion) {
        return send(409, k8sStatus(409, 'Conflict', `Operation cannot be fulfilled on dashboards.dashboard.grafana.app "${name}": the object has been modified; please apply your changes to the latest version and try again`));
      }
      return send(200, store(/** @type {string} */ (name), existing));
    }
    if (method === 'DELETE') {
      org.dashboards.delete(name);
      return send(200, k8sStatus(200, '', '', 'Success'));
    }
    send(405, k8sStatus(405, 'MethodNotAllowed', `${method} is not allowed`));
  }

  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Changes a stored dashboard behind the client's back (another person saving). */
    touch(/** @type {string} */ dashboardUid, orgId = '1') {
      const stored = orgOf(orgId).dashboards.get(dashboardUid);
      if (!stored) throw new Error(`no dashboard ${dashboardUid}`);
      stored.version += 1;
      stored.dashboard.version = stored.version;
      stored.resourceVersion = String(nextResourceVersion++);
    },
    stop: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/** A Kubernetes `Status` object, as the /apis endpoints answer errors with. */
function k8sStatus(/** @type {number} */ code, /** @type {string} */ reason, /** @type {string} */ message, status = 'Failure') {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status, message, reason, code };
}
