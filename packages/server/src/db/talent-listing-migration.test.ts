import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgStorage } from './create-pg-storage.js';
import { migrationsUpTo } from './migrations-up-to.test-support.js';
import { openTestDatabase, testDrivers } from './open-test-database.js';
import { runMigrations } from './run-migrations.js';

const SQL_SKILL = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742';
const CHART_SKILL = 'http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389';

describe.each(testDrivers())('migration 0009_workforce_roles_listing on %s', (driver) => {
  let before: string;
  beforeAll(async () => {
    before = await migrationsUpTo('0008_employers_talent');
  });
  afterAll(async () => {
    if (before !== undefined) await rm(before, { recursive: true, force: true });
  });

  it('lists the evidence of consents given before the listing existed, as each consent shows it', async () => {
    const database = await openTestDatabase({ driver, migrate: false });
    try {
      await runMigrations(database, { migrationsFolder: before });
      const earner = randomUUID();
      const employer = randomUUID();
      const [sqlCredential, chartCredential] = [randomUUID(), randomUUID()];
      await database.db.execute(sql`insert into earners (id, display_name) values (${earner}, 'Old Earner')`);
      await database.db.execute(
        sql`insert into employers (id, slug, name) values (${employer}, 'old-employer', 'Old Employer')`,
      );
      for (const [skill, credential] of [
        [SQL_SKILL, sqlCredential],
        [CHART_SKILL, chartCredential],
      ] as const) {
        await database.db.execute(sql`
          insert into talent_evidence (earner_id, skill_uri, credential_kind, credential_id, achievement_name,
            issuer_name, issuer_vetted, issued_at)
          values (${earner}, ${skill}, 'issued', ${credential}, 'Course', 'Old College', true, now())`);
      }
      // The directory sees everything; the employer (whose consent replaces it) only the SQL credential.
      await database.db.execute(sql`
        insert into talent_consents (earner_id, employer_id, show_name, show_contact, credential_ids)
        values (${earner}, null, true, false, null),
               (${earner}, ${employer}, true, false, array[${sqlCredential}]::uuid[])`);
      await runMigrations(database);
      const storage = createPgStorage({ db: database.db });
      const search = (audience: Parameters<typeof storage.talent.search>[0]['audience'], uri: string) =>
        storage.talent.search({
          audience,
          skills: [{ uri, weight: 2 }],
          now: new Date(),
          limit: 20,
          offset: 0,
        });
      expect((await search({ kind: 'directory' }, CHART_SKILL)).total).toBe(1);
      expect((await search({ kind: 'employer', employerId: employer }, SQL_SKILL)).total).toBe(1);
      expect((await search({ kind: 'employer', employerId: employer }, CHART_SKILL)).total).toBe(0);
      expect((await search({ kind: 'workforce', employerId: employer }, SQL_SKILL)).total).toBe(0);
    } finally {
      await database.close();
    }
  });
});
