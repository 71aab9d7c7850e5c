import { resolve } from 'node:path';
import type { MasterKeyLocation } from '../../config.js';
import { decodeBackupFile, restoreEmbeddedDatabase } from '../../db/backup/index.js';
import { describeError, readBytes } from '../cli-io.js';
import { withPlatform } from '../with-platform.js';
import { embeddedLocation } from './backup.js';

type Io = { stdout: (text: string) => void; stderr: (text: string) => void };
type Env = Readonly<Record<string, string | undefined>>;

/**
 * `microcred restore FILE [--force]`: checks the whole file first (a truncated, damaged or foreign one is
 * refused with the data folder untouched), restores it as the embedded database, migrates it when it is
 * from an older microcred, then tries the master key at hand on the restored sealed keys. Exit 1 when
 * that key does not open them: the data is back, but a server started so could not sign.
 */
export async function restore(
  file: string,
  options: { readonly force: boolean },
  io: Io,
  env: Env = process.env,
): Promise<number> {
  const location = embeddedLocation(env, 'restore');
  const path = resolve(file);
  const backup = decodeBackupFile(readBytes(path));
  const outcome = await restoreEmbeddedDatabase({
    dataDir: location.dataDir,
    backup,
    force: options.force,
    now: () => new Date(),
  });
  const { manifest } = outcome;
  io.stdout(
    `restored ${path} into ${location.dataDir}\n` +
      `  made ${manifest.createdAt} by microcred ${manifest.microcredVersion}, migration level ${manifest.migrations.latestTag ?? manifest.migrations.applied}\n` +
      (outcome.replacedMovedTo === null
        ? ''
        : `  the database it replaced was moved to ${outcome.replacedMovedTo} (delete it once the restore is checked)\n`) +
      (outcome.migrated.length === 0
        ? ''
        : `  migrated from the backup's level: ${outcome.migrated.join(', ')}\n`),
  );
  return checkMasterKey(location.masterKey, io, env);
}

async function checkMasterKey(masterKey: MasterKeyLocation, io: Io, env: Env): Promise<number> {
  const where = masterKey.source === 'file' ? masterKey.file : 'MASTER_KEY';
  if (masterKey.source === 'file' && !masterKey.present) {
    io.stdout(
      `No master key is here yet (MASTER_KEY is not set, no ${masterKey.file}): put the key this database was used with in ${masterKey.file} (mode 0600) or MASTER_KEY before starting the server. A server started without one generates a new key, which opens none of the restored signing keys.\n`,
    );
    return 0;
  }
  let check: { checked: number; unopened: readonly string[] };
  try {
    check = await withPlatform((platform) => platform.health.sealedKeys(), { env });
  } catch (error) {
    io.stderr(
      `microcred: the restore is done, but the master key could not be checked: ${describeError(error)}\n`,
    );
    return 1;
  }
  if (check.checked === 0) {
    io.stdout('The database holds no sealed signing keys yet: the master key is not needed to open any.\n');
    return 0;
  }
  if (check.unopened.length === 0) {
    io.stdout(`The master key (${where}) opens all ${check.checked} sealed signing keys.\n`);
    return 0;
  }
  io.stderr(
    `microcred: the restore is done, but the master key in ${where} does not open ${check.unopened.length} of the ${check.checked} sealed signing keys (${check.unopened.join(', ')}): it is not the key they were sealed with. Until the right key is in ${where}, issuing, status lists and log checkpoints cannot be signed.\n`,
  );
  return 1;
}
