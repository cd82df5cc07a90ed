/**
 * Where a page keeps the dashboards people build: `httpStore` talks to the dashboard service of
 * @promkit/adapters, `localStorageStore` keeps them in this browser for single-page use. Both
 * hold a version per dashboard, and a save based on an older version than the stored one is a
 * DashboardConflictError naming both versions. Both keep a library of saved panels beside the
 * dashboards, reusable across them.
 */
import type { DashboardInput, PanelInput } from '@promkit/core';

/** A stored dashboard as a page reads it. */
export interface LoadedDashboard {
  uid: string;
  version: number;
  dashboard: DashboardInput;
}

/** What a list shows of each dashboard. */
export interface DashboardListEntry {
  uid: string;
  title: string;
  tags: string[];
  version: number;
  updatedAt: string;
}

/** A panel kept in a store's library. */
export interface SavedPanel {
  uid: string;
  title: string;
  version: number;
  updatedAt: string;
  panel: PanelInput;
}

/** A store's library of saved panels: a dashboard adds a copy of one. */
export interface PanelLibraryClient {
  /** The saved panels with `search` in their title, by title. */
  list(query?: { search?: string }): Promise<SavedPanel[]>;
  /** Keeps a copy of `panel` as a new saved panel. */
  save(panel: PanelInput): Promise<SavedPanel>;
  remove(uid: string): Promise<void>;
}

export interface DashboardStoreClient {
  /** The store's saved panels, when it keeps a library. */
  readonly library?: PanelLibraryClient;
  /** The dashboards with `search` in their title, `tag`, or the one `uid` (to ask whether it exists, without a 404). */
  list(query?: { search?: string; tag?: string; uid?: string }): Promise<DashboardListEntry[]>;
  load(uid: string): Promise<LoadedDashboard | undefined>;
  /** Saves `dashboard` (its `uid` names it) as the version after `basedOn`; a new one when `basedOn` is undefined. */
  save(dashboard: DashboardInput & { uid: string }, basedOn: number | undefined): Promise<LoadedDashboard>;
  remove(uid: string): Promise<void>;
  /** A copy under a new uid (or `uid`), titled `title` or "… (copy)", at version 1. */
  clone(uid: string, options?: { uid?: string; title?: string }): Promise<LoadedDashboard>;
}

/** Someone saved version `current` after `basedOn`, the version this save started from. */
export class DashboardConflictError extends Error {
  override readonly name = 'DashboardConflictError';
  constructor(
    readonly basedOn: number | undefined,
    readonly current: number,
  ) {
    super(`This dashboard was saved by someone else (version ${current}) after the version these changes started from${basedOn === undefined ? '' : ` (${basedOn})`}: reload it to see theirs, then make the changes again.`);
  }
}

