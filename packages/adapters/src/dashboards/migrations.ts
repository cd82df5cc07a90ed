/**
 * The store's schema as numbered migrations, applied in order on open, each once, in a
 * transaction; `promkit_schema` remembers how far a database is. A database from a newer promkit
 * (a higher number than these) is refused rather than written with an older idea of the tables.
 */
import type { SqlClient } from './sql.js';

export const MIGRATIONS: readonly { version: number; name: string; sql: string[] }[] = [
  {
    version: 1,
    name: 'dashboards and their versions',
    sql: [
      `CREATE TABLE promkit_dashboards (
        uid text PRIMARY KEY,
        title text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL,
        definition text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE promkit_dashboard_versions (
        uid text NOT NULL REFERENCES promkit_dashboards (uid) ON DELETE CASCADE,
        version integer NOT NULL,
        definition text NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (uid, version)
      )`,
    ],
  },
  {
    version: 2,
    name: 'datasources with sealed credentials',
    sql: [
      `CREATE TABLE promkit_datasources (
        id text PRIMARY KEY,
        name text NOT NULL UNIQUE,
        definition text NOT NULL,
        secret text,
        is_default boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      'CREATE UNIQUE INDEX promkit_one_default_datasource ON promkit_datasources (is_default) WHERE is_default',
    ],
  },
  {
    version: 3,
    name: 'saved panels',
    sql: [
      `CREATE TABLE promkit_library_panels (
        uid text PRIMARY KEY,
        title text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        definition text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
    ],
  },
];

/** Brings the database up to the newest migration; returns the version it is at. */
export async function migrate(db: SqlClient): Promise<number> {
  await db.query('CREATE TABLE IF NOT EXISTS promkit_schema (version integer NOT NULL, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const newest = MIGRATIONS.at(-1)!.version;
  return db.transaction(async (tx) => {
    // One migrator at a time, across processes sharing a server.
    await tx.query('LOCK TABLE promkit_schema IN EXCLUSIVE MODE');
    const { rows } = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM promkit_schema');
    const at = rows[0]?.version ?? 0;
    if (at > newest) throw new Error(`This database's promkit schema is at version ${at}, newer than this promkit knows (${newest}): upgrade @promkit/adapters.`);
    for (const m of MIGRATIONS.filter((m) => m.version > at)) {
      for (const statement of m.sql) await tx.query(statement);
      await tx.query('INSERT INTO promkit_schema (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    return newest;
  });
}
