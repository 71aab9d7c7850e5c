import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireBulkLeases } from '../../../test/support/expire-bulk-leases.js';
import { AesGcmKeyStore, createPgStorage, deriveSubkey } from '../../db/index.js';
import type { DatabaseHandle } from '../../db/open-database.js';
import { openTestDatabase, testDrivers } from '../../db/open-test-database.js';
import { createPlatform } from '../platform.js';
import type { Storage } from '../ports/index.js';

const BIN = fileURLToPath(new URL('../../../bin/microcred.js', import.meta.url));
const ADMIN = { kind: 'admin' } as const;
const PUBLIC_URL = 'https://badges.example.edu';
const ROWS = 2_000;

/** Every stored credential has one leaf, and the leaves are numbered 0..n-1. */
async function expectEachLoggedOnce(storage: Storage): Promise<number> {
  const leaves = await storage.transparencyLog.leaves({ from: 0, limit: 1_000_000 });
  expect(leaves.map((leaf) => leaf.index)).toEqual(leaves.map((_, i) => i));
  const logged = leaves.flatMap((leaf) => (leaf.credentialId === undefined ? [] : [leaf.credentialId]));
  expect(new Set(logged).size).toBe(logged.length);
  expect(await storage.transparencyLog.unloggedCredentials({ limit: 10 })).toEqual([]);
  return logged.length;
}

// A worker process killed with SIGKILL in the middle of a bulk job: the crash the log must survive
// (ADVERSARIAL I10). Needs a database two processes share: PostgreSQL only.
describe.skipIf(!testDrivers().includes('postgres'))(
  'a bulk worker killed with SIGKILL on PostgreSQL',
  () => {
    const driver = 'postgres';
    let database: DatabaseHandle;
    let dataDir: string;
    let child: ChildProcess | undefined;
    beforeAll(async () => {
      database = await openTestDatabase({ driver });
      dataDir = mkdtempSync(join(tmpdir(), 'microcred-kill-'));
    });
    afterAll(async () => {
      child?.kill('SIGKILL');
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('leaves every credential it stored logged exactly once, and the job finishes with one leaf per row', async () => {
      const masterKey = randomBytes(32);
      const storage = createPgStorage({ db: database.db });
      const platform = createPlatform({
        storage,
        keyStore: new AesGcmKeyStore({ masterKey }),
        publicUrl: PUBLIC_URL,
        recipientPepper: deriveSubkey({ masterKey, purpose: 'recipient-lookup' }),
      });
      const issuer = await platform.issuers.create(ADMIN, { slug: 'killed', name: 'Killed University' });
      const achievement = await platform.achievements.create(ADMIN, {
        issuerId: issuer.id,
        name: 'Survives crashes',
        description: 'Issued while its worker is killed.',
        criteria: { narrative: 'Be issued.' },
      });
      const lines = Array.from({ length: ROWS }, (_, i) => `killed-${i}@example.org`);
      const job = await platform.bulk.create(ADMIN, {
        achievementId: achievement.id,
        text: `email\n${lines.join('\n')}\n`,
      });

      const [{ name }] = (await database.db.execute(sql`select current_database() as name`)).rows as [
        { name: string },
      ];
      const url = new URL(process.env.TEST_DATABASE_URL ?? '');
      url.pathname = `/${name}`;
      child = spawn(process.execPath, [BIN, 'worker'], {
        env: {
          ...process.env,
          DATABASE_URL: url.toString(),
          MASTER_KEY: masterKey.toString('base64'),
          PUBLIC_URL,
          DATA_DIR: dataDir,
          NODE_ENV: 'development',
          LOG_LEVEL: 'warn',
        },
        stdio: 'ignore',
      });
      const count = async () =>
        Number(
          ((await database.db.execute(sql`select count(*) as n from credentials`)).rows[0] as { n: string })
            .n,
        );
      const deadline = Date.now() + 60_000;
      while ((await count()) < 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
      const storedAtKill = await count();
      expect(storedAtKill).toBeGreaterThan(0);
      expect(storedAtKill).toBeLessThan(ROWS);
      expect(await expectEachLoggedOnce(storage)).toBe(storedAtKill);

      // Another worker takes the dead one's rows once their lease ends.
      const held = (
        await database.db.execute(sql`select distinct locked_by from bulk_job_rows where state = 'running'`)
      ).rows as { locked_by: string }[];
      for (const { locked_by } of held) await expireBulkLeases(database.db, locked_by);
      while ((await platform.bulk.get(ADMIN, job.id)).state !== 'completed') {
        await platform.bulk.processRows({ workerId: 'survivor', jobId: job.id });
      }
      expect(await count()).toBe(ROWS);
      expect(await expectEachLoggedOnce(storage)).toBe(ROWS);
      expect((await platform.transparencyLog.integrate()).treeSize).toBeGreaterThanOrEqual(ROWS);
    }, 120_000);
  },
);
