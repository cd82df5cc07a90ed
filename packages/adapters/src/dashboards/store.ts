/**
 * Where the dashboard service keeps dashboards: a small interface, and one implementation over
 * SQL that runs on PGlite and on a PostgreSQL server alike. Definitions are stored as the JSON
 * text they came in (returned exactly, key order and all); every save is a new version, and a
 * save based on an older version than the stored one is refused as a conflict.
 */
import { migrate } from './migrations.js';
import { pgliteClient, postgresClient, type SqlClient } from './sql.js';

/** A dashboard as stored: its JSON text, parsed only by whoever reads it. */
export interface StoredDashboard {
  uid: string;
  title: string;
  tags: string[];
  version: number;
  /** The definition exactly as saved. */
  definition: string;
  createdAt: string;
  updatedAt: string;
}

export type DashboardSummary = Omit<StoredDashboard, 'definition'>;

export interface DashboardListQuery {
  /** Words the title must contain (case-insensitive, as written: no wildcards). */
  search?: string;
  /** A tag the dashboard must have. */
  tag?: string;
  /** Only this dashboard (a way to ask whether it exists). */
  uid?: string;
  limit?: number;
  offset?: number;
}

/** What a save stores besides the definition: the title and tags to search by. */
export interface DashboardFields {
  title: string;
  tags: readonly string[];
  definition: string;
}

/** A save refused: someone saved `current` after the version this save started from. */
export interface SaveConflict {
  conflict: true;
  current: number;
}

