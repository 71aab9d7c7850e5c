import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithShared } from '../../../vc/test/support/describe-with-shared.js';
import { openTestApp, type TestApp } from '../../test/support/test-app.js';
import { WebSession } from '../../test/support/web-session.js';
import { seedDemoData } from '../domain/demo/seed-demo-data.js';
import { DEFAULT_ESCO_FOLDER, readEscoFiles } from '../resources/read-esco-files.js';

const SQL = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742';

describeWithShared(join(DEFAULT_ESCO_FOLDER, 'skills.csv'), 'ESCO skills over HTTP', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    await test.platform.skills.importEsco(null, await readEscoFiles(DEFAULT_ESCO_FOLDER));
    await seedDemoData(test.platform);
  }, 120_000);
  afterAll(async () => {
    await test?.close();
  });

  it('answers GET /api/v1/skills?q=sql without a token, ESCO\'s "SQL" first, with the attribution', async () => {
    const response = await test.call('/api/v1/skills?q=sql');
    expect(response.status).toBe(200);
    expect(response.body.skills[0]).toMatchObject({ id: SQL, label: 'SQL', kind: 'knowledge' });
    expect(response.body.skills[0].page).toBe(
      'https://badges.example.edu/skills/598de5b0-5b58-4ea7-8058-a4bc4d18c742',
    );
    expect(response.body.attribution).toContain('ESCO classification of the European Commission');
    expect((await test.call('/api/v1/skills')).status).toBe(400);
  });

  it("serves a skill's public page with the demo achievement that evidences it and the occupations that need it", async () => {
    const page = await new WebSession(test).get('/skills/598de5b0-5b58-4ea7-8058-a4bc4d18c742');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>SQL</h1>');
    expect(page.text).toContain('SQL for Analysts');
    expect(page.text).toContain('data-occupations');
    expect((await new WebSession(test).get('/skills/not-a-skill')).status).toBe(404);
  });
});
