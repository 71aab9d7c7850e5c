import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The file holding the last checkpoint seen (audit) or cosigned (witness) for one log, by origin: readable
 * enough to find by hand, with a hash of the whole origin so that two origins never share a file.
 */
export function checkpointStateFile(dir: string, origin: string): string {
  const readable = origin.replace(/[^A-Za-z0-9.-]/g, '_').slice(0, 80);
  const digest = createHash('sha256').update(origin).digest('hex').slice(0, 16);
  return join(dir, `${readable}-${digest}.checkpoint`);
}

/** The signed checkpoint note stored for `origin`, or undefined when there is none yet. */
export function readStoredCheckpoint(dir: string, origin: string): string | undefined {
  try {
    return readFileSync(checkpointStateFile(dir, origin), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Replaces the stored checkpoint atomically and durably: a temporary file written and synced, renamed over
 * the old one, the directory synced. A crash leaves the old checkpoint or the new one, never half of one,
 * which for a witness would be a state it could be rolled back from.
 */
export function storeCheckpoint(dir: string, origin: string, note: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = checkpointStateFile(dir, origin);
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const file = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(file, note);
    fsyncSync(file);
  } finally {
    closeSync(file);
  }
  renameSync(temporary, target);
  const directory = openSync(dir, 'r');
  try {
    fsyncSync(directory);
  } finally {
    closeSync(directory);
  }
}
