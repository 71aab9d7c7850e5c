import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../../../test/support/rejection.js';
import {
  ADMIN,
  openTestPlatform,
  seedIssuer,
  type TestPlatform,
} from '../../../test/support/test-platform.js';
import { verificationJobItems } from '../../db/schema/verification-jobs.js';
import { processVerificationItems } from './verification-jobs.js';

const DAY = 24 * 60 * 60 * 1000;

describe('verification jobs', () => {
  let test: TestPlatform;
  // Real time, moved forward by the tests (status lists are signed on the real clock).
  let ahead = 0;
  const now = () => new Date(Date.now() + ahead);
  let credential: Record<string, unknown>;

  beforeAll(async () => {
    test = await openTestPlatform('pglite', { now });
    const { achievement } = await seedIssuer(test.platform);
    credential = (
      await test.platform.credentials.issue(ADMIN, {
        achievementId: achievement.id,
        recipient: { email: 'job@example.org' },
      })
    ).record.document;
  });
  afterAll(async () => {
    await test?.close();
  });

  const itemRows = (jobId: string) =>
    test.database.db.select().from(verificationJobItems).where(eq(verificationJobItems.jobId, jobId));

  it('keeps each input only until it is verified, and the results until 7 days after the job completes', async () => {
    const job = await test.platform.verification.createJob(ADMIN, {
      items: [credential, 'garbage', null],
      recipient: 'job@example.org',
    });
    expect(job).toMatchObject({ state: 'queued', total: 3, done: 0 });
    expect((await itemRows(job.id)).map((row) => row.input === null)).toEqual([false, false, true]);

    while ((await test.platform.verification.processItems({ workerId: 'w1' })) > 0);
    const done = await test.platform.verification.getJob(ADMIN, job.id);
    expect(done).toMatchObject({ state: 'completed', done: 3, unverified: 2 });
    expect(Math.abs(done.expiresAt.getTime() - (now().getTime() + 7 * DAY))).toBeLessThan(60_000);
    const rows = await itemRows(job.id);
    expect(rows.map((row) => [row.input, row.recipient, row.verified])).toEqual([
      [null, null, true],
      [null, null, false],
      [null, null, false],
    ]);
    // The stored result never carries the credential itself.
    expect(JSON.stringify(rows[0]?.result)).not.toContain('credentialSubject');

    const results = [];
    for await (const entry of await test.platform.verification.jobResults(ADMIN, job.id)) results.push(entry);
    expect(
      results.map((entry) => [entry.index, entry.report.verified, entry.report.checks.at(-1)?.id]),
    ).toEqual([
      [0, true, 'recipient'],
      [1, false, 'parse'],
      [2, false, 'parse'],
    ]);

    ahead = 7 * DAY - 60_000;
    await test.platform.verification.deleteExpired();
    expect((await test.platform.verification.getJob(ADMIN, job.id)).state).toBe('completed');
    ahead = 7 * DAY + 60_000;
    expect(await test.platform.verification.deleteExpired()).toBeGreaterThanOrEqual(1);
    expect((await rejection(test.platform.verification.getJob(ADMIN, job.id))).code).toBe('NOT_FOUND');
    expect(await itemRows(job.id)).toEqual([]);
  });

  it('gives a crashed worker’s items to another once their lease expires', async () => {
    const job = await test.platform.verification.createJob(ADMIN, { items: ['a', 'b'] });
    const claimed = await test.storage.verificationJobs.claimItems({
      workerId: 'crashed',
      limit: 10,
      leaseMs: 60_000,
    });
    expect(claimed.map((item) => item.position)).toEqual([0, 1]);
    expect(await test.platform.verification.processItems({ workerId: 'w2' })).toBe(0);
    await test.database.db
      .update(verificationJobItems)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(verificationJobItems.jobId, job.id));
    expect(await test.platform.verification.processItems({ workerId: 'w2' })).toBe(2);
    // The crashed worker coming back cannot overwrite what the other stored.
    expect(
      await test.storage.verificationJobs.completeItems({
        workerId: 'crashed',
        results: [{ jobId: job.id, position: 0, result: { verified: true, checks: [] }, verified: true }],
        expiresAt: now(),
      }),
    ).toBe(0);
    expect(await test.platform.verification.getJob(ADMIN, job.id)).toMatchObject({
      state: 'completed',
      done: 2,
    });
  });

  it('finishes the items being verified when told to stop, and gives the others back at once', async () => {
    const job = await test.platform.verification.createJob(ADMIN, { items: Array(6).fill(credential) });
    const stopping = new AbortController();
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The stop request arrives while the first item is being verified.
    const working = processVerificationItems(
      test.platform.context,
      async () => {
        stopping.abort();
        await released;
        return { verified: true, checks: [] };
      },
      { workerId: 'stopping', batchSize: 10, signal: stopping.signal },
    );
    release();
    expect(await working).toBe(1);
    const rows = await itemRows(job.id);
    expect(rows.filter((row) => row.state === 'done')).toHaveLength(1);
    // Not left leased to the stopped worker for 5 minutes: another takes them now, as never attempted.
    expect(rows.filter((row) => row.state === 'pending' && row.attempts === 0)).toHaveLength(5);
    expect(await test.platform.verification.processItems({ workerId: 'other' })).toBe(5);
    expect(await test.platform.verification.getJob(ADMIN, job.id)).toMatchObject({
      state: 'completed',
      done: 6,
    });
  });

  it('stores nothing of an upload over 100,000 items', async () => {
    function* tooMany() {
      for (let index = 0; index <= 100_000; index += 1) yield 'x';
    }
    const refused = await rejection(test.platform.verification.createJob(ADMIN, { items: tooMany() }));
    expect(refused.code).toBe('VALIDATION_ERROR');
    const [count] = await test.database.db
      .execute<{ count: number }>(
        sql`select count(*)::int as count from verification_jobs where state = 'receiving'`,
      )
      .then((result) => ('rows' in result ? result.rows : result) as { count: number }[]);
    expect(count?.count).toBe(0);
  }, 120_000);
});
