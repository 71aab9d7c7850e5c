import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overriding } from '../../../test/support/overriding.js';
import { openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import { inProcessSigner } from '../credential/credential-signer.js';
import { createPlatform } from '../platform.js';
import { PATHWAY_CHANGED_JOB } from './process-pathway-jobs.js';

describe.each(testDrivers())('a pathway worker told to stop, on %s', (driver) => {
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(driver);
  });
  afterAll(async () => {
    await test?.close();
  });

  it('finishes the job in progress and gives the others back at once, as never attempted', async () => {
    const queued = [];
    for (let index = 0; index < 3; index++) {
      // A pathway that no longer exists: its job settles nothing and completes.
      queued.push(
        await test.storage.jobs.enqueue({ kind: PATHWAY_CHANGED_JOB, payload: { pathwayId: randomUUID() } }),
      );
    }
    const stopping = new AbortController();
    // The stop request arrives while the first job is being finished.
    const jobs = overriding(test.storage.jobs, {
      complete: async (options) => {
        stopping.abort();
        return test.storage.jobs.complete(options);
      },
    });
    const platform = createPlatform({
      storage: { ...test.storage, jobs },
      keyStore: test.platform.context.keyStore,
      publicUrl: test.platform.context.publicUrl,
      recipientPepper: test.platform.context.recipientPepper,
      signer: inProcessSigner,
    });
    const processed = await platform.pathways.processJobs({ workerId: 'stopping', signal: stopping.signal });
    expect(processed.handled).toBe(1);
    // Not held for the 2-minute lease: another worker takes the other two now.
    const other = await test.storage.jobs.claim({
      workerId: 'other',
      kinds: [PATHWAY_CHANGED_JOB],
      limit: 10,
      leaseMs: 60_000,
    });
    expect(other).toHaveLength(2);
    expect(other.map((job) => job.attempts)).toEqual([1, 1]);
    const queuedIds = new Set(queued.map((job) => job.id));
    expect(other.every((job) => queuedIds.has(job.id))).toBe(true);
  });
});