/** A datasource as stored: its definition without credentials, and the credentials sealed apart. */
export interface StoredDatasource {
  id: string;
  name: string;
  isDefault: boolean;
  version: number;
  /** The datasource definition's JSON (no credentials in it). */
  definition: string;
  /** The sealed credentials (see secrets.ts), or null. Never leaves the server. */
  secret: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DatasourceFields {
  name: string;
  definition: string;
  /** Sealed credentials; null removes them; undefined (on save) keeps what is stored. */
  secret?: string | null;
}

/** A saved panel of the library, reusable across dashboards. */
export interface StoredLibraryPanel {
  uid: string;
  title: string;
  version: number;
  /** The panel definition's JSON, exactly as saved. */
  definition: string;
  createdAt: string;
  updatedAt: string;
}

export interface DashboardStore {
  list(query?: DashboardListQuery): Promise<DashboardSummary[]>;
  get(uid: string): Promise<StoredDashboard | undefined>;
  /** Stores a new dashboard at version 1; false when the uid is taken. */
  create(uid: string, fields: DashboardFields): Promise<StoredDashboard | false>;
  /** Stores the next version if `basedOn` is the current one; undefined when there is no such dashboard. */
  save(uid: string, basedOn: number, fields: DashboardFields): Promise<StoredDashboard | SaveConflict | undefined>;
  /** False when there was none. */
  remove(uid: string): Promise<boolean>;
  versions(uid: string): Promise<{ version: number; savedAt: string }[] | undefined>;
  listDatasources(): Promise<StoredDatasource[]>;
  getDatasource(id: string): Promise<StoredDatasource | undefined>;
  /** `'id-taken'` or `'name-taken'` when another datasource has it. */
  createDatasource(id: string, fields: DatasourceFields): Promise<StoredDatasource | 'id-taken' | 'name-taken'>;
  /** Undefined when there is no such datasource. */
  saveDatasource(id: string, fields: DatasourceFields): Promise<StoredDatasource | 'name-taken' | undefined>;
  removeDatasource(id: string): Promise<boolean>;
  /** Makes it the only default; false when there is no such datasource. */
  setDefaultDatasource(id: string): Promise<boolean>;
  /** The saved panels with `search` in their title, definitions included (a library is shown with previews). */
  listLibraryPanels(query?: { search?: string }): Promise<StoredLibraryPanel[]>;
  getLibraryPanel(uid: string): Promise<StoredLibraryPanel | undefined>;
  /** False when the uid is taken. */
  createLibraryPanel(uid: string, fields: { title: string; definition: string }): Promise<StoredLibraryPanel | false>;
  /** The next version if `basedOn` is the current one; undefined when there is none. */
  saveLibraryPanel(uid: string, basedOn: number, fields: { title: string; definition: string }): Promise<StoredLibraryPanel | SaveConflict | undefined>;
  removeLibraryPanel(uid: string): Promise<boolean>;
  version(uid: string, version: number): Promise<{ version: number; savedAt: string; definition: string } | undefined>;
  close(): Promise<void>;
}

interface Row {
  uid: string;
  title: string;
  tags: string[];
  version: number;
  definition?: string;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (t: Date | string) => (t instanceof Date ? t : new Date(t)).toISOString();
const COLUMNS = 'uid, title, tags, version, created_at, updated_at';

function summary(row: Row): DashboardSummary {
  return { uid: row.uid, title: row.title, tags: row.tags, version: row.version, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
}

function stored(row: Row): StoredDashboard {
  return { ...summary(row), definition: row.definition! };
}

/** PostgreSQL text holds no NUL character: the searchable copies leave them out (the definition keeps them, escaped in its JSON). */
const searchable = (text: string) => text.replaceAll('\u0000', '');

/** The store over an open SQL connection; migrates it first. */
export async function sqlDashboardStore(db: SqlClient): Promise<DashboardStore> {
  await migrate(db);
  return {
    async list(query = {}) {
      const limit = Math.min(Math.max(Math.trunc(query.limit ?? 100), 1), 1000);
      const offset = Math.max(Math.trunc(query.offset ?? 0), 0);
      const { rows } = await db.query<Row>(
        `SELECT ${COLUMNS} FROM promkit_dashboards
         WHERE ($1::text IS NULL OR strpos(lower(title), lower($1::text)) > 0)
           AND ($2::text IS NULL OR $2::text = ANY (tags))
           AND ($5::text IS NULL OR uid = $5::text)
         ORDER BY lower(title), uid LIMIT $3 OFFSET $4`,
        [query.search ? searchable(query.search) : null, query.tag ? searchable(query.tag) : null, limit, offset, query.uid ?? null],
      );
      return rows.map(summary);
    },
    async get(uid) {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS}, definition FROM promkit_dashboards WHERE uid = $1`, [uid]);
      return rows[0] && stored(rows[0]);
    },
    create(uid, fields) {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<Row>(
          `INSERT INTO promkit_dashboards (uid, title, tags, version, definition) VALUES ($1, $2, $3, 1, $4)
           ON CONFLICT (uid) DO NOTHING RETURNING ${COLUMNS}, definition`,
          [uid, searchable(fields.title), fields.tags.map(searchable), fields.definition],
        );
        if (!rows[0]) return false;
        await tx.query('INSERT INTO promkit_dashboard_versions (uid, version, definition) VALUES ($1, 1, $2)', [uid, fields.definition]);
        return stored(rows[0]);
      });
    },
    save(uid, basedOn, fields) {
      return db.transaction(async (tx) => {
        // Only from the version it was based on: the row lock makes a concurrent save wait, then miss.
        const { rows } = await tx.query<Row>(
          `UPDATE promkit_dashboards SET title = $3, tags = $4, definition = $5, version = version + 1, updated_at = now()
           WHERE uid = $1 AND version = $2 RETURNING ${COLUMNS}, definition`,
          [uid, basedOn, searchable(fields.title), fields.tags.map(searchable), fields.definition],
        );
        if (rows[0]) {
          await tx.query('INSERT INTO promkit_dashboard_versions (uid, version, definition) VALUES ($1, $2, $3)', [uid, rows[0].version, fields.definition]);
          return stored(rows[0]);
        }
        const current = await tx.query<{ version: number }>('SELECT version FROM promkit_dashboards WHERE uid = $1', [uid]);
        return current.rows[0] ? { conflict: true as const, current: current.rows[0].version } : undefined;
      });
    },
    async remove(uid) {
      const { rows } = await db.query('DELETE FROM promkit_dashboards WHERE uid = $1 RETURNING uid', [uid]);
      return rows.length > 0;
    },
    async versions(uid) {
      const exists = await db.query('SELECT 1 FROM promkit_dashboards WHERE uid = $1', [uid]);
      if (!exists.rows.length) return undefined;
      const { rows } = await db.query<{ version: number; saved_at: Date | string }>('SELECT version, saved_at FROM promkit_dashboard_versions WHERE uid = $1 ORDER BY version DESC', [uid]);
      return rows.map((r) => ({ version: r.version, savedAt: iso(r.saved_at) }));
    },
    async version(uid, version) {
      const { rows } = await db.query<{ version: number; saved_at: Date | string; definition: string }>(
        'SELECT version, saved_at, definition FROM promkit_dashboard_versions WHERE uid = $1 AND version = $2',
        [uid, version],
      );
      return rows[0] && { version: rows[0].version, savedAt: iso(rows[0].saved_at), definition: rows[0].definition };
    },
    async listDatasources() {
      const { rows } = await db.query<DatasourceRow>(`SELECT ${DS_COLUMNS} FROM promkit_datasources ORDER BY lower(name), id`);
      return rows.map(datasource);
    },
    async getDatasource(id) {
      const { rows } = await db.query<DatasourceRow>(`SELECT ${DS_COLUMNS} FROM promkit_datasources WHERE id = $1`, [id]);
      return rows[0] && datasource(rows[0]);
    },
    createDatasource(id, fields) {
      return db.transaction(async (tx) => {
        const taken = await tx.query<{ id: string; name: string }>('SELECT id, name FROM promkit_datasources WHERE id = $1 OR name = $2', [id, fields.name]);
        if (taken.rows.some((r) => r.id === id)) return 'id-taken' as const;
        if (taken.rows.length) return 'name-taken' as const;
        const { rows } = await tx.query<DatasourceRow>(
          `INSERT INTO promkit_datasources (id, name, definition, secret) VALUES ($1, $2, $3, $4) RETURNING ${DS_COLUMNS}`,
          [id, fields.name, fields.definition, fields.secret ?? null],
        );
        return datasource(rows[0]!);
      });
    },
    saveDatasource(id, fields) {
      return db.transaction(async (tx) => {
        const taken = await tx.query('SELECT 1 FROM promkit_datasources WHERE name = $1 AND id <> $2', [fields.name, id]);
        if (taken.rows.length) return 'name-taken' as const;
        const keep = fields.secret === undefined;
        const { rows } = await tx.query<DatasourceRow>(
          `UPDATE promkit_datasources SET name = $2, definition = $3, secret = CASE WHEN $4::boolean THEN secret ELSE $5::text END, version = version + 1, updated_at = now()
           WHERE id = $1 RETURNING ${DS_COLUMNS}`,
          [id, fields.name, fields.definition, keep, keep ? null : fields.secret],
        );
        return rows[0] && datasource(rows[0]);
      });
    },
    async removeDatasource(id) {
      const { rows } = await db.query('DELETE FROM promkit_datasources WHERE id = $1 RETURNING id', [id]);
      return rows.length > 0;
    },
    setDefaultDatasource(id) {
      return db.transaction(async (tx) => {
        const exists = await tx.query('SELECT 1 FROM promkit_datasources WHERE id = $1', [id]);
        if (!exists.rows.length) return false;
        await tx.query('UPDATE promkit_datasources SET is_default = false WHERE is_default AND id <> $1', [id]);
        await tx.query('UPDATE promkit_datasources SET is_default = true, updated_at = now() WHERE id = $1', [id]);
        return true;
      });
    },
    async listLibraryPanels(query = {}) {
      const { rows } = await db.query<PanelRow>(
        `SELECT ${PANEL_COLUMNS} FROM promkit_library_panels WHERE ($1::text IS NULL OR strpos(lower(title), lower($1::text)) > 0) ORDER BY lower(title), uid`,
        [query.search ? searchable(query.search) : null],
      );
      return rows.map(libraryPanel);
    },
    async getLibraryPanel(uid) {
      const { rows } = await db.query<PanelRow>(`SELECT ${PANEL_COLUMNS} FROM promkit_library_panels WHERE uid = $1`, [uid]);
      return rows[0] && libraryPanel(rows[0]);
    },
    async createLibraryPanel(uid, fields) {
      const { rows } = await db.query<PanelRow>(
        `INSERT INTO promkit_library_panels (uid, title, definition) VALUES ($1, $2, $3) ON CONFLICT (uid) DO NOTHING RETURNING ${PANEL_COLUMNS}`,
        [uid, searchable(fields.title), fields.definition],
      );
      return rows[0] ? libraryPanel(rows[0]) : false;
    },
    saveLibraryPanel(uid, basedOn, fields) {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<PanelRow>(
          `UPDATE promkit_library_panels SET title = $3, definition = $4, version = version + 1, updated_at = now() WHERE uid = $1 AND version = $2 RETURNING ${PANEL_COLUMNS}`,
          [uid, basedOn, searchable(fields.title), fields.definition],
        );
        if (rows[0]) return libraryPanel(rows[0]);
        const current = await tx.query<{ version: number }>('SELECT version FROM promkit_library_panels WHERE uid = $1', [uid]);
        return current.rows[0] ? { conflict: true as const, current: current.rows[0].version } : undefined;
      });
    },
    async removeLibraryPanel(uid) {
      const { rows } = await db.query('DELETE FROM promkit_library_panels WHERE uid = $1 RETURNING uid', [uid]);
      return rows.length > 0;
    },
    close: () => db.close(),
  };
}

interface PanelRow {
  uid: string;
  title: string;
  version: number;
  definition: string;
  created_at: Date | string;
  updated_at: Date | string;
}

const PANEL_COLUMNS = 'uid, title, version, definition, created_at, updated_at';

function libraryPanel(row: PanelRow): StoredLibraryPanel {
  return { uid: row.uid, title: row.title, version: row.version, definition: row.definition, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
}

interface DatasourceRow {
  id: string;
  name: string;
  is_default: boolean;
  version: number;
  definition: string;
  secret: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const DS_COLUMNS = 'id, name, is_default, version, definition, secret, created_at, updated_at';

function datasource(row: DatasourceRow): StoredDatasource {
  return { id: row.id, name: row.name, isDefault: row.is_default, version: row.version, definition: row.definition, secret: row.secret, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
}

/** The embedded default: PGlite in this process, in memory or in `dataDir` (kept across restarts). */
export async function pgliteDashboardStore(options: { dataDir?: string } = {}): Promise<DashboardStore> {
  return sqlDashboardStore(await pgliteClient(options));
}

/** A PostgreSQL server: for several processes, or data that outgrows one. */
export async function postgresDashboardStore(options: { connectionString?: string; max?: number } = {}): Promise<DashboardStore> {
  return sqlDashboardStore(await postgresClient(options));
}
