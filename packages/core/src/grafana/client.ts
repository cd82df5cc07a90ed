/**
 * Publishing to Grafana over its HTTP API (on ky): dashboards, folders, datasource lookup and
 * public dashboards, through the classic `/api` or the Kubernetes-style `/apis` dashboards API.
 * Every refusal is a GrafanaApiError naming what Grafana said; conflicts are GrafanaConflictError.
 */
import ky, { type KyInstance } from 'ky';
import { authorizationHeader } from '../prometheus/auth.js';
import { InvalidArgumentError, type PromkitError, type RequestTarget } from '../prometheus/errors.js';
import { checkTimeout } from '../prometheus/deadline.js';
import { withinDeadline, type FailureReading } from '../internal/ky-errors.js';
import { GrafanaApiError, GrafanaConflictError } from './errors.js';
import type { GrafanaDashboard } from './export.js';

/** How to sign in: a service-account token, basic auth, or an auth proxy's user header. */
export type GrafanaAuth =
  | { type: 'token'; token: string }
  | { type: 'basic'; username: string; password: string }
  /** Grafana behind an auth proxy: the header it trusts (default `X-WEBAUTH-USER`) names the user. */
  | { type: 'proxy'; user: string; header?: string };

export interface GrafanaClientOptions {
  /** Grafana's base URL, e.g. `https://grafana.example.com` (with its sub-path, if any). */
  url: string;
  auth?: GrafanaAuth;
  /** Organization to act in (`X-Grafana-Org-Id`); the user's current one when absent. */
  orgId?: number;
  /**
   * `classic`: `/api/dashboards` (every Grafana). `kubernetes`: `/apis/dashboard.grafana.app/v1beta1`
   * (Grafana 12+), in `namespace` (`default` for org 1, `org-<id>` otherwise).
   */
  api?: 'classic' | 'kubernetes';
  namespace?: string;
  /** Milliseconds before a request is given up, reading the whole answer included (default 30 000). */
  timeout?: number;
  fetch?: typeof fetch;
}

/** Per-call options of every GrafanaClient method. */
export interface GrafanaCallOptions {
  /** Aborts the call; it then rejects with a CanceledError. */
  signal?: AbortSignal;
  /** Overrides the client's timeout for each request of this call, in milliseconds. */
  timeout?: number;
}

export interface PublishOptions extends GrafanaCallOptions {
  /** Folder to publish into (see ensureFolder); the root when absent. */
  folderUid?: string;
  /** Replace Grafana's copy even if it changed meanwhile or another has the title. */
  overwrite?: boolean;
  /** Shown in the dashboard's version history. */
  message?: string;
  /** Name of a Grafana datasource the `${datasource}` variable starts on (looked up to its uid). */
  datasource?: string;
}

export interface PublishedDashboard {
  uid: string;
  /** Grafana's version number after the save (classic API) or resource version (Kubernetes API). */
  version: number | string;
  /** Absolute URL of the dashboard in Grafana. */
  url: string;
}

export interface StoredDashboard {
  dashboard: GrafanaDashboard & { uid: string; version?: number };
  folderUid: string | undefined;
  version: number | string;
  url: string;
}

export interface SearchHit {
  uid: string;
  title: string;
  type: 'dash-db' | 'dash-folder';
  url: string;
  tags: string[];
  folderUid?: string;
  folderTitle?: string;
}

export interface Folder {
  uid: string;
  title: string;
  parentUid?: string;
}

export interface PublicDashboard {
  uid: string;
  dashboardUid: string;
  accessToken: string;
  isEnabled: boolean;
  timeSelectionEnabled: boolean;
  annotationsEnabled: boolean;
  share?: string;
}

export type PublicDashboardSettings = Partial<Pick<PublicDashboard, 'isEnabled' | 'timeSelectionEnabled' | 'annotationsEnabled' | 'share'>>;

const K8S_GROUP = 'dashboard.grafana.app/v1beta1';

/** A client for one Grafana (and one organization). */
export class GrafanaClient {
  readonly #http: KyInstance;
  readonly #base: string;
  readonly #api: 'classic' | 'kubernetes';
  readonly #namespace: string;
  readonly #timeout: number;

