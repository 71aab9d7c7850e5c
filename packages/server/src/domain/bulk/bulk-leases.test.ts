import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireBulkLeases } from '../../../test/support/expire-bulk-leases.js';
import { heldSigner } from '../../../test/support/held-signer.js';
import { overriding } from '../../../test/support/overriding.js';
import {
  ADMIN,
  openTestPlatform,
  seedIssuer,
  type TestPlatform,
} from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import { type CredentialSigner, inProcessSigner } from '../credential/credential-signer.js';
import { createPlatform } from '../platform.js';
import type { Storage } from '../ports/index.js';

/** `storage`, and a promise of the next lease renewal made through it. */
function watchingRenewals(storage: Storage): { storage: Storage; nextRenewal(): Promise<void> } {
  const waiting: (() => void)[] = [];
  const bulkJobs = overriding(storage.bulkJobs, {
    renewLease: async (options) => {
      const held = await storage.bulkJobs.renewLease(options);
      for (const renewed of waiting.splice(0)) renewed();
      return held;
    },
  });
  return {
    storage: { ...storage, bulkJobs },
    nextRenewal: () => new Promise((resolve) => waiting.push(resolve)),
  };
}

const csv = (count: number) =>
  `email\n${Array.from({ length: count }, (_, index) => `lease-${index}@example.org`).join('\n')}\n`;

describe.each(testDrivers())('bulk leases on %s', (driver) => {
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(driver);
  });
  afterAll(async () => {
    await test?.close();
  });

  const withSigner = (signer: CredentialSigner, storage: Storage = test.storage) =>
    createPlatform({
      storage,
      keyStore: test.platform.context.keyStore,
      publicUrl: test.platform.context.publicUrl,
      recipientPepper: test.platform.context.recipientPepper,
      signer,
    });

  it('keeps the rows of a batch still being signed past the lease it was claimed with', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const job = await test.platform.bulk.create(ADMIN, { achievementId: achievement.id, text: csv(4) });
    const signer = heldSigner();
    const watched = watchingRenewals(test.storage);
    const leaseMs = 300;
    const working = withSigner(signer, watched.storage).bulk.processRows({
      workerId: 'slow',
      jobId: job.id,
      leaseMs,
      heartbeatMs: 50,
    });
    await signer.entered;
    const leaseEnd = async () =>
      Math.min(
        ...(await test.storage.bulkJobs.listRows({ jobId: job.id })).map(
          (row) => row.lockedUntil?.getTime() ?? Number.NaN,
        ),
      );
    const claimedUntil = await leaseEnd();
    // A renewal sets the lease to end `leaseMs` after it was made: wait for one made once the lease the
    // rows were claimed with had run out (on the database's clock).
    while ((await leaseEnd()) - leaseMs <= claimedUntil) await watched.nextRenewal();
    // The heartbeat has kept every row: another worker finds nothing to take.
    expect(
      await test.platform.context.storage.bulkJobs.claimRows({
        workerId: 'other',
        jobId: job.id,
        limit: 10,
        leaseMs: 60_000,
      }),
    ).toEqual([]);
    signer.release();
    expect(await working).toBe(4);
    expect(await test.platform.bulk.get(ADMIN, job.id)).toMatchObject({ state: 'completed', done: 4 });
    const rows = await test.platform.context.storage.bulkJobs.listRows({ jobId: job.id });
    expect(rows.map((row) => row.attempts)).toEqual([1, 1, 1, 1]);
  });

  it('hands the rows of a worker that died to another one after the short lease', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const job = await test.platform.bulk.create(ADMIN, { achievementId: achievement.id, text: csv(3) });
    // Claimed, then never worked on nor renewed: the worker is gone.
    await test.platform.context.storage.bulkJobs.claimRows({
      workerId: 'dead',
      jobId: job.id,
      limit: 10,
      leaseMs: 200,
    });
    expect(await test.platform.bulk.processRows({ workerId: 'alive', jobId: job.id })).toBe(0);
    await expireBulkLeases(test.database.db, 'dead');
    expect(await test.platform.bulk.processRows({ workerId: 'alive', jobId: job.id })).toBe(3);
    expect(await test.platform.bulk.get(ADMIN, job.id)).toMatchObject({ state: 'completed', done: 3 });
  });

  it('uses at most one status list entry per row, however often its worker crashes', async () => {
    const { issuer, achievement } = await seedIssuer(test.platform);
    const allocated = async () =>
      (await test.platform.context.storage.statusLists.list({ issuerId: issuer.id })).reduce(
        (sum, list) => sum + list.allocated,
        0,
      );
    const job = await test.platform.bulk.create(ADMIN, { achievementId: achievement.id, text: csv(3) });
    // Dies after the rows' status entries are reserved, before anything is stored.
    const crashing = withSigner({
      sign: inProcessSigner.sign,
      signMany: () => Promise.reject(new Error('killed')),
    });
    const crashes = 4;
    for (let attempt = 1; attempt <= crashes; attempt++) {
      await expect(
        crashing.bulk.processRows({ workerId: `crashing-${attempt}`, jobId: job.id }),
      ).rejects.toThrow('killed');
      await expireBulkLeases(test.database.db, `crashing-${attempt}`);
    }
    expect(await allocated()).toBe(3);
    while ((await test.platform.bulk.processRows({ workerId: 'healthy', jobId: job.id })) > 0);
    expect(await test.platform.bulk.get(ADMIN, job.id)).toMatchObject({ state: 'completed', done: 3 });
    const rows = await test.platform.context.storage.bulkJobs.listRows({ jobId: job.id });
    expect(rows.map((row) => row.attempts)).toEqual([crashes + 1, crashes + 1, crashes + 1]);
    // Each credential carries the entry its row reserved on the first attempt; nothing else was used.
    expect(await allocated()).toBe(3);
    const issued = await test.platform.context.storage.credentials.list({ achievementId: achievement.id });
    expect(
      new Set(issued.map((credential) => `${credential.statusListId}:${credential.statusIndex}`)),
    ).toEqual(new Set(rows.map((row) => `${row.statusEntry?.statusListId}:${row.statusEntry?.index}`)));
  });
});
