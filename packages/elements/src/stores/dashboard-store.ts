/**
 * Where a page keeps the dashboards people build: `httpStore` talks to the dashboard service of
 * @promkit/adapters, `localStorageStore` keeps them in this browser for single-page use. Both
 * hold a version per dashboard, and a save based on an older version than the stored one is a
 * DashboardConflictError naming both versions.
 */
import type { DashboardInput } from '@promkit/core';

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

export interface DashboardStoreClient {
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
  };
}

/** Dashboards in this browser's localStorage under `prefix` (one key each), versioned like the service. */
export function localStorageStore(prefix = 'promkit-dashboard:', storage: Storage = globalThis.localStorage): DashboardStoreClient {
  const key = (uid: string) => `${prefix}${uid}`;
  const read = (uid: string): (LoadedDashboard & { updatedAt: string }) | undefined => {
    const text = storage.getItem(key(uid));
    if (text === null) return undefined;
    try {
      return JSON.parse(text) as LoadedDashboard & { updatedAt: string };
    } catch {
      throw new DashboardStoreError(`The dashboard kept in this browser under ${key(uid)} is not JSON: it cannot be read.`, 0);
    }
  };
  return {
    async list(query = {}) {
      const entries: DashboardListEntry[] = [];
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i);
        if (!k?.startsWith(prefix)) continue;
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
      try {
        storage.setItem(key(dashboard.uid), JSON.stringify(next));
      } catch (error) {
        throw new DashboardStoreError(`This browser would not keep the dashboard (${(error as Error).message}): free some storage or allow it for this site.`, 0);
      }
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
  };
}
