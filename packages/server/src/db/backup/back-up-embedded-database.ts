import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import { appliedMigrations, shippedMigrations } from '../migration-status.js';
import { type BackupManifest, encodeBackupFile } from './backup-file.js';
import { embeddedDatabasePaths, takeDataFolder } from './take-data-folder.js';

export interface EmbeddedBackup {
  /** The backup file's bytes: header, manifest, payload. */
  readonly file: Uint8Array;
  readonly manifest: Omit<BackupManifest, 'payload' | 'formatVersion'>;
}

/**
 * Snapshots the embedded database of `dataDir` into a backup file, holding the data folder's lock
 * throughout so that no server writes meanwhile (a running one makes it refuse). The database is read as
 * it is: no migration runs, nothing is written to it but PostgreSQL's own checkpoint. Only the database:
 * the master key beside it (`master.key`) and the development mail outbox are never in the file.
 */
export async function backUpEmbeddedDatabase(options: {
  readonly dataDir: string;
  readonly microcredVersion: string;
  readonly now: () => Date;
}): Promise<EmbeddedBackup> {
  const { pgdata } = embeddedDatabasePaths(options.dataDir);
  // Without this check PGlite would create an empty database there, and back that up.
  if (!existsSync(join(pgdata, 'PG_VERSION'))) {
    throw new ServerError(
      ServerErrorCode.NOT_FOUND,
      `there is no embedded database in ${options.dataDir} (no ${pgdata}); check DATA_DIR`,
    );
  }
  const release = takeDataFolder(options.dataDir, 'backing up');
  try {
    const client = await PGlite.create(pgdata);
    try {
      const db = drizzle({ client });
      const applied = await appliedMigrations(db);
      const latestCreatedAt = applied.at(-1) ?? null;
      const version = await client.query<{ version: string; server_version: string }>(
        'select version() as version, current_setting($1) as server_version',
        ['server_version'],
      );
      const described = version.rows[0]?.version ?? '';
      // Written out to the data files, so that loading the copy needs no recovery from the WAL.
      await client.exec('checkpoint');
      const dump = await client.dumpDataDir('gzip');
      const payload = new Uint8Array(await dump.arrayBuffer());
      const manifest = {
        microcredVersion: options.microcredVersion,
        createdAt: options.now().toISOString(),
        database: {
          engine: 'pglite' as const,
          pgliteVersion: /\(PGlite ([^)\s]+)\)/.exec(described)?.[1] ?? 'unknown',
          postgresVersion: version.rows[0]?.server_version ?? 'unknown',
        },
        migrations: {
          applied: applied.length,
          latestCreatedAt,
          latestTag:
            shippedMigrations().find((migration) => migration.createdAt === latestCreatedAt)?.tag ?? null,
        },
      };
      return { file: encodeBackupFile({ manifest, payload }), manifest };
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}
