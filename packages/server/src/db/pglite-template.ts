import { writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_FOLDER } from './run-migrations.js';

/**
 * Names the migrated, empty PGlite data directory (a tarball) the test run's global setup leaves for
 * every test database to start from: loading it takes a third of the time of a fresh PGlite plus every
 * migration, for each of the ~100 test databases of a run. Migrations still run after loading, so a
 * stale template costs time, never correctness.
 */
export const PGLITE_TEMPLATE_ENV = 'MICROCRED_TEST_PGLITE_TEMPLATE';

/**
 * Writes that template to `path`. Reads nothing else of the server: Vitest's global setup runs outside
 * the workers' module resolution, where the workspace packages' source condition does not apply.
 */
export async function writePgliteTemplate(path: string): Promise<void> {
  const client = await PGlite.create();
  try {
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    const dump = await client.dumpDataDir('none');
    await writeFile(path, new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
}
