import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  openTestPlatform,
  seedIssuer,
  type TestPlatform,
} from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import { type CredentialSigner, inProcessSigner } from '../credential/credential-signer.js';
import { recipientLookupHash } from '../credential/recipient-lookup-hash.js';

const MONTH_MS = 31 * 24 * 60 * 60 * 1000;

/**
 * Signs like the in-process signer, but holds every batch until `parties` batches are waiting: two
 * workers then both pass the duplicate check done before signing, and only the check made while
 * storing can keep them from issuing twice.
 */
function barrierSigner(parties: number): CredentialSigner & { arm(): void } {
  let armed = false;
  let waiting: (() => void)[] = [];
  return {
    sign: inProcessSigner.sign,
    async signMany(requests) {
      if (armed) {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length === parties) {
            for (const release of waiting) release();
            waiting = [];
            armed = false;
          }
        });
      }
      return inProcessSigner.signMany(requests);
    },
    arm() {
      armed = true;
    },
  };
}

describe.each(testDrivers())('bulk duplicates on %s', (driver) => {
  let test: TestPlatform;
  let clock = new Date();
  const signer = barrierSigner(2);
  beforeAll(async () => {
    test = await openTestPlatform(driver, { now: () => clock, signer });
  });
  afterAll(async () => {
    await test?.close();
  });

  async function run(
    achievementId: string,
    text: string,
    options: { allowDuplicates?: boolean; format?: 'csv' | 'jsonl' } = {},
  ) {
    const job = await test.platform.bulk.create(ADMIN, { achievementId, text, ...options });
    while ((await test.platform.bulk.processRows({ workerId: 'w', jobId: job.id })) > 0) {
      // drain
    }
    return test.platform.bulk.get(ADMIN, job.id);
  }

  const issuedOf = (achievementId: string) =>
    test.platform.context.storage.credentials.list({ achievementId, limit: 500 });

  async function doneRows(jobId: string) {
    const rows = await test.platform.context.storage.bulkJobs.listRows({ jobId, state: 'done' });
    return new Map(rows.map((row) => [row.rowNumber, row.credentialId]));
  }

  const COHORT = 'email,name\nann@example.org,Ann\nbob@example.org,Bob\ncat@example.org,Cat\n';

  it('skips, as duplicates, the rows of a CSV uploaded a second time', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const first = await run(achievement.id, COHORT);
    expect(first).toMatchObject({ state: 'completed', done: 3, failed: 0, duplicates: 0 });
    const second = await run(achievement.id, COHORT.replace('ann@', 'ANN@'));
    expect(second).toMatchObject({ state: 'completed', total: 3, done: 0, failed: 0, duplicates: 3 });
    const issued = await issuedOf(achievement.id);
    expect(issued).toHaveLength(3);
    const errors = await test.platform.bulk.errors(ADMIN, second.id);
    const firstRows = await doneRows(first.id);
    expect(errors).toEqual(
      [1, 2, 3].map((row) => ({
        row,
        reason: 'duplicate',
        error: 'the recipient already holds a valid credential of this achievement',
        credentialId: firstRows.get(row),
      })),
    );
  });

  it('matches DID recipients too', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const text = '{"did":"did:example:learner-1"}\n{"did":"did:example:learner-2"}\n';
    expect(await run(achievement.id, text, { format: 'jsonl' })).toMatchObject({ done: 2 });
    expect(
      await run(achievement.id, '{"did":"did:example:learner-2"}\n{"did":"did:example:learner-3"}\n', {
        format: 'jsonl',
      }),
    ).toMatchObject({ state: 'completed', done: 1, duplicates: 1 });
    expect(await issuedOf(achievement.id)).toHaveLength(3);
  });

  it('counts a credential issued one by one, found through the lookup hash', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const single = await test.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'Bob@Example.org' },
    });
    expect(single.record.recipientLookupHash).toBe(
      recipientLookupHash(test.platform.context.recipientPepper, 'bob@example.org'),
    );
    const job = await run(achievement.id, COHORT);
    expect(job).toMatchObject({ done: 2, duplicates: 1 });
    expect(await test.platform.bulk.errors(ADMIN, job.id)).toEqual([
      expect.objectContaining({ row: 2, reason: 'duplicate', credentialId: single.record.id }),
    ]);
  });

  it('issues again with allowDuplicates', async () => {
    const { achievement } = await seedIssuer(test.platform);
    await run(achievement.id, COHORT);
    expect(await run(achievement.id, COHORT, { allowDuplicates: true })).toMatchObject({
      state: 'completed',
      done: 3,
      duplicates: 0,
    });
    expect(await issuedOf(achievement.id)).toHaveLength(6);
  });

  it('does not count a revoked or an expired credential as a duplicate', async () => {
    const { achievement } = await seedIssuer(test.platform);
    await run(achievement.id, COHORT);
    const [revoked] = await test.platform.context.storage.credentials.list({
      achievementId: achievement.id,
      recipientLookupHash: recipientLookupHash(test.platform.context.recipientPepper, 'ann@example.org'),
    });
    await test.platform.credentials.revoke(ADMIN, revoked?.id ?? '', { reason: 'issued in error' });
    expect(await run(achievement.id, COHORT)).toMatchObject({ done: 1, duplicates: 2 });
    // The seeded achievement is valid for 36 months: 37 months on, every credential of it has expired.
    const saved = clock;
    clock = new Date(saved.getTime() + 37 * MONTH_MS);
    try {
      expect(await run(achievement.id, COHORT)).toMatchObject({ done: 3, duplicates: 0 });
    } finally {
      clock = saved;
    }
    expect(await issuedOf(achievement.id)).toHaveLength(7);
  });

  it('issues a recipient named twice in one upload once, reporting the later row as a duplicate', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const text = 'email\nann@example.org\nbob@example.org\nAnn@example.org\n';
    const job = await test.platform.bulk.create(ADMIN, { achievementId: achievement.id, text });
    expect(job).toMatchObject({ total: 3, failed: 0, duplicates: 1 });
    while ((await test.platform.bulk.processRows({ workerId: 'w', jobId: job.id })) > 0);
    expect(await test.platform.bulk.get(ADMIN, job.id)).toMatchObject({
      state: 'completed',
      done: 2,
      failed: 0,
      duplicates: 1,
    });
    expect(await test.platform.bulk.errors(ADMIN, job.id)).toEqual([
      {
        row: 3,
        reason: 'duplicate',
        error: expect.stringContaining('the same recipient as row 1'),
      },
    ]);
    expect(await issuedOf(achievement.id)).toHaveLength(2);
    const other = await seedIssuer(test.platform);
    expect(await run(other.achievement.id, text, { allowDuplicates: true })).toMatchObject({
      done: 3,
      duplicates: 0,
    });
  });

  it('returns the existing credential for a row replaying an idempotency key, and refuses one used for someone else', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const text = 'email,idempotency_key\nann@example.org,enrol-1\nbob@example.org,enrol-2\n';
    const first = await run(achievement.id, text);
    const replay = await run(achievement.id, text, { allowDuplicates: true });
    expect(replay).toMatchObject({ state: 'completed', done: 2, failed: 0, duplicates: 0 });
    expect(await doneRows(replay.id)).toEqual(await doneRows(first.id));
    expect(await issuedOf(achievement.id)).toHaveLength(2);

    const stolen = await run(achievement.id, 'email,idempotency_key\ncat@example.org,enrol-1\n');
    expect(stolen).toMatchObject({ done: 0, failed: 1 });
    expect(await test.platform.bulk.errors(ADMIN, stolen.id)).toEqual([
      { row: 1, reason: 'failed', error: 'this idempotency key was already used for another credential' },
    ]);
    expect(await issuedOf(achievement.id)).toHaveLength(2);
  });

  it('issues once when two jobs with the same recipients are processed at the same time by two workers', async () => {
    const { achievement } = await seedIssuer(test.platform);
    const a = await test.platform.bulk.create(ADMIN, { achievementId: achievement.id, text: COHORT });
    const b = await test.platform.bulk.create(ADMIN, { achievementId: achievement.id, text: COHORT });
    // Both workers hold their batch at the signer until the other has passed the check before signing.
    signer.arm();
    await Promise.all([
      test.platform.bulk.processRows({ workerId: 'a', jobId: a.id }),
      test.platform.bulk.processRows({ workerId: 'b', jobId: b.id }),
    ]);
    const jobs = [await test.platform.bulk.get(ADMIN, a.id), await test.platform.bulk.get(ADMIN, b.id)];
    expect(jobs.map((job) => job.state)).toEqual(['completed', 'completed']);
    expect(jobs.reduce((sum, job) => sum + job.done, 0)).toBe(3);
    expect(jobs.reduce((sum, job) => sum + job.duplicates, 0)).toBe(3);
    const issued = await issuedOf(achievement.id);
    expect(issued).toHaveLength(3);
    expect(new Set(issued.map((credential) => credential.recipientLookupHash)).size).toBe(3);
  });
});
