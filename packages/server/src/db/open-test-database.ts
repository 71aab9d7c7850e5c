import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import pg from 'pg';
import { type DatabaseHandle, IN_MEMORY, openDatabase } from './open-database.js';
import { PGLITE_TEMPLATE_ENV } from './pglite-template.js';
import { runMigrations } from './run-migrations.js';

export type TestDriver = DatabaseHandle['kind'];

const PREFIX = 'microcred_test_';
// A database left behind by a run that was killed is dropped by a later run once it is this old.
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

/**
 * The drivers a storage test runs on: PGlite always, PostgreSQL too when `TEST_DATABASE_URL` is set.
 * `TEST_DRIVERS=postgres` narrows it (CI's second pass, after the PGlite pass has already run).
 */
export function testDrivers(env: Readonly<Record<string, string | undefined>> = process.env): TestDriver[] {
  const available: TestDriver[] = env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  const wanted = env.TEST_DRIVERS?.split(',').map((driver) => driver.trim());
  if (wanted === undefined || wanted.length === 0 || wanted[0] === '') return available;
  const chosen = available.filter((driver) => wanted.includes(driver));
  if (chosen.length === 0)
    throw new Error(`TEST_DRIVERS=${env.TEST_DRIVERS} names no available driver (${available.join(', ')})`);
  return chosen;
}

/**
 * A migrated, empty database of its own for one test file: PGlite in memory, or a fresh database created
 * on the `TEST_DATABASE_URL` server and dropped by `close()`. A database per run (rather than a schema)
 * because drizzle-kit's SQL names `"public"` in its foreign keys and the migrator keeps its journal in a
 * fixed `drizzle` schema; a whole database isolates concurrent runs exactly as production runs.
 */
export async function openTestDatabase(options: {
  readonly driver: TestDriver;
  readonly migrate?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
}): Promise<DatabaseHandle> {
  const env = options.env ?? process.env;
  const migrate = options.migrate ?? true;
  const template = env[PGLITE_TEMPLATE_ENV];
  const database =
    options.driver === 'postgres'
      ? await createServerDatabase(env)
      : migrate && template !== undefined && template !== ''
        ? await openPgliteFrom(template)
        : await openDatabase({ dataDir: IN_MEMORY });
  if (migrate) await runMigrations(database);
  return database;
}

async function openPgliteFrom(templatePath: string): Promise<DatabaseHandle> {
  const client = await PGlite.create({ loadDataDir: new Blob([await readFile(templatePath)]) });
  return { kind: 'pglite', db: drizzle({ client }), client, close: () => client.close() };
}

async function createServerDatabase(
  env: Readonly<Record<string, string | undefined>>,
): Promise<DatabaseHandle> {
  const serverUrl = env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `${PREFIX}${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, async (admin) => {
    await dropStaleDatabases(admin);
    await admin.query(`create database ${name}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: IN_MEMORY, poolSize: 20 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdmin(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function dropStaleDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    'select datname from pg_database where datname like $1',
    [`${PREFIX}%`],
  );
  for (const { datname } of rows) {
    const createdAt = Number(/^microcred_test_(\d+)_[0-9a-f]+$/.exec(datname)?.[1]);
    if (Number.isFinite(createdAt) && Date.now() - createdAt > STALE_AFTER_MS) {
      await admin.query(`drop database if exists ${datname} with (force)`);
    }
  }
}

async function withAdmin<T>(url: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
