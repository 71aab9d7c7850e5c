import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DatabaseHandle } from './open-database.js';

/** The committed SQL written by drizzle-kit; resolved from this file so it works from any working directory. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

// Any fixed number: every microcred process takes the same lock, so only one migrates at a time.
const MIGRATION_LOCK = 7_283_401_126;

/**
 * Brings the schema up to date; applied migrations are recorded in `drizzle.__drizzle_migrations`, so
 * running it again does nothing. On PostgreSQL several nodes may start at once: a session advisory lock
 * makes them migrate one after another instead of racing on the same DDL. `migrationsFolder` lets a test
 * stop at an older schema.
 */
export async function runMigrations(
  database: DatabaseHandle,
  options: { readonly migrationsFolder?: string } = {},
): Promise<void> {
  const migrationsFolder = options.migrationsFolder ?? MIGRATIONS_FOLDER;
  if (database.kind === 'pglite') {
    await migratePglite(database.db, { migrationsFolder });
    return;
  }
  const connection = await database.pool.connect();
  try {
    await connection.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      // The migrator must run on the connection holding the lock, not on any connection of the pool.
      await migratePostgres(drizzlePostgres({ client: connection }), { migrationsFolder });
    } finally {
      await connection.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    connection.release();
  }
}
