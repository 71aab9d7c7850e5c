import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN, seedIssuer } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';
import { testDrivers } from '../../db/open-test-database.js';
import { addMonths } from '../../domain/outcomes/sweep-outcome-surveys.js';

const HTML = 'text/html,application/xhtml+xml';

describe.each(testDrivers())('the career outcomes survey pages on %s', (driver) => {
  let test: TestApp;
  let now = new Date('2026-05-04T09:00:00Z');

  beforeAll(async () => {
    test = await openTestApp(driver, {
      web: { secureCookies: false, devMailbox: true },
      platform: { now: () => now },
    });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('asks consent once, mails only consenting earners, takes answers by link and on the account page, and shows the issuer figures only from 5 answers', async () => {
    const { platform } = test;
    const { issuer, achievement } = await seedIssuer(platform);
    await platform.members.add(ADMIN, issuer.id, { email: 'staff-outcomes@example.org', role: 'viewer' });
    const staff = new WebSession(test);
    await staff.signIn('staff-outcomes@example.org');
    const consolePage = `/console/${issuer.slug}/achievements/${achievement.id}`;

    const earners: WebSession[] = [];
    const emails = Array.from({ length: 6 }, (_, i) => `web-outcome-${i}@example.org`);
    for (const email of emails) {
      const browser = new WebSession(test);
      await browser.signIn(email);
      earners.push(browser);
    }
    const [decliner, byLink, ...onPage] = earners;
    if (decliner === undefined || byLink === undefined) throw new Error('signed in above');

    const ask = await decliner.get('/account');
    expect(ask.text).toContain('only once at least 5 earners answered');
    expect((await decliner.post('/account/outcomes/consent', { consent: 'no' })).status).toBe(303);
    expect((await decliner.get('/account')).text).not.toContain('only once at least 5 earners answered');
    for (const browser of [byLink, ...onPage]) {
      expect((await browser.post('/account/outcomes/consent', { consent: 'yes' })).status).toBe(303);
    }
    // The consent is the settings page's survey checkbox too.
    expect(
      /<input[^>]*name="outcome-survey"[^>]*>/.exec((await byLink.get('/account/settings')).text)?.[0],
    ).toContain('checked');
    expect((await staff.get(consolePage)).text).toContain('Nobody has been asked yet.');

    for (const email of emails) {
      await platform.credentials.issue(ADMIN, { achievementId: achievement.id, recipient: { email } });
    }
    now = addMonths(now, 3);
    expect(await platform.outcomes.sweep()).toBe(5);
    // Three months on, the sessions have expired: everyone signs in again.
    await staff.signIn('staff-outcomes@example.org');
    for (const [i, browser] of earners.entries()) await browser.signIn(emails[i] ?? '');
    const mails = await platform.mail.list(1000);
    const surveyTo = (email: string) =>
      mails.filter((m) => m.toAddress === email && /one question$/.test(m.subject));
    expect(surveyTo(emails[0] ?? '')).toHaveLength(0);
    const mail = surveyTo(emails[1] ?? '')[0];
    const link = /https:\/\/badges\.example\.edu(\/outcomes\/answer\/\S+)/.exec(
      mail?.textBody.split('\n').find((line) => line.startsWith('- a promotion:')) ?? '',
    )?.[1];
    if (link === undefined) throw new Error('no answer link');

    // A link scanner's GET records nothing; the page's one button does, without signing in.
    const confirm = await test.call(link, { headers: { Accept: HTML } });
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Record “a promotion” as your answer about “Data Cleaning” (3 months)?');
    expect((await staff.get(consolePage)).text).toContain('0 of 5 earners asked answered (0%)');
    const answered = await test.call(link, {
      body: '',
      headers: { Accept: HTML, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe(`${link}?done=answered`);
    const recorded = await test.call(`${link}?done=answered`, { headers: { Accept: HTML } });
    expect(recorded.text).toContain('your answer is recorded');
    const altered = link.replace(/\.promotion\./, '.raise.');
    expect((await test.call(altered, { headers: { Accept: HTML } })).status).toBe(404);
    expect(/<input[^>]*value="promotion"[^>]*>/.exec((await byLink.get('/account')).text)?.[0]).toContain(
      'checked',
    );

    const credentialOf = async (browser: WebSession) =>
      /name="credentialId" value="([0-9a-f-]{36})"/.exec((await browser.get('/account')).text)?.[1] ?? '';
    for (const [i, browser] of onPage.entries()) {
      const credentialId = await credentialOf(browser);
      const posted = await browser.post('/account/outcomes/answer', {
        credentialId,
        wave: '3',
        outcome: i === 0 ? 'raise' : 'none',
      });
      expect(posted.status).toBe(303);
      if (i === 2) {
        const hidden = (await staff.get(consolePage)).text;
        expect(hidden).toContain('4 of 5 earners asked answered (80%)');
        expect(hidden).toContain('Fewer than 5 answers: not shown.');
        expect(hidden).not.toContain('data-outcome=');
      }
    }
    // Another earner's credential cannot be answered from one's own account.
    const foreign = await byLink.post('/account/outcomes/answer', {
      credentialId: await credentialOf(onPage[0] ?? byLink),
      wave: '3',
      outcome: 'none',
    });
    expect(foreign.status).toBe(404);

    const shown = (await staff.get(consolePage)).text;
    expect(shown).toContain('5 of 5 earners asked answered (100%)');
    expect(shown).not.toContain('Fewer than 5 answers');
    // 1 of 5 promoted: 20%, Wilson 95% from 4% to 62%; 2 of 5 none: 40%, from 12% to 77%.
    expect(shown).toMatch(
      /<tr data-outcome="promotion"><th scope="row">a promotion<\/th><td>20%<\/td><td>4% – 62%<\/td><td>1 \/ 5<\/td><\/tr>/,
    );
    expect(shown).toMatch(
      /<tr data-outcome="none"><th scope="row">none of these<\/th><td>60%<\/td><td>23% – 88%<\/td><td>3 \/ 5<\/td><\/tr>/,
    );
  });
});
