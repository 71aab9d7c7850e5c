import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import { ServerErrorCode } from '../error/server-error.js';
import type { EscoFiles } from '../skills/parse-esco-framework.js';

const SQL = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742';
const UNKNOWN = 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000';
const MISTYPED = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c74';

const GROUP = 'http://data.europa.eu/esco/isced-f/0613';
const ANALYST = 'http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000001';

/** A framework of one skill, in ESCO's file layout (the whole one takes seconds to import). */
const ONE_SKILL: EscoFiles = {
  skills: `uri,label,type,reuseLevel,altLabels,description,broader,occupationCount\n${SQL},SQL,knowledge,cross-sector,,A query language.,${GROUP},1\n`,
  skillGroups: `uri,code,label,broader,description\n${GROUP},0613,software development,,\n`,
  occupations: `uri,label,isco,escoCode,altLabels,description\n${ANALYST},data analyst,2511,2511.3,,\n`,
  occupationSkills: `occupationUri,skillUri,relation\n${ANALYST},${SQL},essential\n`,
};

for (const driver of testDrivers()) {
  describe(`skills aligned to ESCO, on ${driver}`, () => {
    let test: TestPlatform;
    let issuerId: string;
    let earlierId: string;

    const achievement = (skills: { name: string; url?: string }[]) => ({
      issuerId,
      name: 'Querying Data',
      description: 'Writes queries that answer questions.',
      criteria: { narrative: 'Pass the test.' },
      skills,
    });

    beforeAll(async () => {
      test = await openTestPlatform(driver);
      issuerId = (await test.platform.issuers.create(ADMIN, { slug: 'esco-college', name: 'ESCO College' }))
        .id;
      earlierId = (
        await test.platform.achievements.create(ADMIN, achievement([{ name: 'Gone', url: UNKNOWN }]))
      ).id;
      await test.platform.skills.importEsco(null, ONE_SKILL);
    });
    afterAll(async () => {
      await test?.close();
    });

    it('took any ESCO URI before a framework was imported, marked as ESCO', async () => {
      const earlier = await test.platform.achievements.get(ADMIN, earlierId);
      expect(earlier.skills).toEqual([{ name: 'Gone', url: UNKNOWN, framework: 'ESCO' }]);
    });

    it('stores a known ESCO skill as an alignment to ESCO, beside a free-text skill', async () => {
      const created = await test.platform.achievements.create(
        ADMIN,
        achievement([{ name: 'SQL', url: SQL }, { name: 'Reading query plans' }]),
      );
      expect(created.skills).toEqual([
        { name: 'SQL', url: SQL, framework: 'ESCO' },
        { name: 'Reading query plans' },
      ]);
      expect(created.document.alignment).toEqual([
        expect.objectContaining({ targetName: 'SQL', targetUrl: SQL, targetFramework: 'ESCO' }),
        expect.objectContaining({ targetName: 'Reading query plans' }),
      ]);
    });

    it('refuses an ESCO URI the imported framework does not have, naming it and its row', async () => {
      const refused = test.platform.achievements.create(
        ADMIN,
        achievement([
          { name: 'SQL', url: SQL },
          { name: 'Typo', url: UNKNOWN },
        ]),
      );
      await expect(refused).rejects.toMatchObject({
        code: ServerErrorCode.VALIDATION_ERROR,
        message: expect.stringContaining(UNKNOWN),
        details: { errors: [{ path: 'skills.1.url', message: expect.stringContaining(UNKNOWN) }] },
      });
      const update = test.platform.achievements.update(ADMIN, earlierId, {
        skills: [{ name: 'Mistyped', url: MISTYPED }],
      });
      await expect(update).rejects.toMatchObject({ code: ServerErrorCode.VALIDATION_ERROR });
    });

    it('does not check again an ESCO URI the achievement already had, so other edits still work', async () => {
      const archived = await test.platform.achievements.update(ADMIN, earlierId, { status: 'archived' });
      expect(archived.status).toBe('archived');
      expect(archived.skills).toEqual([{ name: 'Gone', url: UNKNOWN, framework: 'ESCO' }]);
      const extended = await test.platform.achievements.update(ADMIN, earlierId, {
        skills: [
          { name: 'Gone', url: UNKNOWN },
          { name: 'SQL', url: SQL },
        ],
      });
      expect(extended.skills).toEqual([
        { name: 'Gone', url: UNKNOWN, framework: 'ESCO' },
        { name: 'SQL', url: SQL, framework: 'ESCO' },
      ]);
    });
  });
}
