import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewCredential, StatusAllocation } from '../domain/ports/index.js';
import { createPgStorage } from './create-pg-storage.js';
import { migrationsUpTo } from './migrations-up-to.test-support.js';
import { openTestDatabase, testDrivers } from './open-test-database.js';
import { runMigrations } from './run-migrations.js';

function entryAt(entries: readonly StatusAllocation[], index: number): StatusAllocation {
  const entry = entries[index];
  if (entry === undefined) throw new Error('too few status entries');
  return entry;
}

describe.each(testDrivers())('migration 0004_bulk_row_outcomes on %s', (driver) => {
  let before: string;
  beforeAll(async () => {
    before = await migrationsUpTo('0003_rate_limits');
  });
  afterAll(async () => {
    if (before !== undefined) await rm(before, { recursive: true, force: true });
  });

  it('moves the bookkeeping kept in JSON into columns, and the old job finishes as before', async () => {
    const database = await openTestDatabase({ driver, migrate: false });
    try {
      await runMigrations(database, { migrationsFolder: before });
      const storage = createPgStorage({ db: database.db });
      const issuer = { id: randomUUID() };
      await database.db.execute(
        sql`insert into issuers (id, slug, name) values (${issuer.id}, ${`old-${issuer.id.slice(0, 8)}`}, 'Old')`,
      );
      // Rows of tables that later migrations change are written as SQL of the old schema: today's
      // repositories write columns it does not have yet.
      const achievement = { id: randomUUID() };
      await database.db.execute(
        sql`insert into achievements (id, issuer_id, document, name)
            values (${achievement.id}, ${issuer.id}, ${JSON.stringify({ type: ['Achievement'], name: 'Data Literacy' })}::jsonb, 'Data Literacy')`,
      );
      const entries = await storage.statusLists.allocate({
        issuerId: issuer.id,
        purpose: 'revocation',
        count: 4,
      });
      const heldEntry = entryAt(entries, 0);
      const row1Entry = entryAt(entries, 1);
      const row2Entry = entryAt(entries, 2);
      const row5Entry = entryAt(entries, 3);
      const credential = (entry: StatusAllocation, extra: Partial<NewCredential> = {}): NewCredential => ({
        id: randomUUID(),
        issuerId: issuer.id,
        achievementId: achievement.id,
        format: 'di',
        document: { type: ['VerifiableCredential', 'OpenBadgeCredential'] },
        issuedAt: new Date('2025-01-01T00:00:00Z'),
        statusListId: entry.statusListId,
        statusIndex: entry.index,
        ...extra,
      });
      const insertOldCredential = async (entry: StatusAllocation, bulk?: { jobId: string; row: number }) => {
        const id = randomUUID();
        await database.db.execute(
          sql`insert into credentials (id, issuer_id, achievement_id, format, document, issued_at, status_list_id, status_index, bulk_job_id, bulk_row)
              values (${id}, ${issuer.id}, ${achievement.id}, 'di', ${JSON.stringify({ type: ['VerifiableCredential', 'OpenBadgeCredential'] })}::jsonb,
                      ${'2025-01-01T00:00:00Z'}, ${entry.statusListId}, ${entry.index}, ${bulk?.jobId ?? null}, ${bulk?.row ?? null})`,
        );
        return { id };
      };
      const held = await insertOldCredential(heldEntry);

      // A job as the JSON bookkeeping left it: row 1 issued, row 2 skipped as already holding `held`,
      // row 3 naming row 1's recipient again, row 4 invalid, row 5 taken by a worker that then crashed.
      const jobId = randomUUID();
      const options = { credentialFormat: 'di', allowDuplicates: false, requestedBy: 'admin' };
      await database.db.execute(
        sql`insert into bulk_jobs (id, issuer_id, achievement_id, state, total, done, failed, options, started_at)
            values (${jobId}, ${issuer.id}, ${achievement.id}, 'running', 5, 1, 3,
                    ${JSON.stringify({ ...options, $duplicates: 2 })}::jsonb, now())`,
      );
      const issued = await insertOldCredential(row1Entry, { jobId, row: 1 });
      const recipient = (email: string) => ({ recipient: { email } });
      const rows = [
        [1, { ...recipient('ann@example.org'), $bulk: { statusEntry: row1Entry } }, 'done', null, issued.id],
        [
          2,
          { ...recipient('bob@example.org'), $bulk: { statusEntry: row2Entry } },
          'failed',
          'duplicate',
          held.id,
        ],
        [3, { ...recipient('ANN@example.org'), $bulk: { duplicateOfRow: 1 } }, 'failed', 'duplicate', null],
        [4, {}, 'failed', 'invalid email', null],
      ] as const;
      for (const [rowNumber, input, state, error, credentialId] of rows) {
        await database.db.execute(
          sql`insert into bulk_job_rows (job_id, row_number, input, state, attempts, error, credential_id)
              values (${jobId}, ${rowNumber}, ${JSON.stringify(input)}::jsonb, ${state}, 1, ${error}, ${credentialId})`,
        );
      }
      await database.db.execute(
        sql`insert into bulk_job_rows (job_id, row_number, input, state, attempts, locked_by, locked_until)
            values (${jobId}, 5, ${JSON.stringify({ ...recipient('cat@example.org'), $bulk: { statusEntry: row5Entry } })}::jsonb,
                    'running', 1, 'crashed', now() - interval '1 minute')`,
      );

      await runMigrations(database);

      const job = await storage.bulkJobs.findById({ id: jobId });
      expect(job).toMatchObject({ state: 'running', total: 5, done: 1, failed: 1, duplicates: 2 });
      expect(job?.options).toEqual(options);
      const migrated = await storage.bulkJobs.listRows({ jobId });
      expect(
        migrated.map(
          ({ rowNumber, input, state, error, credentialId, duplicateOf, duplicateOfRow, statusEntry }) => ({
            rowNumber,
            input,
            state,
            error,
            credentialId,
            duplicateOf,
            duplicateOfRow,
            statusEntry,
          }),
        ),
      ).toEqual([
        {
          rowNumber: 1,
          input: recipient('ann@example.org'),
          state: 'done',
          error: null,
          credentialId: issued.id,
          duplicateOf: null,
          duplicateOfRow: null,
          statusEntry: row1Entry,
        },
        {
          rowNumber: 2,
          input: recipient('bob@example.org'),
          state: 'duplicate',
          error: null,
          credentialId: null,
          duplicateOf: held.id,
          duplicateOfRow: null,
          statusEntry: row2Entry,
        },
        {
          rowNumber: 3,
          input: recipient('ANN@example.org'),
          state: 'duplicate',
          error: null,
          credentialId: null,
          duplicateOf: null,
          duplicateOfRow: 1,
          statusEntry: null,
        },
        {
          rowNumber: 4,
          input: {},
          state: 'failed',
          error: 'invalid email',
          credentialId: null,
          duplicateOf: null,
          duplicateOfRow: null,
          statusEntry: null,
        },
        {
          rowNumber: 5,
          input: recipient('cat@example.org'),
          state: 'running',
          error: null,
          credentialId: null,
          duplicateOf: null,
          duplicateOfRow: null,
          statusEntry: row5Entry,
        },
      ]);

      // The crashed worker's row is taken up again with the entry it reserved, and the job completes.
      const [retried, ...others] = await storage.bulkJobs.claimRows({
        workerId: 'after-upgrade',
        jobId,
        limit: 10,
        leaseMs: 60_000,
      });
      expect(others).toEqual([]);
      expect(retried).toMatchObject({ rowNumber: 5, attempts: 2, statusEntry: row5Entry });
      const row5 = (await storage.credentials.insert(credential(row5Entry, { bulkJobId: jobId, bulkRow: 5 })))
        .credential;
      expect(
        await storage.bulkJobs.recordResults({
          jobId,
          workerId: 'after-upgrade',
          results: [{ rowNumber: 5, credentialId: row5.id }],
        }),
      ).toMatchObject({ state: 'completed', done: 2, failed: 1, duplicates: 2 });
    } finally {
      await database.close();
    }
  });
});
