import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overriding } from '../../../test/support/overriding.js';
import {
  ADMIN,
  openTestPlatform,
  seedIssuer,
  type TestPlatform,
} from '../../../test/support/test-platform.js';
import { AesGcmKeyStore } from '../../db/index.js';
import { testDrivers } from '../../db/open-test-database.js';
import { createPlatform } from '../platform.js';
import type { Storage } from '../ports/index.js';
import { credentialLogEntry } from './log-entries.js';

/** Leaf indexes in the log, in order, and the credentials they name. */
async function allLeaves(storage: Storage) {
  return storage.transparencyLog.leaves({ from: 0, limit: 1_000_000 });
}

describe.each(testDrivers())('appending to the transparency log on %s', (driver) => {
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(driver);
  });
  afterAll(async () => {
    await test?.close();
  });

  it('gives 20 parallel issuances and a bulk batch the indexes 0..n-1, no gap, no duplicate', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const job = await test.platform.bulk.create(ADMIN, {
      achievementId: achievement.id,
      text: `email\n${Array.from({ length: 25 }, (_, i) => `bulk-${i}@example.org`).join('\n')}\n`,
    });
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        test.platform.credentials.issue(ADMIN, {
          achievementId: achievement.id,
          recipient: { email: `parallel-${i}@example.org` },
        }),
      ),
      test.platform.bulk.processRows({ workerId: 'concurrent', jobId: job.id }),
    ]);
    const leaves = await allLeaves(test.storage);
    expect(leaves.map((leaf) => leaf.index)).toEqual(leaves.map((_, i) => i));
    const credentialIds = leaves.flatMap((leaf) =>
      leaf.credentialId === undefined ? [] : [leaf.credentialId],
    );
    expect(new Set(credentialIds).size).toBe(credentialIds.length);
    expect(credentialIds).toHaveLength(45);
    const integrated = await test.platform.transparencyLog.integrate();
    expect(integrated.treeSize).toBe(leaves.length);
  });

  it("serves the log's verifier key under a master key that cannot open its sealed secret", async () => {
    const key = await test.platform.transparencyLog.verifierKey();
    const withWrongMasterKey = createPlatform({
      storage: test.storage,
      keyStore: new AesGcmKeyStore({ masterKey: randomBytes(32) }),
      publicUrl: test.platform.context.publicUrl,
      recipientPepper: test.platform.context.recipientPepper,
    });
    expect(await withWrongMasterKey.transparencyLog.verifierKey()).toBe(key);
    // Signing still needs the secret: the checkpoint is refused, not signed with another key.
    await expect(withWrongMasterKey.transparencyLog.integrate()).rejects.toThrow();
  });

  it('gives back the indexes of a rolled-back transaction: no leaf, no gap', async () => {
    const before = (await allLeaves(test.storage)).length;
    const entry = credentialLogEntry('00000000-0000-4000-8000-000000000001', { rolled: 'back' });
    await expect(
      test.storage.transaction(async (repositories) => {
        await repositories.transparencyLog.append([entry], new Date());
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await allLeaves(test.storage)).toHaveLength(before);
    const { achievement } = await seedIssuer(test.platform);
    await test.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'after@example.org' },
    });
    const leaves = await allLeaves(test.storage);
    expect(leaves.map((leaf) => leaf.index)).toEqual(leaves.map((_, i) => i));
  });

  it('releases no credential whose leaf could not be sequenced (I10), and a retry issues it once', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const failingLog = (storage: Storage): Storage => {
      const wrap = <R extends Pick<Storage, 'transparencyLog'>>(repositories: R): R => ({
        ...repositories,
        transparencyLog: overriding(repositories.transparencyLog, {
          append: () => Promise.reject(new Error('crashed before sequencing')),
        }),
      });
      return { ...wrap(storage), transaction: (work) => storage.transaction((tx) => work(wrap(tx))) };
    };
    const crashing = createPlatform({
      storage: failingLog(test.storage),
      keyStore: test.platform.context.keyStore,
      publicUrl: test.platform.context.publicUrl,
      recipientPepper: test.platform.context.recipientPepper,
    });
    const request = {
      achievementId: achievement.id,
      recipient: { email: 'crash@example.org' },
      idempotencyKey: 'crash-before-log',
    };
    await expect(crashing.credentials.issue(ADMIN, request)).rejects.toThrow('crashed before sequencing');
    expect(await test.storage.credentials.list({ achievementId: achievement.id, limit: 10 })).toEqual([]);
    const issued = await test.platform.credentials.issue(ADMIN, request);
    expect(issued.created).toBe(true);
    const leaf = await test.storage.transparencyLog.leafOfCredential({ credentialId: issued.record.id });
    expect(leaf?.credentialId).toBe(issued.record.id);
  });

  it('appends credentials stored before the log existed, in issuance order, exactly once', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const issued = [];
    for (const name of ['old-1', 'old-2']) {
      issued.push(
        await test.platform.credentials.issue(ADMIN, {
          achievementId: achievement.id,
          recipient: { email: `${name}@example.org` },
        }),
      );
    }
    // As a database from before the log: the two last leaves (not yet integrated) were never appended.
    const ids = issued.map((item) => item.record.id);
    await test.database.db.execute(sql`delete from log_leaves where credential_id in (${ids[0]}, ${ids[1]})`);
    await test.database.db.execute(sql`update log_sequence set next = next - 2`);
    // Issued within one second, as a bulk run issues them: the same `issued_at`, whatever the machine's speed.
    await test.database.db.execute(
      sql`update credentials set issued_at = (select min(issued_at) from credentials where id in (${ids[0]}, ${ids[1]})) where id in (${ids[0]}, ${ids[1]})`,
    );
    expect(await test.storage.transparencyLog.unloggedCredentials({ limit: 10 })).toHaveLength(2);
    // A process started on that database searches for them; its first integration appends them.
    const started = createPlatform({
      storage: test.storage,
      keyStore: test.platform.context.keyStore,
      publicUrl: test.platform.context.publicUrl,
      recipientPepper: test.platform.context.recipientPepper,
    });
    expect((await started.transparencyLog.integrate()).caughtUp).toBe(2);
    expect((await started.transparencyLog.integrate()).caughtUp).toBe(0);
    const leaves = await allLeaves(test.storage);
    expect(leaves.map((leaf) => leaf.index)).toEqual(leaves.map((_, i) => i));
    // The same `issued_at`, so their order is the id's.
    expect(leaves.slice(-2).map((leaf) => leaf.credentialId)).toEqual([...ids].sort());
  });
});