  constructor(options: GrafanaClientOptions) {
    if (!/^https?:\/\//.test(options.url)) throw new InvalidArgumentError(`Grafana URL must start with http:// or https://, got ${JSON.stringify(options.url)}.`);
    this.#base = options.url.replace(/\/+$/, '');
    this.#api = options.api ?? 'classic';
    this.#namespace = options.namespace ?? (options.orgId === undefined || options.orgId === 1 ? 'default' : `org-${options.orgId}`);
    const headers: Record<string, string> = { accept: 'application/json' };
    const auth = options.auth;
    if (auth?.type === 'token') headers['authorization'] = authorizationHeader({ type: 'bearer', token: auth.token });
    if (auth?.type === 'basic') headers['authorization'] = authorizationHeader(auth);
    if (auth?.type === 'proxy') headers[auth.header ?? 'X-WEBAUTH-USER'] = auth.user;
    if (options.orgId !== undefined) headers['X-Grafana-Org-Id'] = String(options.orgId);
    this.#timeout = options.timeout ?? 30_000;
    checkTimeout(this.#timeout);
    // ky's timeout stops at the headers; each request's Deadline (see #call) covers the whole answer.
    this.#http = ky.create({ headers, timeout: false, retry: 0, throwHttpErrors: true, ...(options.fetch ? { fetch: options.fetch } : {}) });
  }

  /** Creates or updates a dashboard (Grafana's JSON model, e.g. from toGrafana). */
  async publish(dashboard: GrafanaDashboard, options: PublishOptions = {}): Promise<PublishedDashboard> {
    const model = options.datasource ? await this.#withDatasource(dashboard, options.datasource, options) : dashboard;
    if (this.#api === 'kubernetes') return this.#publishResource(model, options);
    const body = {
      dashboard: { ...model, id: null },
      overwrite: options.overwrite ?? false,
      ...(options.folderUid ? { folderUid: options.folderUid } : {}),
      ...(options.message ? { message: options.message } : {}),
    };
    const saved = await this.#call<{ uid: string; version: number; url: string }>('POST', 'api/dashboards/db', options, body);
    return { uid: saved.uid, version: saved.version, url: this.#absolute(saved.url) };
  }

  /** A dashboard by uid; a GrafanaApiError with status 404 when there is none. */
  async get(uid: string, call: GrafanaCallOptions = {}): Promise<StoredDashboard> {
    if (this.#api === 'kubernetes') {
      const r = await this.#call<Resource>('GET', this.#resourcePath(uid), call);
      return { dashboard: { ...(r.spec as GrafanaDashboard), uid }, folderUid: r.metadata.annotations?.['grafana.app/folder'], version: r.metadata.resourceVersion, url: this.#absolute(`/d/${uid}`) };
    }
    const r = await this.#call<{ dashboard: StoredDashboard['dashboard']; meta: { folderUid?: string; version?: number; url: string } }>('GET', `api/dashboards/uid/${encodeURIComponent(uid)}`, call);
    return { dashboard: r.dashboard, folderUid: r.meta.folderUid || undefined, version: r.meta.version ?? r.dashboard.version ?? 0, url: this.#absolute(r.meta.url) };
  }

  /** Deletes a dashboard by uid. */
  async delete(uid: string, call: GrafanaCallOptions = {}): Promise<void> {
    if (this.#api === 'kubernetes') await this.#call('DELETE', this.#resourcePath(uid), call);
    else await this.#call('DELETE', `api/dashboards/uid/${encodeURIComponent(uid)}`, call);
  }

  /** Dashboards (and folders) matching a title query, tags or folders. */
  async search(query: { query?: string; tags?: string[]; folderUids?: string[]; type?: 'dash-db' | 'dash-folder'; limit?: number } = {}, call: GrafanaCallOptions = {}): Promise<SearchHit[]> {
    const params = new URLSearchParams();
    if (query.query) params.set('query', query.query);
    for (const tag of query.tags ?? []) params.append('tag', tag);
    for (const uid of query.folderUids ?? []) params.append('folderUIDs', uid);
    if (query.type) params.set('type', query.type);
    if (query.limit) params.set('limit', String(query.limit));
    const hits = await this.#call<SearchHit[]>('GET', `api/search?${params}`, call);
    return hits.map((h) => ({ ...h, url: this.#absolute(h.url) }));
  }

  /**
   * The folder at a path such as `Team/Service` (nested folders), created where missing. Returns
   * the innermost folder; publish into it with `folderUid`.
   */
  async ensureFolder(path: string | string[], call: GrafanaCallOptions = {}): Promise<Folder> {
    const titles = (Array.isArray(path) ? path : path.split('/')).map((t) => t.trim()).filter(Boolean);
    if (!titles.length) throw new InvalidArgumentError('ensureFolder needs a folder title, e.g. "Team" or "Team/Service".');
    let parent: Folder | undefined;
    for (const title of titles) {
      const siblings = await this.#call<Folder[]>('GET', `api/folders?${new URLSearchParams(parent ? { parentUid: parent.uid, limit: '1000' } : { limit: '1000' })}`, call);
      const found = siblings.find((f) => f.title === title);
      parent = found ?? (await this.#call<Folder>('POST', 'api/folders', call, { title, ...(parent ? { parentUid: parent.uid } : {}) }));
    }
    return { uid: parent!.uid, title: parent!.title, ...(parent!.parentUid ? { parentUid: parent!.parentUid } : {}) };
  }

  /** The uid of the datasource with this name. */
  async datasourceUid(name: string, call: GrafanaCallOptions = {}): Promise<string> {
    const ds = await this.#call<{ uid: string }>('GET', `api/datasources/name/${encodeURIComponent(name)}`, call);
    return ds.uid;
  }

  /** Shares a dashboard publicly (Grafana 10+); a dashboard can be shared once. */
  createPublicDashboard(dashboardUid: string, settings: PublicDashboardSettings = {}, call: GrafanaCallOptions = {}): Promise<PublicDashboard> {
    return this.#call('POST', `api/dashboards/uid/${encodeURIComponent(dashboardUid)}/public-dashboards`, call, { isEnabled: true, timeSelectionEnabled: false, annotationsEnabled: false, share: 'public', ...settings });
  }

  /** The public dashboard of a dashboard; status 404 when it is not shared. */
  getPublicDashboard(dashboardUid: string, call: GrafanaCallOptions = {}): Promise<PublicDashboard> {
    return this.#call('GET', `api/dashboards/uid/${encodeURIComponent(dashboardUid)}/public-dashboards`, call);
  }

  updatePublicDashboard(dashboardUid: string, uid: string, settings: PublicDashboardSettings, call: GrafanaCallOptions = {}): Promise<PublicDashboard> {
    return this.#call('PATCH', `api/dashboards/uid/${encodeURIComponent(dashboardUid)}/public-dashboards/${encodeURIComponent(uid)}`, call, settings);
  }

  async deletePublicDashboard(dashboardUid: string, uid: string, call: GrafanaCallOptions = {}): Promise<void> {
    await this.#call('DELETE', `api/dashboards/uid/${encodeURIComponent(dashboardUid)}/public-dashboards/${encodeURIComponent(uid)}`, call);
  }

  /** The URL anyone can open (or put in an iframe) to see a public dashboard, in a theme. */
  publicUrl(shared: Pick<PublicDashboard, 'accessToken'>, options: { theme?: 'light' | 'dark' } = {}): string {
    return `${this.#base}/public-dashboards/${encodeURIComponent(shared.accessToken)}${options.theme ? `?theme=${options.theme}` : ''}`;
  }

  /** Sets the `${datasource}` variable (as toGrafana writes it) to a named Grafana datasource. */
  async #withDatasource(dashboard: GrafanaDashboard, name: string, call: GrafanaCallOptions): Promise<GrafanaDashboard> {
    const uid = await this.datasourceUid(name, call);
    const list = dashboard.templating.list.map((v) => (v.type === 'datasource' && v.name === 'datasource' ? { ...v, current: { text: name, value: uid } } : v));
    return { ...dashboard, templating: { list } };
  }

  /** Kubernetes-style API: create, or replace at the version just read when overwriting. */
  async #publishResource(dashboard: GrafanaDashboard, options: PublishOptions): Promise<PublishedDashboard> {
    const uid = dashboard.uid;
    if (!uid) throw new InvalidArgumentError('The Kubernetes-style dashboards API needs a dashboard uid (its resource name): set "uid".');
    const annotations = { ...(options.folderUid ? { 'grafana.app/folder': options.folderUid } : {}), ...(options.message ? { 'grafana.app/message': options.message } : {}) };
    const resource = (resourceVersion?: string) => ({ apiVersion: K8S_GROUP, kind: 'Dashboard', metadata: { name: uid, annotations, ...(resourceVersion ? { resourceVersion } : {}) }, spec: dashboard });
    let saved: Resource;
    try {
      saved = await this.#call<Resource>('POST', this.#resourcePath(), options, resource());
    } catch (error) {
      if (!(error instanceof GrafanaConflictError) || error.reason !== 'exists' || !options.overwrite) throw error;
      const current = await this.#call<Resource>('GET', this.#resourcePath(uid), options);
      saved = await this.#call<Resource>('PUT', this.#resourcePath(uid), options, resource(current.metadata.resourceVersion));
    }
    return { uid, version: saved.metadata.resourceVersion, url: this.#absolute(`/d/${uid}`) };
  }

  #resourcePath(name?: string): string {
    return `apis/${K8S_GROUP}/namespaces/${encodeURIComponent(this.#namespace)}/dashboards${name ? `/${encodeURIComponent(name)}` : ''}`;
  }

  #absolute(path: string): string {
    return /^https?:/.test(path) ? path : `${this.#base}${path.startsWith('/') ? '' : '/'}${path}`;
  }

  /** One request under its own Deadline; every failure is a PromkitError (see withinDeadline). */
  #call<T = unknown>(method: string, path: string, call: GrafanaCallOptions, body?: unknown): Promise<T> {
    const target = { url: `${this.#base}/${path}`, method };
    return withinDeadline({ timeout: call.timeout ?? this.#timeout, signal: call.signal }, () => target, GRAFANA_FAILURES, async (deadline) => {
      const response = await this.#http(target.url, { method, signal: deadline.signal, ...(body !== undefined ? { json: body } : {}) });
      const text = await response.text();
      return (text ? JSON.parse(text) : undefined) as T;
    });
  }
}

interface Resource {
  metadata: { name: string; resourceVersion: string; annotations?: Record<string, string> };
  spec: unknown;
}

/** How Grafana failures read: every refusal is a GrafanaApiError (see refusal). */
const GRAFANA_FAILURES: FailureReading = { refusal, service: 'Grafana' };

/** What Grafana's refusal means, given its body (the parsed JSON, or the text when it was not JSON). */
function refusal(response: Response, data: unknown, target: RequestTarget, cause: unknown): PromkitError {
  const where = `${target.method} ${target.url}`;
  const status = response.status;
  const text = typeof data === 'string' ? data : data === undefined ? '' : JSON.stringify(data);
  const body: { message?: string; status?: string; messageId?: string; reason?: string; kind?: string } = typeof data === 'object' && data !== null ? data : {};
  const said = body.message ?? text.slice(0, 200);
  // Kubernetes-style answers are `Status` objects: their `reason` is the code, `status` just says Failure.
  const code = body.messageId ?? (body.kind === 'Status' ? body.reason : body.status);
  const options = { cause, request: target };
  if (status === 412 && (body.status === 'version-mismatch' || body.status === 'name-exists' || body.status === 'plugin-dashboard')) {
    const advice = body.status === 'version-mismatch' ? 'someone saved it since you read it: re-read it, or publish with overwrite' : body.status === 'name-exists' ? 'another dashboard in that folder has this title: rename it, or publish with overwrite' : 'it belongs to a plugin: save it under another uid';
    return new GrafanaConflictError(`Grafana kept its copy (${body.status}): ${said}; ${advice}.`, status, text.slice(0, 500), body.status, options);
  }
  if (status === 409) {
    const reason = body.reason === 'AlreadyExists' ? 'exists' : 'version-mismatch';
    return new GrafanaConflictError(`Grafana kept its copy (${body.reason ?? 'conflict'}): ${said}.`, status, text.slice(0, 500), reason, options);
  }
  const hint = status === 401 ? ' Check the token or credentials.' : status === 403 ? ' The account lacks the permission; a service account needs the Editor role (or the named RBAC action).' : '';
  return new GrafanaApiError(`Grafana refused ${where} (${status}${code ? ` ${code}` : ''}): ${said}.${hint}`, status, text.slice(0, 500), code, options);
}
