import { existsSync, readFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { locateStorage, type MasterKeyLocation, type StorageLocation } from '../../config.js';
import { backUpEmbeddedDatabase } from '../../db/backup/index.js';
import { UsageError } from '../cli-io.js';

type Io = { stdout: (text: string) => void; stderr: (text: string) => void };
type Env = Readonly<Record<string, string | undefined>>;

/**
 * `microcred backup --out FILE`: the embedded database, snapshotted while no server runs on it, into one
 * file (mode 0600: it holds personal data) with a manifest and a checksum. Never the master key.
 */
export async function backup(
  options: { readonly out: string },
  io: Io,
  env: Env = process.env,
): Promise<number> {
  const location = embeddedLocation(env, 'backup');
  const out = resolve(options.out);
  if (existsSync(out))
    throw new UsageError(`${out} exists already: choose another file name (a backup is never overwritten)`);
  const { file, manifest } = await backUpEmbeddedDatabase({
    dataDir: location.dataDir,
    microcredVersion: microcredVersion(),
    now: () => new Date(),
  });
  // Written beside, flushed to the disk, then renamed: an interrupted backup, or a crash just after it,
  // never leaves a file named like a good one.
  const partial = `${out}.partial-${process.pid}`;
  try {
    const handle = await open(partial, 'wx', 0o600);
    try {
      await handle.writeFile(file);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const level = manifest.migrations.latestTag ?? `${manifest.migrations.applied} migrations`;
  io.stdout(
    `backed up the embedded database of ${location.dataDir} to ${out}\n` +
      `  ${formatBytes(file.byteLength)}, migration level ${level}, made by microcred ${manifest.microcredVersion}\n` +
      `${masterKeyReminder(location.masterKey)}\n`,
  );
  return 0;
}

/** The configured data folder, when it holds an embedded database a command can back up or restore. */
export function embeddedLocation(env: Env, command: 'backup' | 'restore'): StorageLocation {
  const location = locateStorage(env);
  if (location.databaseUrl !== undefined) {
    const tool = command === 'backup' ? 'pg_dump --format=custom' : 'pg_restore';
    throw new UsageError(
      `DATABASE_URL is set: microcred ${command} handles the embedded database only; use ${tool} for a PostgreSQL server (README, "Backups")`,
    );
  }
  if (location.dataDir === ':memory:') {
    throw new UsageError(`DATA_DIR is :memory:: an in-memory database has nothing to ${command}`);
  }
  return location;
}

/** Where the master key is, and why the operator must keep it themselves. */
export function masterKeyReminder(masterKey: MasterKeyLocation): string {
  const where =
    masterKey.source === 'environment'
      ? 'it is the MASTER_KEY environment variable'
      : masterKey.source === 'file' && masterKey.present
        ? `it is in ${masterKey.file}`
        : 'none was found (MASTER_KEY is not set, and there is no master.key in DATA_DIR): find the one the database was used with';
  return (
    `The master key is NOT in the backup, by design: ${where}. Keep a copy of it apart from the backups ` +
    '(a secret manager): without it, a restored platform cannot sign, and anyone holding a backup and the key ' +
    'together could sign as every issuer.'
  );
}

function microcredVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    readonly version?: string;
  };
  return manifest.version ?? 'unknown';
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
