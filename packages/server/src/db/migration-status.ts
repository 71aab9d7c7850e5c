import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { MIGRATIONS_FOLDER } from './run-migrations.js';

/** A migration this build ships: its drizzle-kit tag, and when it was generated (what drizzle records). */
export interface ShippedMigration {
  readonly tag: string;
  readonly createdAt: number;
}

// Read once per folder: a build's journal never changes, and readiness is probed every few seconds.
const shippedByFolder = new Map<string, readonly ShippedMigration[]>();

/** This build's migrations, oldest first, from drizzle-kit's journal. */
export function shippedMigrations(migrationsFolder: string = MIGRATIONS_FOLDER): readonly ShippedMigration[] {
  let shipped = shippedByFolder.get(migrationsFolder);
  if (shipped === undefined) {
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      readonly entries: readonly { readonly tag: string; readonly when: number }[];
    };
    shipped = journal.entries.map((entry) => ({ tag: entry.tag, createdAt: entry.when }));
    shippedByFolder.set(migrationsFolder, shipped);
  }
  return shipped;
}

/** The instants drizzle recorded for the migrations applied to this database, oldest first. */
export async function appliedMigrations(db: Database): Promise<number[]> {
  const table = await db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  const [row] = (table as unknown as { rows: { present: boolean }[] }).rows;
  if (row?.present !== true) return [];
  const applied = await db.execute(
    sql`select created_at::text as created_at from drizzle.__drizzle_migrations order by created_at`,
  );
  return (applied as unknown as { rows: { created_at: string }[] }).rows.map((entry) =>
    Number(entry.created_at),
  );
}

/**
 * How many of this build's migrations the database lacks (all of them when none ran yet). Readiness
 * depends on it: code that expects a column the database does not have fails on every request.
 */
export async function countPendingMigrations(
  db: Database,
  migrationsFolder: string = MIGRATIONS_FOLDER,
): Promise<number> {
  const done = new Set(await appliedMigrations(db));
  return shippedMigrations(migrationsFolder).filter((migration) => !done.has(migration.createdAt)).length;
}
