import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';

describe('accepting a credential: waiting apart, then a moment to share it', () => {
  let test: TestApp;
  let achievementId = '';

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    achievementId = (await seedIssuer(test.platform)).achievement.id;
  });
  afterAll(async () => {
    await test?.close();
  });

  it('lists a credential not yet accepted apart from the others, and accepting it lands on the celebration', async () => {
    const browser = new WebSession(test);
    await browser.signIn('waiting@example.org');
    const { record } = await test.platform.credentials.issue(ADMIN, {
      achievementId,
      recipient: { email: 'waiting@example.org' },
    });
    const account = await browser.get('/account');
    const waiting = account.text.slice(account.text.indexOf('id="pending-heading"'));
    expect(waiting).toContain('Waiting for your answer');
    expect(waiting.slice(0, waiting.indexOf('id="mine-heading"'))).toContain(
      `data-credential="${record.id}"`,
    );

    const accepted = await browser.post(`/account/credentials/${record.id}`, {
      choice: 'accepted',
      visibility: 'public',
    });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`/account/credentials/${record.id}/accepted`);
    const page = await browser.get(`/account/credentials/${record.id}/accepted`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Congratulations!');
    expect(page.text).toContain('You earned “Data Cleaning”');
    expect(page.text).toContain('https://www.linkedin.com/profile/add?');
    expect(page.text).toContain(`${test.platform.publicUrl}/credentials/${record.id}`);

    const after = await browser.get('/account');
    expect(after.text).not.toContain('id="pending-heading"');
    expect(after.text).toContain(`data-credential="${record.id}"`);
  });

  it('lands on the celebration from the claim mail too, and offers a private one to be made public', async () => {
    const { record } = await test.platform.credentials.issue(ADMIN, {
      achievementId,
      recipient: { email: 'claimer@example.org' },
    });
    const mail = (await test.platform.mail.list(500)).find(
      (item) => item.toAddress === 'claimer@example.org',
    );
    const claimPath = /https?:\/\/[^/\s]+(\/claim\/[A-Za-z0-9_-]{43})/.exec(mail?.textBody ?? '')?.[1] ?? '';
    const browser = new WebSession(test);
    await browser.get(claimPath);
    const accepted = await browser.post(`${claimPath}/accept`, {});
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`/account/credentials/${record.id}/accepted`);
    expect((await browser.get(`/account/credentials/${record.id}/accepted`)).text).toContain(
      'Congratulations!',
    );

    await browser.post(`/account/credentials/${record.id}`, { visibility: 'private' });
    const privatePage = await browser.get(`/account/credentials/${record.id}/accepted`);
    expect(privatePage.text).toContain('It is private: only you see it.');
    expect(privatePage.text).not.toContain('linkedin.com/profile/add');
    // Nobody else reaches it.
    expect((await new WebSession(test).get(`/account/credentials/${record.id}/accepted`)).status).not.toBe(
      200,
    );
  });
});
