import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { WebSession } from '../../../test/support/web-session.js';
import { seedDemoData } from '../../domain/demo/seed-demo-data.js';
import { DEMO_EMPLOYER_SLUG } from '../../domain/demo/seed-demo-talent.js';

describe('the public catalogue page', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    await seedDemoData(test.platform);
  });
  afterAll(async () => {
    await test?.close();
  });

  it('lists every published achievement with its issuer, and finds "SQL for Analysts" by a word', async () => {
    const browser = new WebSession(test);
    const all = await browser.get('/achievements');
    expect(all.status).toBe(200);
    expect(all.text).toContain('data-total="5"');
    expect(all.text).toContain('Demo University');
    const found = await browser.get('/achievements?q=sql&level=&deliveryMode=');
    expect(found.text).toContain('data-total="1"');
    expect(found.text).toContain('SQL for Analysts');
    expect(found.text).toContain('value="sql"');
  });

  it('filters by delivery mode and hours, and pages through results', async () => {
    const browser = new WebSession(test);
    const hybrid = await browser.get('/achievements?deliveryMode=hybrid');
    expect(hybrid.text).toContain('data-total="1"');
    const paged = await browser.get('/achievements?issuer=demo-university&limit=2');
    expect(paged.status).toBe(200);
    const none = await browser.get('/achievements?q=underwater+basket+weaving');
    expect(none.text).toContain('data-total="0"');
    expect(none.text).toContain('Nothing matches');
  });

  it('says on each card who endorses it, linked to the endorsement, and filters by endorser', async () => {
    const browser = new WebSession(test);
    const employer = await test.platform.employers.findBySlug(DEMO_EMPLOYER_SLUG);
    const all = await browser.get('/achievements');
    const found = await test.platform.achievements.searchCatalog({ q: 'SQL for Analysts', limit: 5 });
    const sqlId = found.entries.find((entry) => entry.achievement.name === 'SQL for Analysts')?.achievement
      .id;
    const [endorsement] = await test.platform.endorsements.list({ achievementId: sqlId ?? '' });
    expect(endorsement?.endorser.name).toBe('Demo Employer');
    const card = new RegExp(
      `data-achievement="${sqlId}"[\\s\\S]*?<ul class="endorsed-by" data-endorsed="true"><li><a href="/endorsements/${endorsement?.id}">Endorsed by Demo Employer</a>`,
    );
    expect(all.text).toMatch(card);
    expect(all.text.match(/data-endorsed="true"/g)).toHaveLength(1);

    const endorsed = await browser.get(`/achievements?endorsedBy=${employer?.id}`);
    expect(endorsed.status).toBe(200);
    expect(endorsed.text).toContain('data-total="1"');
    expect(endorsed.text).toMatch(card);
    expect(endorsed.text).toContain('Only what Demo Employer endorses.');
    expect(endorsed.text).toContain(`<input type="hidden" name="endorsedBy" value="${employer?.id}"/>`);
    expect(endorsed.text).toContain('href="/achievements">Show every achievement</a>');
    const nobody = await browser.get('/achievements?endorsedBy=00000000-0000-4000-8000-000000000000');
    expect(nobody.text).toContain('data-total="0"');
    expect(nobody.text).toContain('Only what the chosen organisation endorses.');
    expect((await browser.get('/achievements?endorsedBy=not-an-id')).status).toBe(400);
  });

  it('says on an achievement page how to earn it and which pathways it counts towards', async () => {
    const browser = new WebSession(test);
    const list = await browser.get('/achievements?q=sql');
    const id = /data-achievement="([0-9a-f-]{36})"/.exec(list.text)?.[1];
    const page = await browser.get(`/achievements/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('How to earn it');
    expect(page.text).toContain('Demo Data Analytics Certificate');
  });
});
