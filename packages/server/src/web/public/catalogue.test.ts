import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { WebSession } from '../../../test/support/web-session.js';
import { seedDemoData } from '../../domain/demo/seed-demo-data.js';

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
