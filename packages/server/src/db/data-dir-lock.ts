import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ServerError, ServerErrorCode } from '../domain/error/server-error.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the embedded database folder for this process. PGlite has no locking of its own, and two processes
 * writing one folder corrupt it, so a second server (or a CLI run beside a running server) is refused with
 * a message saying what to do instead. A lock left by a crashed process is taken over.
 */
export function acquireDataDirLock(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isSafeInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new ServerError(
          ServerErrorCode.CONFLICT,
          `the embedded database is in use by process ${holder} (${lockFile}); stop it first, or use a PostgreSQL server (DATABASE_URL) that several processes can share`,
          { details: { holder } },
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new ServerError(ServerErrorCode.CONFLICT, `could not lock the embedded database (${lockFile})`);
}
