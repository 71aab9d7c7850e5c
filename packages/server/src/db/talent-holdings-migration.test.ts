import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TalentQuery } from '../domain/ports/talent-repository.js';
import { createPgStorage } from './create-pg-storage.js';
import { migrationsUpTo } from './migrations-up-to.test-support.js';
import { openTestDatabase, testDrivers } from './open-test-database.js';
import { runMigrations } from './run-migrations.js';

const SQL_SKILL = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742';
const CHART_SKILL = 'http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389';

describe.each(testDrivers())('migration 0012_talent_holdings on %s', (driver) => {
  let before: string;
  beforeAll(async () => {
    before = await migrationsUpTo('0011_endorsement_requests');
  });
  afterAll(async () => {
    if (before !== undefined) await rm(before, { recursive: true, force: true });
  });

  it('condenses the listing as it stood, so that searches rank as before at any time', async () => {
    const database = await openTestDatabase({ driver, migrate: false });
    try {
      await runMigrations(database, { migrationsFolder: before });
      const employer = randomUUID();
      await database.db.execute(
        sql`insert into employers (id, slug, name) values (${employer}, 'old-employer', 'Old Employer')`,
      );
      // Two earners: one whose SQL credentials expire one after the other, one with a lasting chart.
      const [ana, ben] = [randomUUID(), randomUUID()];
      const rows: [string, string | null, string, string, string | null][] = [
        [ana, null, SQL_SKILL, '2024-06-01', '2025-01-01'],
        [ana, null, SQL_SKILL, '2024-03-01', '2026-01-01'],
        [ana, null, SQL_SKILL, '2023-01-01', null],
        [ana, employer, SQL_SKILL, '2024-03-01', '2026-01-01'],
        [ben, null, CHART_SKILL, '2023-05-01', null],
        [ben, null, SQL_SKILL, '2022-05-01', '2024-05-01'],
      ];
      for (const earner of [ana, ben]) {
        await database.db.execute(sql`insert into earners (id, display_name) values (${earner}, 'Old')`);
      }
      for (const [earner, employerId, skill, issued, until] of rows) {
        await database.db.execute(sql`
          insert into talent_listing (earner_id, employer_id, workforce, skill_uri, credential_id, issued_at,
            valid_until, issuer_name)
          values (${earner}, ${employerId}, false, ${skill}, ${randomUUID()}, ${issued}, ${until}, 'Old College')`);
      }
      await runMigrations(database);
      const storage = createPgStorage({ db: database.db });
      for (const audience of [{ kind: 'directory' }, { kind: 'employer', employerId: employer }] as const) {
        for (const now of ['2024-07-01', '2025-06-01', '2026-06-01']) {
          const query: TalentQuery = {
            audience,
            skills: [
              { uri: SQL_SKILL, weight: 2 },
              { uri: CHART_SKILL, weight: 1 },
            ],
            now: new Date(now),
            limit: 20,
            offset: 0,
          };
          const page = await storage.talent.search(query);
          // The search over every listed credential (any issuer) is the reference.
          expect(page.matches.map((match) => [match.score, match.latestIssuedAt])).toEqual(
            (await storage.talent.search({ ...query, issuer: '' })).matches.map((match) => [
              match.score,
              match.latestIssuedAt,
            ]),
          );
          if (audience.kind === 'directory' && now === '2025-06-01') {
            expect(page.matches.map((match) => [match.earnerId, match.latestIssuedAt])).toEqual([
              [ana, new Date('2024-03-01')],
              [ben, new Date('2023-05-01')],
            ]);
          }
        }
      }
    } finally {
      await database.close();
    }
  });
});
