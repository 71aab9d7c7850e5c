import { join } from 'node:path';
import { isServerError, ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import { acquireDataDirLock } from '../data-dir-lock.js';

/** The embedded database's files, and the lock its server holds, inside the data folder. */
export function embeddedDatabasePaths(dataDir: string) {
  return { pgdata: join(dataDir, 'pgdata'), lock: join(dataDir, 'pgdata.lock') };
}

/**
 * Takes the data folder's lock for a backup or a restore, as the server takes it, so that no server
 * starts on the folder meanwhile. A server running on it is not worked around: PGlite is one process's
 * database, and a copy of files it is writing would not be consistent.
 */
export function takeDataFolder(dataDir: string, doing: 'backing up' | 'restoring'): () => void {
  try {
    return acquireDataDirLock(embeddedDatabasePaths(dataDir).lock);
  } catch (error) {
    if (!isServerError(error) || error.code !== ServerErrorCode.CONFLICT) throw error;
    const holder = error.details?.holder;
    throw new ServerError(
      ServerErrorCode.CONFLICT,
      `the embedded database in ${dataDir} is in use by process ${String(holder ?? '?')} (a microcred server or command): stop it, then try again; ${doing} while it writes would not give a consistent copy`,
      { cause: error },
    );
  }
}
