import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';
import { decodeBackupFile, encodeBackupFile } from '../../db/backup/index.js';
import { countPendingMigrations } from '../../db/migration-status.js';
import { migrationsUpTo } from '../../db/migrations-up-to.test-support.js';
import { openDatabase } from '../../db/open-database.js';
import { runMigrations } from '../../db/run-migrations.js';
import { backup } from './backup.js';
import { restore } from './restore.js';

const root = mkdtempSync(join(tmpdir(), 'microcred-backup-cli-'));
const OLDER = '0021_mail_announces_events_key';

/** `microcred ARGS…` with DATA_DIR (and nothing else of the configuration) set for the run. */
async function microcred(dataDir: string, ...args: string[]) {
  const saved = { ...process.env };
  Object.assign(process.env, { DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  delete process.env.MASTER_KEY;
  delete process.env.DATABASE_URL;
  try {
    return await runCli(...args);
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

/** Every file under a folder with a digest of its bytes: "untouched" means this is the same after. */
function fingerprint(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const child = join(path, name);
      if (statSync(child).isDirectory()) walk(child);
      else files[relative(folder, child)] = createHash('sha256').update(readFileSync(child)).digest('hex');
    }
  };
  walk(folder);
  return files;
}

describe('microcred backup and restore of the embedded database', () => {
  const source = join(root, 'source');
  const olderBackup = join(root, 'older.backup');
  beforeAll(async () => {
    // A database an older microcred left: migrated only up to OLDER.
    const older = await migrationsUpTo(OLDER);
    const database = await openDatabase({ dataDir: source });
    try {
      await runMigrations(database, { migrationsFolder: older });
    } finally {
      await database.close();
      rmSync(older, { recursive: true, force: true });
    }
    const made = await microcred(source, 'backup', '--out', olderBackup);
    expect(made.code, made.err).toBe(0);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes the backup readable by its owner only, with its migration level, and never overwrites one', async () => {
    expect(statSync(olderBackup).mode & 0o777).toBe(0o600);
    expect(decodeBackupFile(readFileSync(olderBackup)).manifest.migrations).toMatchObject({
      applied: 22,
      latestTag: OLDER,
    });
    const again = await microcred(source, 'backup', '--out', olderBackup);
    expect(again.code).toBe(2);
    expect(again.err).toContain('exists already');
  });

  it('restores into an empty data folder and brings an older backup up to this version', async () => {
    const target = join(root, 'fresh');
    const restored = await microcred(target, 'restore', olderBackup);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain(`restored ${olderBackup} into ${target}`);
    expect(restored.out).toMatch(
      /migrated from the backup's level: 0022_transparency_log, 0023_log_witnesses, /,
    );
    // No key here, and none is made: the operator is told where to put the one the database was used with.
    expect(restored.out).toContain(
      `No master key is here yet (MASTER_KEY is not set, no ${join(target, 'master.key')})`,
    );
    expect(existsSync(join(target, 'master.key'))).toBe(false);
    const database = await openDatabase({ dataDir: target });
    try {
      expect(await countPendingMigrations(database.db)).toBe(0);
    } finally {
      await database.close();
    }
  });

  it('refuses a truncated, damaged or foreign file and leaves the data folder as it was', async () => {
    const before = fingerprint(source);
    const bytes = readFileSync(olderBackup);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 10] = (damaged[damaged.length - 10] ?? 0) ^ 0xff;
    const cases = [
      { name: 'truncated.backup', bytes: bytes.subarray(0, bytes.length - 1000), says: /is truncated/ },
      { name: 'damaged.backup', bytes: damaged, says: /does not match the SHA-256 in its manifest/ },
      {
        name: 'foreign.backup',
        bytes: Buffer.from('PGDMP\u0001\u000e'),
        says: /it is not a microcred backup/,
      },
    ];
    for (const { name, bytes: content, says } of cases) {
      writeFileSync(join(root, name), content);
      const refused = await microcred(source, 'restore', '--force', join(root, name));
      expect(refused.code, name).toBe(1);
      expect(refused.err).toMatch(says);
    }
    const missing = await microcred(source, 'restore', join(root, 'no-such.backup'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read');
    expect(fingerprint(source)).toEqual(before);
  });

  it('refuses a backup from a newer microcred before loading anything', async () => {
    const { manifest, payload } = decodeBackupFile(readFileSync(olderBackup));
    const newer = join(root, 'newer.backup');
    writeFileSync(
      newer,
      encodeBackupFile({
        manifest: {
          ...manifest,
          microcredVersion: '9.0.0',
          migrations: { applied: 99, latestCreatedAt: 4_000_000_000_000, latestTag: '0098_future' },
        },
        payload,
      }),
    );
    const target = join(root, 'not-for-newer');
    const refused = await microcred(target, 'restore', newer);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      'the backup was made by microcred 9.0.0 at migration 0098_future, which this version of microcred does not have',
    );
    expect(existsSync(join(target, 'pgdata'))).toBe(false);
  });

  it('refuses while a server holds the data folder, for a backup and for a restore', async () => {
    // This test's own process stands for the running server: alive, and holding the lock.
    writeFileSync(join(source, 'pgdata.lock'), String(process.pid));
    const before = fingerprint(source);
    try {
      const out = join(root, 'while-running.backup');
      const backedUp = await microcred(source, 'backup', '--out', out);
      expect(backedUp.code).toBe(1);
      expect(backedUp.err).toContain(`is in use by process ${process.pid}`);
      expect(backedUp.err).toContain('stop it, then try again');
      expect(existsSync(out)).toBe(false);
      const restored = await microcred(source, 'restore', '--force', olderBackup);
      expect(restored.code).toBe(1);
      expect(restored.err).toContain(`is in use by process ${process.pid}`);
      expect(fingerprint(source)).toEqual(before);
    } finally {
      rmSync(join(source, 'pgdata.lock'));
    }
  });

  it('replaces a database only with --force, moving it aside', async () => {
    const before = fingerprint(join(source, 'pgdata'));
    const refused = await microcred(source, 'restore', olderBackup);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/holds a database already: .* pass --force to replace it/);
    expect(fingerprint(join(source, 'pgdata'))).toEqual(before);

    const replaced = await microcred(source, 'restore', '--force', olderBackup);
    expect(replaced.code, replaced.err).toBe(0);
    const aside = /the database it replaced was moved to (\S+)/.exec(replaced.out)?.[1] ?? '';
    expect(aside).toMatch(new RegExp(`^${source}/pgdata\\.replaced-`));
    expect(fingerprint(aside)).toEqual(before);
    expect(readdirSync(source).filter((name) => name.startsWith('pgdata.restoring-'))).toEqual([]);
  });

  it('points at pg_dump and pg_restore when the database is a PostgreSQL server', async () => {
    const env = { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' };
    const io = { stdout: () => {}, stderr: () => {} };
    await expect(backup({ out: join(root, 'pg.backup') }, io, env)).rejects.toThrow(
      /DATABASE_URL is set: microcred backup handles the embedded database only; use pg_dump --format=custom/,
    );
    await expect(restore(olderBackup, { force: false }, io, env)).rejects.toThrow(/use pg_restore/);
  });
});
