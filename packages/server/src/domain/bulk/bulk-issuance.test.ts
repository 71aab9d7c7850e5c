import { bundledDocumentLoader, createRdfcFastCanonizer, rdfcReferenceCanonizer } from '@microcred/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireBulkLeases } from '../../../test/support/expire-bulk-leases.js';
import { overriding } from '../../../test/support/overriding.js';
import {
  ADMIN,
  openTestPlatform,
  seedIssuer,
  type TestPlatform,
} from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import { startBulkWorker } from '../../jobs/bulk-worker.js';
import { createPlatform, type Platform } from '../platform.js';

function csv(count: number, options: { bad?: ReadonlyMap<number, string> } = {}): string {
  const lines = ['email,name,evidence_url'];
  for (let row = 1; row <= count; row++) {
    lines.push(
      options.bad?.get(row) ?? `learner${row}@example.org,Learner ${row},https://example.org/evidence/${row}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function drain(
  test: TestPlatform,
  workerId: string,
  options: { leaseMs?: number; batchSize?: number; jobId: string },
): Promise<void> {
  while ((await test.platform.bulk.processRows({ workerId, ...options })) > 0) {
    // keep claiming until no row is left
  }
}

describe.each(testDrivers())('bulk issuance on %s', (driver) => {
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(driver);
  });
  afterAll(async () => {
    await test?.close();
  });

  it('issues exactly 10,000 credentials for a 10,000-row CSV, one per row', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const job = await test.platform.bulk.create(ADMIN, {
      achievementId: achievement.id,
      text: csv(10_000),
      credentialFormat: 'jwt',
    });
    expect(job).toMatchObject({ total: 10_000, done: 0, failed: 0, state: 'queued' });
    await drain(test, 'worker-a', { batchSize: 500, jobId: job.id });
    const finished = await test.platform.bulk.get(ADMIN, job.id);
    expect(finished).toMatchObject({ state: 'completed', total: 10_000, done: 10_000, failed: 0 });
    const credentials = await test.platform.context.storage.credentials.list({
      achievementId: achievement.id,
      limit: 500,
    });
    expect(credentials.length).toBe(500);
    const rows = await test.platform.context.storage.bulkJobs.listRows({
      jobId: job.id,
      state: 'done',
      limit: 5000,
    });
    const more = await test.platform.context.storage.bulkJobs.listRows({
      jobId: job.id,
      state: 'done',
      afterRowNumber: 5000,
      limit: 5000,
    });
    const credentialIds = new Set([...rows, ...more].map((row) => row.credentialId));
    expect(credentialIds.size).toBe(10_000);
    expect(credentialIds.has(null)).toBe(false);
  }, 240_000);

  it('issues credentials that share one shape template: from the third on, none is expanded again', async () => {
    // What a cohort's signing costs rests on this: a credential names its issuer twice (as issuer and as the
    // achievement's creator), which once made every issued credential miss its template.
    const { achievement } = await seedIssuer(test.platform);
    const job = await test.platform.bulk.create(ADMIN, { achievementId: achievement.id, text: csv(5) });
    await drain(test, 'worker-shape', { jobId: job.id });
    const issued = await test.platform.context.storage.credentials.list({
      achievementId: achievement.id,
      limit: 5,
    });
    expect(issued).toHaveLength(5);
    let templated = 0;
    const fast = createRdfcFastCanonizer({ onTemplated: () => templated++ });
    for (const credential of issued) {
      const { proof: _proof, ...unsigned } = credential.document as Record<string, unknown>;
      const options = { documentLoader: bundledDocumentLoader };
      expect(await fast.canonize(unsigned, options)).toBe(
        await rdfcReferenceCanonizer.canonize(unsigned, options),
      );
    }
    expect(templated).toBe(3);
  });

  it('issues the good rows of a CSV with 3 bad rows and reports those 3 by row number', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const bad = new Map([
      [4, 'not-an-email,Bad Email,https://example.org/e/4'],
      [9, ',No Recipient,https://example.org/e/9'],
      [17, 'ok17@example.org,Bad Url,ftp://example.org/e/17'],
    ]);
    const job = await test.platform.bulk.create(ADMIN, {
      achievementId: achievement.id,
      text: csv(20, { bad }),
    });
    expect(job).toMatchObject({ total: 20, failed: 3 });
    await drain(test, 'worker-b', { jobId: job.id });
    expect(await test.platform.bulk.get(ADMIN, job.id)).toMatchObject({
      state: 'completed',
      done: 17,
      failed: 3,
    });
    const errors = await test.platform.bulk.errors(ADMIN, job.id);
    expect(errors.map((error) => error.row)).toEqual([4, 9, 17]);
    const issued = await test.platform.context.storage.credentials.list({ achievementId: achievement.id });
    expect(issued).toHaveLength(17);
    const report = await test.platform.verify(issued[0]?.document ?? {});
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
  });

  it('rejects a CSV with a broken quote as a whole and stores nothing', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const broken = 'email,name\na@example.org,"Ada\nb@example.org,Bob\n';
    await expect(
      test.platform.bulk.create(ADMIN, { achievementId: achievement.id, text: broken }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await test.platform.context.storage.bulkJobs.list({ limit: 500 })).not.toContainEqual(
      expect.objectContaining({ achievementId: achievement.id }),
    );
  });

  it('finishes a job whose worker died after storing credentials, with no duplicate and no missing credential', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const job = await test.platform.bulk.create(ADMIN, { achievementId: achievement.id, text: csv(60) });
    // Worker "dies" after storing its batch's credentials but before recording the rows as done.
    const dying = createPlatform({
      storage: overriding(test.platform.context.storage, {
        bulkJobs: overriding(test.platform.context.storage.bulkJobs, {
          recordResults: () => Promise.reject(new Error('killed')),
        }),
      }),
      keyStore: test.platform.context.keyStore,
      publicUrl: test.platform.context.publicUrl,
      recipientPepper: test.platform.context.recipientPepper,
    });
    await expect(dying.bulk.processRows({ workerId: 'dying', batchSize: 25 })).rejects.toThrow('killed');
    const orphaned = await test.platform.context.storage.credentials.list({ achievementId: achievement.id });
    expect(orphaned).toHaveLength(25);
    await expireBulkLeases(test.database.db, 'dying');
    await drain(test, 'restarted', { jobId: job.id });
    expect(await test.platform.bulk.get(ADMIN, job.id)).toMatchObject({
      state: 'completed',
      done: 60,
      failed: 0,
    });
    const issued = await test.platform.context.storage.credentials.list({ achievementId: achievement.id });
    expect(issued).toHaveLength(60);
    expect(new Set(issued.map((credential) => credential.bulkRow))).toEqual(
      new Set(Array.from({ length: 60 }, (_, index) => index + 1)),
    );
  });

  it('a worker following one job leaves the rows of other jobs alone', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const followed = await test.platform.bulk.create(ADMIN, { achievementId: achievement.id, text: csv(5) });
    const other = await test.platform.bulk.create(ADMIN, { achievementId: achievement.id, text: csv(5) });
    let idle: () => void = () => {};
    const foundNothingMore = new Promise<void>((resolve) => {
      idle = resolve;
    });
    const watched: Platform = {
      ...test.platform,
      bulk: {
        ...test.platform.bulk,
        processRows: async (options) => {
          const handled = await test.platform.bulk.processRows(options);
          if (handled === 0) idle();
          return handled;
        },
      },
    };
    const worker = startBulkWorker({ platform: watched, jobId: followed.id });
    await foundNothingMore;
    await worker.stop();
    expect(await test.platform.bulk.get(ADMIN, followed.id)).toMatchObject({ state: 'completed', done: 5 });
    expect(await test.platform.bulk.get(ADMIN, other.id)).toMatchObject({ state: 'queued', done: 0 });
    await test.platform.bulk.cancel(ADMIN, other.id);
  });

  it('stops handing out rows of a cancelled job', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const job = await test.platform.bulk.create(ADMIN, { achievementId: achievement.id, text: csv(30) });
    await test.platform.bulk.processRows({ workerId: 'w', batchSize: 10, jobId: job.id });
    expect((await test.platform.bulk.cancel(ADMIN, job.id)).state).toBe('cancelled');
    await drain(test, 'w', { jobId: job.id });
    const after = await test.platform.bulk.get(ADMIN, job.id);
    expect(after.done).toBe(10);
    expect(after.state).toBe('cancelled');
  });
});
