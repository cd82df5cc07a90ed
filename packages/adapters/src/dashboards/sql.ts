/**
 * The little of SQL the dashboard store needs — parameterised queries and transactions — over
 * two real PostgreSQLs: PGlite in the process (nothing to install; memory or a data directory)
 * and a PostgreSQL server through `pg`. Both are optional peers, loaded when first used.
 */

/** A parameterised query: `$1`, `$2` … in `text`, values in `params`; never string-built. */
export interface SqlQueryable {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

/** A connection the store owns: queries, transactions and closing. */
export interface SqlClient extends SqlQueryable {
  /** Runs `body` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(body: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A missing optional peer, named with the command that installs it. */
async function load<T>(name: string, what: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      throw new Error(`${what} needs the package ${name}: npm install ${name}`);
    }
    throw error;
  }
}

/** PGlite (PostgreSQL compiled to WebAssembly) in this process: in memory, or kept in `dataDir`. */
export async function pgliteClient(options: { dataDir?: string } = {}): Promise<SqlClient> {
  const { PGlite } = await load<typeof import('@electric-sql/pglite')>('@electric-sql/pglite', 'The embedded dashboard store');
  const db = new PGlite(options.dataDir);
  await db.waitReady;
  return {
    query: async <Row>(text: string, params: unknown[] = []) => ({ rows: (await db.query<Row>(text, params)).rows }),
    transaction: (body) => db.transaction((tx) => body({ query: async <Row>(text: string, params: unknown[] = []) => ({ rows: (await tx.query<Row>(text, params)).rows }) })),
    close: () => db.close(),
  };
}

/** A PostgreSQL server through a `pg` pool (`connectionString`, or the usual PG* environment). */
export async function postgresClient(options: { connectionString?: string; max?: number } = {}): Promise<SqlClient> {
  const pg = await load<typeof import('pg')>('pg', 'The PostgreSQL dashboard store');
  const Pool = pg.Pool ?? (pg as unknown as { default: typeof import('pg') }).default.Pool;
  const pool = new Pool({ ...(options.connectionString ? { connectionString: options.connectionString } : {}), max: options.max ?? 10 });
  const queryOn = (runner: { query: (text: string, params: unknown[]) => Promise<{ rows: unknown[] }> }): SqlQueryable => ({
    query: async <Row>(text: string, params: unknown[] = []) => ({ rows: (await runner.query(text, params)).rows as Row[] }),
  });
  return {
    ...queryOn(pool),
    async transaction(body) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await body(queryOn(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}
