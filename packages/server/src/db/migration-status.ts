import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { MIGRATIONS_FOLDER } from './run-migrations.js';

// Read once per folder: a build's journal never changes, and readiness is probed every few seconds.
const shippedByFolder = new Map<string, readonly number[]>();

/** When each migration this build ships was generated: drizzle records that instant for each one it applies. */
function shippedMigrations(migrationsFolder: string): readonly number[] {
  let shipped = shippedByFolder.get(migrationsFolder);
  if (shipped === undefined) {
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      readonly entries: readonly { readonly when: number }[];
    };
    shipped = journal.entries.map((entry) => entry.when);
    shippedByFolder.set(migrationsFolder, shipped);
  }
  return shipped;
}

/**
 * How many of this build's migrations the database lacks (all of them when none ran yet). Readiness
 * depends on it: code that expects a column the database does not have fails on every request.
 */
export async function countPendingMigrations(
  db: Database,
  migrationsFolder: string = MIGRATIONS_FOLDER,
): Promise<number> {
  const shipped = shippedMigrations(migrationsFolder);
  const table = await db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  const [row] = (table as unknown as { rows: { present: boolean }[] }).rows;
  if (row?.present !== true) return shipped.length;
  const applied = await db.execute(
    sql`select created_at::text as created_at from drizzle.__drizzle_migrations`,
  );
  const done = new Set(
    (applied as unknown as { rows: { created_at: string }[] }).rows.map((entry) => Number(entry.created_at)),
  );
  return shipped.filter((when) => !done.has(when)).length;
}
