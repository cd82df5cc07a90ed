/**
 * The service's saved panels: a library of panels reusable across dashboards. Each is checked
 * with core's panel schema (its id and place are the dashboard's business: a dashboard adds a
 * copy with `addTemplatePanels`), kept exactly as sent and versioned like dashboards.
 */
import { PromkitError, parsePanel } from '@promkit/core';
import { UID, newUid, problem, readJson, type Route } from './http.js';
import type { DashboardStore, StoredLibraryPanel } from './store.js';

function answer(p: StoredLibraryPanel): Record<string, unknown> {
  return { uid: p.uid, title: p.title, version: p.version, createdAt: p.createdAt, updatedAt: p.updatedAt, panel: JSON.parse(p.definition) };
}

/** `{ panel }` checked by the schema: its title and JSON, or the 400 listing every problem. */
function checked(value: unknown): { title: string; definition: string } | { refused: Response } {
  const panel = (value as { panel?: unknown } | null)?.panel;
  if (panel === undefined) return { refused: problem(400, 'bad_request', 'send { "panel": { … } }') };
  try {
    const parsed = parsePanel(panel);
    return { title: parsed.title, definition: JSON.stringify(panel) };
  } catch (error) {
    if (!(error instanceof PromkitError)) throw error;
    const problems = (error as PromkitError & { problems?: unknown }).problems;
    return { refused: problem(400, 'invalid_panel', error.message, problems ? { problems } : {}) };
  }
}

export function libraryRoutes(store: DashboardStore, limit: number): Route[] {
  const notFound = (uid: string) => problem(404, 'not_found', `no saved panel with uid ${uid}`);
  return [
    {
      method: 'GET',
      path: /^\/library-panels$/,
      run: async (_request, _match, url) => Response.json({ panels: (await store.listLibraryPanels(url.searchParams.get('search') ? { search: url.searchParams.get('search')! } : {})).map(answer) }),
    },
    {
      method: 'POST',
      path: /^\/library-panels$/,
      run: async (request) => {
        const read = await readJson(request, limit);
        if ('refused' in read) return read.refused;
        const fields = checked(read.value);
        if ('refused' in fields) return fields.refused;
        const wanted = (read.value as { uid?: unknown }).uid;
        if (wanted !== undefined && (typeof wanted !== 'string' || !UID.test(wanted))) return problem(400, 'bad_id', 'a saved panel uid is 1–40 letters, digits, - or _');
        const created = await store.createLibraryPanel(typeof wanted === 'string' ? wanted : newUid(), fields);
        if (!created) return problem(409, 'exists', `a saved panel with uid ${String(wanted)} exists; save it with PUT, or send another uid`);
        return Response.json(answer(created), { status: 201 });
      },
    },
    {
      method: 'GET',
      path: /^\/library-panels\/([^/]+)$/,
      run: async (_request, [, uid]) => {
        const found = await store.getLibraryPanel(uid!);
        return found ? Response.json(answer(found)) : notFound(uid!);
      },
    },
    {
      method: 'PUT',
      path: /^\/library-panels\/([^/]+)$/,
      run: async (request, [, uid]) => {
        const read = await readJson(request, limit);
        if ('refused' in read) return read.refused;
        const version = (read.value as { version?: unknown } | null)?.version;
        if (!Number.isInteger(version)) return problem(400, 'bad_request', 'send { "panel": { … }, "version": N }, N being the version the edit started from');
        const fields = checked(read.value);
        if ('refused' in fields) return fields.refused;
        const saved = await store.saveLibraryPanel(uid!, version as number, fields);
        if (!saved) return notFound(uid!);
        if ('conflict' in saved) return problem(409, 'version_conflict', `version ${saved.current} was saved after version ${String(version)}: load it, apply the edit again, and save`, { yourVersion: version, currentVersion: saved.current });
        return Response.json(answer(saved));
      },
    },
    {
      method: 'DELETE',
      path: /^\/library-panels\/([^/]+)$/,
      run: async (_request, [, uid]) => ((await store.removeLibraryPanel(uid!)) ? new Response(null, { status: 204 }) : notFound(uid!)),
    },
  ];
}
