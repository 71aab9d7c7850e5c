import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { type DoctorFinding, ok, problem, warning } from './doctor-finding.js';

/** How the data folder is looked at; the real file system unless a test says otherwise. */
export interface FolderProbe {
  /** Undefined when nothing is at `path`. */
  stat(path: string): Promise<{ readonly isDirectory: boolean; readonly mode: number } | undefined>;
  /** Resolves when this process may create files in `path`; rejects with the reason otherwise. */
  assertWritable(path: string): Promise<void>;
}

export const fileSystemFolderProbe: FolderProbe = {
  async stat(path) {
    try {
      const found = await stat(path);
      return { isDirectory: found.isDirectory(), mode: found.mode };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },
  assertWritable: (path) => access(path, constants.W_OK | constants.X_OK),
};

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(3, '0');

/**
 * DATA_DIR holds the embedded database and, in development, the master key that seals every issuer key:
 * anyone else on the machine who can read it can copy both. It must be ours, writable, and closed to
 * group and others.
 */
export async function checkDataDir(options: {
  readonly dataDir: string;
  /** What the configuration keeps there (empty: nothing, e.g. PostgreSQL, MASTER_KEY and SMTP all set). */
  readonly holds: readonly string[];
  readonly probe?: FolderProbe;
}): Promise<DoctorFinding> {
  const probe = options.probe ?? fileSystemFolderProbe;
  const holds = options.holds.join(', ');
  if (options.dataDir === ':memory:')
    return options.holds.includes('the embedded database')
      ? warning(
          'data-dir',
          'DATA_DIR=:memory: keeps the embedded database in memory: everything is lost when the process stops',
          'set DATABASE_URL, or DATA_DIR to a folder (mode 700)',
        )
      : ok('data-dir', 'DATA_DIR=:memory: and nothing is kept there');
  const found = await probe.stat(options.dataDir);
  if (found === undefined) {
    if (options.holds.length === 0) return ok('data-dir', `${options.dataDir} is not used`);
    return problem(
      'data-dir',
      `${options.dataDir} does not exist: the server would create it (for ${holds}) with the default mode, often readable by everyone`,
      `mkdir -m 700 ${options.dataDir}`,
    );
  }
  if (!found.isDirectory)
    return problem('data-dir', `${options.dataDir} is not a folder`, 'set DATA_DIR to a folder (mode 700)');
  try {
    await probe.assertWritable(options.dataDir);
  } catch (error) {
    return problem(
      'data-dir',
      `${options.dataDir} is not writable by this user: ${error instanceof Error ? error.message : String(error)}`,
      `chown the folder to the user the server runs as, then chmod 700 ${options.dataDir}`,
    );
  }
  if ((found.mode & 0o077) !== 0)
    return problem(
      'data-dir',
      `${options.dataDir} has mode ${octal(found.mode)}: its group or others may ${found.mode & 0o022 ? 'write' : 'read'} it${options.holds.length === 0 ? '' : ` (${holds})`}`,
      `chmod 700 ${options.dataDir}`,
    );
  return ok('data-dir', `${options.dataDir} is writable and closed to others (mode ${octal(found.mode)})`);
}
