import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePostgres, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite, type PgliteDatabase } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.js';

/** `DATA_DIR` value that keeps PGlite in memory (tests, throw-away demos). */
export const IN_MEMORY = ':memory:';

export interface OpenDatabaseOptions {
  /** When set, a PostgreSQL server (node-postgres pool); otherwise embedded PGlite. */
  readonly databaseUrl?: string | undefined;
  /** PGlite keeps its files in `<dataDir>/pgdata`; `:memory:` keeps nothing. */
  readonly dataDir: string;
  /** Connections in the pool (PostgreSQL only; default 10). */
  readonly poolSize?: number;
  /**
   * Called when an idle pooled connection fails (server restart, network). The pool drops the
   * connection and the next query opens another; without a listener Node would crash the process.
   */
  readonly onPoolError?: (error: Error) => void;
}

interface Closable {
  /** Ends the pool or shuts PGlite down; call once, at exit. */
  close(): Promise<void>;
}

export interface PgliteHandle extends Closable {
  readonly kind: 'pglite';
  readonly db: PgliteDatabase;
  readonly client: PGlite;
}

export interface PostgresHandle extends Closable {
  readonly kind: 'postgres';
  readonly db: NodePgDatabase;
  readonly pool: pg.Pool;
}

/** An open database: `db` works with every repository whichever `kind` it is. */
export type DatabaseHandle = PgliteHandle | PostgresHandle;

/**
 * Opens the configured database: PostgreSQL when `databaseUrl` is set, otherwise PGlite in the data
 * folder. PGlite is one process's embedded database: never point two running servers at one folder.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', options.onPoolError ?? (() => {}));
    // Fail at start, with the server's own message, rather than on the first request.
    const probe = await pool.connect();
    probe.release();
    return {
      kind: 'postgres',
      db: drizzlePostgres({ client: pool }),
      pool,
      close: () => pool.end(),
    };
  }
  let client: PGlite;
  if (options.dataDir === IN_MEMORY) {
    client = await PGlite.create();
  } else {
    const folder = join(options.dataDir, 'pgdata');
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const release = acquireDataDirLock(join(options.dataDir, 'pgdata.lock'));
    try {
      client = await PGlite.create(folder);
    } catch (error) {
      release();
      throw error;
    }
    return {
      kind: 'pglite',
      db: drizzlePglite({ client }),
      client,
      close: async () => {
        await client.close();
        release();
      },
    };
  }
  return {
    kind: 'pglite',
    db: drizzlePglite({ client }),
    client,
    close: () => client.close(),
  };
}
