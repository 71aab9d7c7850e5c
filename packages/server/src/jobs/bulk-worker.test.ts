import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldSigner } from '../../test/support/held-signer.js';
import { ADMIN, openTestPlatform, seedIssuer, type TestPlatform } from '../../test/support/test-platform.js';
import { testDrivers } from '../db/open-test-database.js';
import { startBulkWorker } from './bulk-worker.js';

const csv = (prefix: string, count: number) =>
  `email\n${Array.from({ length: count }, (_, index) => `${prefix}-${index}@example.org`).join('\n')}\n`;

describe.each(testDrivers())('a bulk worker told to stop, on %s', (driver) => {
  const signer = heldSigner({ onlyTheFirstBatch: true });
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(driver, { signer });
  });
  afterAll(async () => {
    await test?.close();
  });

  /** Credentials per row of these jobs, as `job:row → count`. */
  async function credentialsPerRow(jobIds: readonly string[]): Promise<Record<string, number>> {
    const result = await test.database.db.execute(sql`
      select bulk_job_id::text as job, bulk_row as row, count(*)::int as count from credentials
      where bulk_job_id in (${sql.join(
        jobIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      group by 1, 2`);
    const rows = (result as unknown as { rows: { job: string; row: number; count: number }[] }).rows;
    return Object.fromEntries(rows.map((row) => [`${row.job}:${row.row}`, row.count]));
  }

  it('finishes the job in flight and gives back the rows it had not started, at once', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const first = await test.platform.bulk.create(ADMIN, {
      achievementId: achievement.id,
      text: csv('a', 2),
    });
    const second = await test.platform.bulk.create(ADMIN, {
      achievementId: achievement.id,
      text: csv('b', 3),
    });
    const stopping = startBulkWorker({
      platform: test.platform,
      workerId: 'stopping',
      batchSize: 10,
      pollMs: 20,
    });
    // Both jobs' rows are claimed in one batch; the first job is being signed.
    await signer.entered;
    const rowsOf = async (jobId: string) => test.storage.bulkJobs.listRows({ jobId });
    expect((await rowsOf(second.id)).map((row) => row.lockedBy)).toEqual([
      'stopping',
      'stopping',
      'stopping',
    ]);
    const stopped = stopping.stop();

    // While the first job is still in flight, another worker takes the second job's rows: no lease to wait out.
    let taken = 0;
    for (let tries = 0; taken === 0 && tries < 200; tries++) {
      taken = await test.platform.bulk.processRows({ workerId: 'other', batchSize: 10 });
      if (taken === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(taken).toBe(3);
    expect(await test.platform.bulk.get(ADMIN, second.id)).toMatchObject({ state: 'completed', done: 3 });
    // Released as never started: the attempt made by the stopping worker is not counted against them.
    expect((await rowsOf(second.id)).map((row) => row.attempts)).toEqual([1, 1, 1]);

    signer.release();
    await stopped;
    expect(await test.platform.bulk.get(ADMIN, first.id)).toMatchObject({ state: 'completed', done: 2 });

    // A worker started afterwards (the restarted process) finds nothing left, and no row has two credentials.
    const restarted = startBulkWorker({ platform: test.platform, workerId: 'restarted', pollMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await restarted.stop();
    const perRow = await credentialsPerRow([first.id, second.id]);
    expect(Object.keys(perRow)).toHaveLength(5);
    expect(Object.values(perRow).every((count) => count === 1)).toBe(true);
  });
});