/** A store answer that was not what it should be, with the service's own words. */
export class DashboardStoreError extends Error {
  override readonly name = 'DashboardStoreError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The dashboard service at `base` (e.g. `/api`), through `fetch`. */
export function httpStore(base: string, options: { fetch?: typeof globalThis.fetch; headers?: Record<string, string> } = {}): DashboardStoreClient {
  const root = base.replace(/\/+$/, '');
  const fetcher = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const call = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const response = await fetcher(`${root}${path}`, {
      method,
      headers: { ...options.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return response;
  };
  const failed = async (response: Response, what: string): Promise<never> => {
    const said = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    throw new DashboardStoreError(`${what} failed (${response.status}): ${said?.error?.message ?? response.statusText}`, response.status);
  };
  const loaded = (body: { uid: string; version: number; dashboard: DashboardInput }): LoadedDashboard => ({ uid: body.uid, version: body.version, dashboard: body.dashboard });
  return {
    async list(query = {}) {
      const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
      const response = await call('GET', `/dashboards${params.size ? `?${params}` : ''}`);
      if (!response.ok) return failed(response, 'Listing the dashboards');
      return ((await response.json()) as { dashboards: DashboardListEntry[] }).dashboards;
    },
    async load(uid) {
      const response = await call('GET', `/dashboards/${encodeURIComponent(uid)}`);
      if (response.status === 404) return undefined;
      if (!response.ok) return failed(response, `Loading dashboard ${uid}`);
      return loaded(await response.json());
    },
    async save(dashboard, basedOn) {
      const response =
        basedOn === undefined ? await call('POST', '/dashboards', { dashboard }) : await call('PUT', `/dashboards/${encodeURIComponent(dashboard.uid)}`, { dashboard, version: basedOn });
      if (response.status === 409) {
        const said = (await response.json()) as { error: { code: string; currentVersion?: number } };
        if (said.error.code === 'version_conflict') throw new DashboardConflictError(basedOn, said.error.currentVersion!);
        const current = await this.load(dashboard.uid);
        throw new DashboardConflictError(basedOn, current?.version ?? 1);
      }
      if (!response.ok) return failed(response, `Saving dashboard ${dashboard.uid}`);
      return loaded(await response.json());
    },
    async remove(uid) {
      const response = await call('DELETE', `/dashboards/${encodeURIComponent(uid)}`);
      if (!response.ok && response.status !== 404) await failed(response, `Deleting dashboard ${uid}`);
    },
    async clone(uid, options = {}) {
      const response = await call('POST', `/dashboards/${encodeURIComponent(uid)}/clone`, options);
      if (!response.ok) return failed(response, `Copying dashboard ${uid}`);
      return loaded(await response.json());
    },
    library: {
      async list(query = {}) {
        const response = await call('GET', `/library-panels${query.search ? `?${new URLSearchParams({ search: query.search })}` : ''}`);
        if (!response.ok) return failed(response, 'Listing the saved panels');
        return ((await response.json()) as { panels: SavedPanel[] }).panels.map(savedPanel);
      },
      async save(panel) {
        const response = await call('POST', '/library-panels', { panel });
        if (!response.ok) return failed(response, `Saving panel “${panel.title}”`);
        return savedPanel(await response.json());
      },
      async remove(uid) {
        const response = await call('DELETE', `/library-panels/${encodeURIComponent(uid)}`);
        if (!response.ok && response.status !== 404) await failed(response, `Deleting saved panel ${uid}`);
      },
    },
  };
}

/** What a page keeps of a saved panel the service answered with. */
function savedPanel(p: SavedPanel): SavedPanel {
  return { uid: p.uid, title: p.title, version: p.version, updatedAt: p.updatedAt, panel: p.panel };
}

/** A new uid: 12 random lowercase letters and digits (crypto.randomUUID needs a secure page; this does not). */
export function newUid(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => alphabet[b & 31]).join('');
}

/**
 * Dashboards in this browser's localStorage under `prefix` (one key each), versioned like the
 * service; saved panels under `<prefix>@panel:` (no uid has an `@`).
 */
export function localStorageStore(prefix = 'promkit-dashboard:', storage: Storage = globalThis.localStorage): DashboardStoreClient {
  const key = (uid: string) => `${prefix}${uid}`;
  const panelPrefix = `${prefix}@panel:`;
  const parse = <T>(k: string, what: string): T | undefined => {
    const text = storage.getItem(k);
    if (text === null) return undefined;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new DashboardStoreError(`The ${what} kept in this browser under ${k} is not JSON: it cannot be read.`, 0);
    }
  };
  const read = (uid: string) => parse<LoadedDashboard & { updatedAt: string }>(key(uid), 'dashboard');
  const put = (k: string, value: unknown, what: string) => {
    try {
      storage.setItem(k, JSON.stringify(value));
    } catch (error) {
      throw new DashboardStoreError(`This browser would not keep the ${what} (${(error as Error).message}): free some storage or allow it for this site.`, 0);
    }
  };
  return {
    async list(query = {}) {
      const entries: DashboardListEntry[] = [];
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i);
        if (!k?.startsWith(prefix) || k.startsWith(panelPrefix)) continue;
        const d = read(k.slice(prefix.length));
        if (!d) continue;
        const title = String(d.dashboard.title ?? '');
        const tags = (d.dashboard.tags ?? []) as string[];
        if (query.search && !title.toLowerCase().includes(query.search.toLowerCase())) continue;
        if (query.tag && !tags.includes(query.tag)) continue;
        if (query.uid && d.uid !== query.uid) continue;
        entries.push({ uid: d.uid, title, tags, version: d.version, updatedAt: d.updatedAt });
      }
      return entries.sort((a, b) => a.title.localeCompare(b.title));
    },
    async load(uid) {
      const d = read(uid);
      return d && { uid: d.uid, version: d.version, dashboard: d.dashboard };
    },
    async save(dashboard, basedOn) {
      const current = read(dashboard.uid);
      if (current && current.version !== basedOn) throw new DashboardConflictError(basedOn, current.version);
      const next = { uid: dashboard.uid, version: (current?.version ?? 0) + 1, dashboard, updatedAt: new Date().toISOString() };
      put(key(dashboard.uid), next, 'dashboard');
      return { uid: next.uid, version: next.version, dashboard };
    },
    async remove(uid) {
      storage.removeItem(key(uid));
    },
    async clone(uid, options = {}) {
      const source = read(uid);
      if (!source) throw new DashboardStoreError(`There is no dashboard ${uid} in this browser to copy.`, 404);
      const copyUid = options.uid ?? `${uid.slice(0, 30)}-${Math.random().toString(36).slice(2, 8)}`;
      return this.save({ ...source.dashboard, uid: copyUid, title: options.title ?? `${String(source.dashboard.title)} (copy)` }, undefined);
    },
    library: {
      async list(query = {}) {
        const found: SavedPanel[] = [];
        for (let i = 0; i < storage.length; i++) {
          const k = storage.key(i);
          const p = k?.startsWith(panelPrefix) ? parse<SavedPanel>(k, 'saved panel') : undefined;
          if (p && (!query.search || p.title.toLowerCase().includes(query.search.toLowerCase()))) found.push(p);
        }
        return found.sort((a, b) => a.title.localeCompare(b.title) || a.uid.localeCompare(b.uid));
      },
      async save(panel) {
        const saved: SavedPanel = { uid: newUid(), title: panel.title ?? '', version: 1, updatedAt: new Date().toISOString(), panel };
        put(`${panelPrefix}${saved.uid}`, saved, 'saved panel');
        return saved;
      },
      async remove(uid) {
        storage.removeItem(`${panelPrefix}${uid}`);
      },
    },
  };
}
