import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import { appliedMigrations, shippedMigrations } from '../migration-status.js';
import { MIGRATIONS_FOLDER, runMigrations } from '../run-migrations.js';
import type { BackupFile, BackupManifest } from './backup-file.js';
import { embeddedDatabasePaths, takeDataFolder } from './take-data-folder.js';

export interface RestoreOutcome {
  readonly manifest: BackupManifest;
  /** Where the database that was replaced now lies (`force`), or null when the folder held none. */
  readonly replacedMovedTo: string | null;
  /** The tags of the migrations applied after loading: a backup made by an older microcred. */
  readonly migrated: readonly string[];
}

/**
 * Restores a checked backup (`decodeBackupFile`) as the embedded database of `dataDir`. The backup is
 * loaded and migrated in a folder of its own first; only once that succeeded does it take the place of
 * `pgdata`, so a backup that does not load leaves the data folder as it was. A folder that already holds
 * a database is refused unless `force`, and then that database is moved aside, never deleted. Files
 * beside the database (`master.key`) are left where they are.
 */
export async function restoreEmbeddedDatabase(options: {
  readonly dataDir: string;
  readonly backup: BackupFile;
  readonly force: boolean;
  readonly now: () => Date;
  readonly migrationsFolder?: string;
}): Promise<RestoreOutcome> {
  const { manifest, payload } = options.backup;
  const migrationsFolder = options.migrationsFolder ?? MIGRATIONS_FOLDER;
  refuseNewerLevel(manifest, migrationsFolder);
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const release = takeDataFolder(options.dataDir, 'restoring');
  try {
    const { pgdata } = embeddedDatabasePaths(options.dataDir);
    const existing = existsSync(pgdata) && readdirSync(pgdata).length > 0;
    const stamp = `${options.now().toISOString().replaceAll(':', '-')}-${randomBytes(3).toString('hex')}`;
    const aside = join(options.dataDir, `pgdata.replaced-${stamp}`);
    if (existing && !options.force) {
      throw new ServerError(
        ServerErrorCode.CONFLICT,
        `${pgdata} holds a database already: restore into a data folder without one, or pass --force to replace it (it is then moved to ${aside}, not deleted)`,
      );
    }
    const staging = join(options.dataDir, `pgdata.restoring-${stamp}`);
    let migrated: string[];
    try {
      migrated = await loadAndMigrate({ staging, payload, manifest, migrationsFolder });
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    if (existing) await rename(pgdata, aside);
    else if (existsSync(pgdata)) await rmdir(pgdata);
    try {
      await rename(staging, pgdata);
    } catch (error) {
      if (existing) await rename(aside, pgdata);
      throw error;
    }
    return { manifest, replacedMovedTo: existing ? aside : null, migrated };
  } finally {
    release();
  }
}

/** A database from a newer microcred has tables and columns this one does not know: refused, not loaded. */
function refuseNewerLevel(manifest: BackupManifest, migrationsFolder: string): void {
  const shipped = shippedMigrations(migrationsFolder);
  const latest = manifest.migrations.latestCreatedAt;
  const known = latest === null || shipped.some((migration) => migration.createdAt === latest);
  if (known && manifest.migrations.applied <= shipped.length) return;
  throw new ServerError(
    ServerErrorCode.CONFLICT,
    `the backup was made by microcred ${manifest.microcredVersion} at migration ${manifest.migrations.latestTag ?? String(latest)}, which this version of microcred does not have: restore it with that version or a newer one`,
  );
}

async function loadAndMigrate(options: {
  readonly staging: string;
  readonly payload: Uint8Array;
  readonly manifest: BackupManifest;
  readonly migrationsFolder: string;
}): Promise<string[]> {
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: options.staging,
      loadDataDir: new Blob([Buffer.from(options.payload)]),
    });
  } catch (cause) {
    const { database } = options.manifest;
    throw new ServerError(
      ServerErrorCode.VALIDATION_ERROR,
      `not restorable: the backup's database (PostgreSQL ${database.postgresVersion}, PGlite ${database.pgliteVersion}) does not open here: ${(cause as Error).message}`,
      { cause },
    );
  }
  try {
    const db = drizzle({ client });
    const before = new Set(await appliedMigrations(db));
    await runMigrations(
      { kind: 'pglite', db, client, close: () => client.close() },
      { migrationsFolder: options.migrationsFolder },
    );
    return shippedMigrations(options.migrationsFolder)
      .filter((migration) => !before.has(migration.createdAt))
      .map((migration) => migration.tag);
  } finally {
    await client.close();
  }
}
