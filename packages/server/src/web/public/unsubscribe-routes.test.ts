import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPathwayWorld, threeOfFour } from '../../../test/support/pathway-fixtures.js';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';
import { testDrivers } from '../../db/open-test-database.js';

const HTML = 'text/html,application/xhtml+xml';

describe.each(testDrivers())('notification settings and unsubscribe links on %s', (driver) => {
  let test: TestApp;
  let world: Awaited<ReturnType<typeof seedPathwayWorld>>;

  beforeAll(async () => {
    test = await openTestApp(driver, { web: { secureCookies: false, devMailbox: true } });
    world = await seedPathwayWorld(test.platform);
    await test.platform.pathways.create(ADMIN, threeOfFour(world));
  });
  afterAll(async () => {
    await test?.close();
  });

  /** A signed-in earner with a progress notice in the outbox; its unsubscribe path. */
  async function earnerWithNotice(email: string) {
    const browser = new WebSession(test);
    await browser.signIn(email);
    await test.platform.credentials.issue(ADMIN, { achievementId: world.parts[0].id, recipient: { email } });
    const mail = (await test.platform.mail.list(500)).find(
      (item) => item.toAddress === email && /of the way/.test(item.subject),
    );
    const url = /^<https:\/\/badges\.example\.edu(\/notifications\/unsubscribe\/[^>]+)>$/.exec(
      mail?.headers['List-Unsubscribe'] ?? '',
    )?.[1];
    if (url === undefined) throw new Error('no List-Unsubscribe header');
    return { browser, path: url };
  }

  const progressBox = async (browser: WebSession) =>
    /<input[^>]*name="pathway-progress"[^>]*>/.exec((await browser.get('/account/settings')).text)?.[0] ?? '';

  it('unsubscribes on an RFC 8058 one-click POST with no cookie, no form token and no page', async () => {
    const { browser, path } = await earnerWithNotice('oneclick@example.org');
    expect(await progressBox(browser)).toContain('checked');

    // Opening the link (as a mail scanner would) only asks.
    const page = await test.call(path, { headers: { Accept: HTML } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Stop mails about pathway progress?');
    expect(await progressBox(browser)).toContain('checked');

    const posted = await test.call(path, {
      body: 'List-Unsubscribe=One-Click',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(posted.status).toBe(204);
    expect(posted.text).toBe('');
    expect(await progressBox(browser)).not.toContain('checked');
  });

  it('answers 404 to a link altered to another recipient or kind, and changes nothing', async () => {
    const { browser, path } = await earnerWithNotice('altered@example.org');
    const [, , , , token = ''] = path.split('/');
    const [id = '', kind = '', signature = ''] = decodeURIComponent(token).split('.');
    const otherId = `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`;
    for (const forged of [`${otherId}.${kind}.${signature}`, `${id}.expiry.${signature}`]) {
      const answer = await test.call(`/notifications/unsubscribe/${encodeURIComponent(forged)}`, {
        body: 'List-Unsubscribe=One-Click',
        headers: { Accept: HTML, 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      expect(answer.status).toBe(404);
    }
    expect(await progressBox(browser)).toContain('checked');
  });

  it('shows a page after the confirmation form, and the settings page turns kinds on and off', async () => {
    const { browser, path } = await earnerWithNotice('form@example.org');
    const posted = await browser.post(path, { confirm: '1' });
    // Post/Redirect/Get: reloading the page it lands on does not post again.
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`${path}?done=unsubscribed`);
    const done = await browser.get(`${path}?done=unsubscribed`);
    expect(done.status).toBe(200);
    expect(done.text).toContain('You will no longer receive mails about pathway progress.');

    const saved = await browser.postAndFollow('/account/notifications', {
      'pathway-award': 'on',
      'new-achievement': 'on',
    });
    expect(saved.status).toBe(200);
    const html = saved.text;
    expect(/<input[^>]*name="new-achievement"[^>]*>/.exec(html)?.[0]).toContain('checked');
    expect(/<input[^>]*name="expiry"[^>]*>/.exec(html)?.[0]).not.toContain('checked');
    expect(/<input[^>]*name="pathway-award"[^>]*>/.exec(html)?.[0]).toContain('checked');
    // Without the form token the settings form is refused.
    expect((await browser.post('/account/notifications', { expiry: 'on' }, { csrf: false })).status).toBe(
      403,
    );
  });
});
