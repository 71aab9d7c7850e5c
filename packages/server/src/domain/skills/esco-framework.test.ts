import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithShared } from '../../../../vc/test/support/describe-with-shared.js';
import { ADMIN, openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import { DEFAULT_ESCO_FOLDER, readEscoFiles } from '../../resources/read-esco-files.js';

const SQL = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742';
const DATA_ANALYST = 'http://data.europa.eu/esco/occupation/d3edb8f8-3a06-47a0-8fb9-9b212c006aa2';

/** Data rows of a CSV file, counted by the csv module's own rule (quoted fields may hold line breaks). */
function dataRows(file: string): number {
  const text = readFileSync(join(DEFAULT_ESCO_FOLDER, file), 'utf8');
  let rows = 0;
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (character === '\n' && !quoted) rows += 1;
  }
  return rows - 1;
}

describeWithShared(join(DEFAULT_ESCO_FOLDER, 'skills.csv'), 'the ESCO skills framework', () => {
  for (const driver of testDrivers()) {
    describe(`on ${driver}`, () => {
      let test: TestPlatform;
      beforeAll(async () => {
        test = await openTestPlatform(driver);
      });
      afterAll(async () => {
        await test?.close();
      });

      it('imports every skill, group, occupation and relation of the files, and again to the same rows', async () => {
        const files = await readEscoFiles(DEFAULT_ESCO_FOLDER);
        const first = await test.platform.skills.importEsco(null, files);
        expect(first).toMatchObject({
          id: 'esco',
          skills: dataRows('skills.csv'),
          occupations: dataRows('occupations.csv'),
          relations: dataRows('occupation_skills.csv'),
        });
        expect(first.attribution).toContain(
          'This service uses the ESCO classification of the European Commission.',
        );
        const count = async (table: string) =>
          Number(
            (
              (await test.database.db.execute(`select count(*) as n from ${table}`)) as unknown as {
                rows: { n: string }[];
              }
            ).rows[0]?.n,
          );
        const before = {
          concepts: await count('skill_concepts'),
          occupations: await count('occupations'),
          relations: await count('occupation_skills'),
        };
        expect(before).toEqual({
          concepts: dataRows('skills.csv') + dataRows('skill_groups.csv'),
          occupations: dataRows('occupations.csv'),
          relations: dataRows('occupation_skills.csv'),
        });
        const second = await test.platform.skills.importEsco(null, files);
        expect({ ...second, importedAt: undefined }).toEqual({ ...first, importedAt: undefined });
        expect({
          concepts: await count('skill_concepts'),
          occupations: await count('occupations'),
          relations: await count('occupation_skills'),
        }).toEqual(before);
      }, 120_000);

      it('finds "SQL" first for the word sql, and shows who needs it', async () => {
        const found = await test.platform.skills.search({ q: 'sql' });
        expect(found[0]).toMatchObject({ uri: SQL, label: 'SQL', kind: 'knowledge' });
        expect(found.every((skill) => skill.kind !== 'group')).toBe(true);
        const view = await test.platform.skills.view(SQL);
        expect(view.occupations.length).toBeGreaterThan(0);
        const relations = view.occupations.map((occupation) => occupation.relation);
        // Essential first: the occupations that cannot do without it.
        expect(relations).toEqual([...relations].sort((a, b) => (a === b ? 0 : a === 'essential' ? -1 : 1)));
        expect(view.framework?.id).toBe('esco');
      });

      it('finds the occupation "data analyst" first for its label, and lists its skills essential first', async () => {
        const found = await test.platform.skills.searchOccupations({ q: 'Data Analyst' });
        expect(found[0]).toMatchObject({ uri: DATA_ANALYST, label: 'data analyst' });
        expect(found.length).toBeLessThanOrEqual(20);
        const byAltLabel = await test.platform.skills.searchOccupations({ q: 'data warehouse analyst' });
        expect(byAltLabel.map((occupation) => occupation.uri)).toContain(DATA_ANALYST);
        expect(await test.platform.skills.searchOccupations({ q: '100%_' })).toEqual([]);
        const skills = await test.storage.skills.listOccupationSkills({ occupationUri: DATA_ANALYST });
        expect(skills.length).toBeGreaterThan(5);
        const relations = skills.map((skill) => skill.relation);
        expect(relations).toEqual([...relations].sort((a, b) => (a === b ? 0 : a === 'essential' ? -1 : 1)));
        expect(await test.storage.skills.findOccupation({ uri: `${DATA_ANALYST}-nope` })).toBeNull();
      });

      it('aligns free-text skills to ESCO where exactly one concept has that label, and leaves the rest as text', async () => {
        const issuer = await test.platform.issuers.create(ADMIN, {
          slug: 'align-college',
          name: 'Align College',
        });
        const achievement = await test.platform.achievements.create(ADMIN, {
          issuerId: issuer.id,
          name: 'Querying data',
          description: 'Writes queries.',
          criteria: { narrative: 'Pass.' },
          skills: [
            { name: 'sql' },
            { name: 'Underwater basket weaving' },
            { name: 'Statistics', url: 'https://example.org/stats' },
          ],
        });
        const report = await test.platform.skills.alignFreeText(ADMIN);
        expect(report).toMatchObject({ achievements: 1, skills: 1 });
        const aligned = await test.platform.achievements.get(ADMIN, achievement.id);
        expect(aligned.skills).toEqual([
          { name: 'sql', url: SQL, framework: 'ESCO' },
          { name: 'Underwater basket weaving' },
          { name: 'Statistics', url: 'https://example.org/stats' },
        ]);
        expect(
          (aligned.document.alignment as { targetUrl: string }[]).map((item) => item.targetUrl),
        ).toContain(SQL);
        // Nothing left to align: a second pass changes nothing.
        expect(await test.platform.skills.alignFreeText(ADMIN)).toMatchObject({ achievements: 0, skills: 0 });
      });

      it('answers NOT_FOUND for a skill the framework does not have', async () => {
        await expect(
          test.platform.skills.view('http://data.europa.eu/esco/skill/nope'),
        ).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
      });
    });
  }
});
