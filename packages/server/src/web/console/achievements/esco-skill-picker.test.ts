import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithShared } from '../../../../../vc/test/support/describe-with-shared.js';
import { openTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { ADMIN } from '../../../../test/support/test-platform.js';
import { WebSession } from '../../../../test/support/web-session.js';
import { DEMO_ISSUER_OWNER_EMAIL, seedDemoData } from '../../../domain/demo/seed-demo-data.js';
import { DEFAULT_ESCO_FOLDER, readEscoFiles } from '../../../resources/read-esco-files.js';

const BASE = '/console/demo-university/achievements';
const SQL = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742';
const UNKNOWN = 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000000';

function achievementForm(overrides: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    name: 'Database Querying',
    description: 'Answers business questions with queries.',
    narrative: 'Pass the query test.',
    achievementType: 'MicroCredential',
    'skill-name-0': 'Reading query plans',
    'skill-url-0': '',
    imageSource: 'keep',
    status: 'draft',
    skillQuery: '',
    intent: 'save',
    ...overrides,
  };
}

/** The value of the input with this id, as the page renders it. */
function inputValue(html: string, id: string): string | undefined {
  return new RegExp(`<input[^>]*id="${id}"[^>]*value="([^"]*)"`).exec(html)?.[1];
}

describeWithShared(
  join(DEFAULT_ESCO_FOLDER, 'skills.csv'),
  'the ESCO skill picker of the achievement designer',
  () => {
    let test: TestApp;
    let owner: WebSession;
    let demoIssuerId: string;
    const names = async () =>
      (await test.platform.achievements.list(ADMIN, { issuerId: demoIssuerId })).map((a) => a.name);

    beforeAll(async () => {
      test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
      await test.platform.skills.importEsco(null, await readEscoFiles(DEFAULT_ESCO_FOLDER));
      await seedDemoData(test.platform);
      const demo = await test.platform.issuers.findBySlug('demo-university');
      if (demo === null) throw new Error('no demo issuer');
      demoIssuerId = demo.id;
      await test.platform.members.add(ADMIN, demo.id, { email: 'vera@example.org', role: 'viewer' });
      owner = new WebSession(test);
      await owner.signIn(DEMO_ISSUER_OWNER_EMAIL);
    }, 120_000);
    afterAll(async () => {
      await test?.close();
    });

    it('offers the picker, with the hooks site.js enhances and the ESCO attribution', async () => {
      const page = await owner.get(`${BASE}/new`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('data-esco-picker');
      expect(page.text).toContain('data-esco-api="/api/v1/skills"');
      expect(page.text).toContain('<label for="skill-search">Find an ESCO skill</label>');
      expect(page.text).toContain('name="intent" value="findSkill"');
      expect(page.text).toContain('id="skill-rows"');
      expect(page.text).toContain(
        'This service uses the ESCO classification of the European Commission (ESCO v1.1.1',
      );
    });

    it('lists the ESCO matches of "sql" with their kind and an Add button, saving nothing and keeping every value', async () => {
      const found = await owner.post(
        BASE,
        achievementForm({ name: 'Searched Only', skillQuery: 'sql', intent: 'findSkill' }),
      );
      expect(found.status).toBe(200);
      expect(found.text).toContain('ESCO skills matching “sql”');
      expect(found.text).toContain(`<li data-esco-uri="${SQL}"><div><strong>SQL</strong>`);
      expect(found.text).toContain('Knowledge');
      expect(found.text).toMatch(
        new RegExp(
          `<button type="submit" name="addSkill" value="${SQL}"[^>]* formnovalidate=""[^>]* aria-label="Add SQL">Add</button>`,
        ),
      );
      const matches = found.text.match(/data-esco-uri=/g) ?? [];
      expect(matches.length).toBeGreaterThan(0);
      expect(matches.length).toBeLessThanOrEqual(10);
      expect(inputValue(found.text, 'achievement-name')).toBe('Searched Only');
      expect(inputValue(found.text, 'skill-search')).toBe('sql');
      expect(inputValue(found.text, 'skill-name-0')).toBe('Reading query plans');
      expect(await names()).not.toContain('Searched Only');

      const none = await owner.post(BASE, achievementForm({ skillQuery: 'qqqzzzxxx', intent: 'findSkill' }));
      expect(none.status).toBe(200);
      expect(none.text).toContain('No ESCO skill matches “qqqzzzxxx”.');
      const empty = await owner.post(BASE, achievementForm({ skillQuery: '  ', intent: 'findSkill' }));
      expect(empty.status).toBe(400);
      expect(empty.text).toContain('href="#skill-search"');
      expect(empty.text).toContain('Type a word to look for.');
    });

    it('adds a chosen match as a row named by its ESCO label, keeping an uploaded badge', async () => {
      const badge =
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
      const added = await owner.postMultipart(BASE, {
        ...achievementForm({ name: 'Added Only', skillQuery: 'sql', imageSource: 'upload', addSkill: SQL }),
        intent: '',
        image: new File([badge], 'badge.svg', { type: 'image/svg+xml' }),
      });
      expect(added.status).toBe(200);
      expect(inputValue(added.text, 'skill-name-0')).toBe('Reading query plans');
      expect(inputValue(added.text, 'skill-name-1')).toBe('SQL');
      expect(inputValue(added.text, 'skill-url-1')).toBe(SQL);
      expect(inputValue(added.text, 'skill-name-2')).toBe('');
      // The matches are listed again to add another; the one just added is marked, not offered twice.
      expect(added.text).not.toContain(`name="addSkill" value="${SQL}"`);
      expect(added.text).toContain('<span class="esco-added">Added</span>');
      expect(added.text).toContain('name="pendingImage" value="data:image/svg+xml;base64,');
      expect(await names()).not.toContain('Added Only');

      const unknown = await owner.post(BASE, achievementForm({ addSkill: UNKNOWN, intent: '' }));
      expect(unknown.status).toBe(400);
      expect(unknown.text).toContain('This skill is not in ESCO.');
      expect(unknown.text).not.toContain(`value="${UNKNOWN}"`);
    });

    it('saves a picked skill as an OB 3.0 alignment to its ESCO URI, beside a free-text one', async () => {
      const saved = await owner.post(
        BASE,
        achievementForm({ name: 'Aligned To ESCO', 'skill-name-1': 'SQL', 'skill-url-1': SQL }),
      );
      expect(saved.status).toBe(303);
      const id = saved.headers.get('location')?.match(/achievements\/([0-9a-f-]{36})\?/)?.[1] ?? '';
      const stored = await test.platform.achievements.get(ADMIN, id);
      expect(stored.skills).toEqual([
        { name: 'Reading query plans' },
        { name: 'SQL', url: SQL, framework: 'ESCO' },
      ]);
      expect(stored.document.alignment).toEqual([
        expect.objectContaining({ targetName: 'Reading query plans' }),
        expect.objectContaining({ targetName: 'SQL', targetUrl: SQL, targetFramework: 'ESCO' }),
      ]);

      // The edit page has the picker too, and finding there changes nothing.
      const found = await owner.post(
        `${BASE}/${id}`,
        achievementForm({ name: 'Renamed By A Search', skillQuery: 'sql', intent: 'findSkill' }),
      );
      expect(found.status).toBe(200);
      expect(found.text).toContain(`data-esco-uri="${SQL}"`);
      expect((await test.platform.achievements.get(ADMIN, id)).name).toBe('Aligned To ESCO');
    });

    it('refuses an ESCO URI the framework does not have, naming it, with the values kept', async () => {
      const refused = await owner.post(
        BASE,
        achievementForm({ name: 'Mistyped Skill', 'skill-name-1': 'SQL', 'skill-url-1': UNKNOWN }),
      );
      expect(refused.status).toBe(400);
      expect(refused.text).toContain(
        `<a href="#skill-url-1">Framework page of skill 2: ${UNKNOWN} is not a skill of the imported ESCO framework</a>`,
      );
      expect(inputValue(refused.text, 'skill-url-1')).toBe(UNKNOWN);
      expect(inputValue(refused.text, 'achievement-name')).toBe('Mistyped Skill');
      expect(await names()).not.toContain('Mistyped Skill');
    });

    it('lets neither a viewer nor someone signed out use the picker', async () => {
      const viewer = new WebSession(test);
      await viewer.signIn('vera@example.org');
      expect(
        (await viewer.post(BASE, achievementForm({ skillQuery: 'sql', intent: 'findSkill' }))).status,
      ).toBe(403);
      expect((await viewer.post(BASE, achievementForm({ addSkill: SQL, intent: '' }))).status).toBe(403);
      const stranger = await new WebSession(test).post(
        BASE,
        achievementForm({ skillQuery: 'sql', intent: 'findSkill' }),
      );
      expect(stranger.status).toBe(303);
    });
  },
);
