import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPathwayWorld, threeOfFour } from '../../test/support/pathway-fixtures.js';
import { ADMIN, openTestPlatform, PUBLIC_URL, type TestPlatform } from '../../test/support/test-platform.js';
import { testDrivers } from '../db/open-test-database.js';
import { createPlatform } from './platform.js';
import type { JobQueue } from './ports/index.js';

/** The real queue, except that taking jobs fails, as when the database is shutting down. */
function refusingClaims(queue: JobQueue): JobQueue {
  return new Proxy(queue, {
    get(target, property) {
      if (property === 'claim') return () => Promise.reject(new Error('the database is shutting down'));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe.each(testDrivers())('pathway jobs a request queued, on %s', (driver) => {
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(driver);
  });
  afterAll(async () => {
    await test?.close();
  });

  it('are logged with their ids when they cannot run inline, and left queued for the worker', async () => {
    const world = await seedPathwayWorld(test.platform);
    await test.platform.pathways.create(ADMIN, threeOfFour(world));
    const warnings: { details: Record<string, unknown>; message: string }[] = [];
    const failing = createPlatform({
      storage: { ...test.storage, jobs: refusingClaims(test.storage.jobs) },
      keyStore: test.platform.context.keyStore,
      publicUrl: PUBLIC_URL,
      recipientPepper: test.platform.context.recipientPepper,
      logger: { warn: (details, message) => warnings.push({ details, message }) },
    });

    const issued = await failing.credentials.issue(ADMIN, {
      achievementId: world.parts[0].id,
      recipient: { email: 'ada@example.org' },
    });

    expect(issued.queuedJobIds.length).toBeGreaterThan(0);
    expect(warnings).toEqual([
      {
        details: {
          err: new Error('the database is shutting down'),
          jobKind: 'pathway',
          jobIds: issued.queuedJobIds,
        },
        message: expect.stringContaining('pathway jobs'),
      },
    ]);
    const processed = await test.platform.pathways.processJobs({
      workerId: 'worker',
      ids: issued.queuedJobIds,
    });
    expect(processed.handled).toBe(issued.queuedJobIds.length);
  });
});
