import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCO_FILES, SQL, VISUAL } from '../../../test/support/small-esco.js';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';
import { seedDemoData } from '../../domain/demo/seed-demo-data.js';
import { DEMO_EMPLOYER_NAME, DEMO_TALENT_EMAIL } from '../../domain/demo/seed-demo-talent.js';

const EMAIL = 'sharer@example.org';

describe("the earner's consent to be found by employers", () => {
  let test: TestApp;
  let browser: WebSession;
  let earnerId: string;
  let employerId: string;
  const credentials: Record<string, string> = {};

  /** Who a search of the directory finds for one skill, as the administrator sees it. */
  async function found(skill: string): Promise<string[]> {
    const result = await test.platform.talent.search(ADMIN, { skills: [skill] });
    return result.candidates.map((candidate) => candidate.earnerId);
  }

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    const { issuerId } = await seedDemoData(test.platform);
    // After the demo: its achievements name ESCO skills the small framework does not hold.
    await test.platform.skills.importEsco(null, ESCO_FILES);
    const achievements = await test.platform.achievements.list(ADMIN, { issuerId });
    for (const name of ['SQL for Analysts', 'Data Visualisation and Storytelling']) {
      const achievement = achievements.find((item) => item.name === name);
      credentials[name] = (
        await test.platform.credentials.issue(ADMIN, {
          achievementId: achievement?.id ?? '',
          recipient: { email: EMAIL },
        })
      ).record.id;
    }
    browser = new WebSession(test);
    await browser.signIn(EMAIL);
    const earner = await test.platform.earners.ofSession(browser.cookie('mc_session') ?? '');
    if (earner === null) throw new Error('not signed in');
    earnerId = earner.id;
    await test.platform.earners.updateProfile(earnerId, { displayName: 'Sam Sharer', locale: 'en' });
    for (const id of Object.values(credentials)) {
      await test.platform.earners.choose(earnerId, id, { choice: 'accepted', visibility: 'private' });
    }
    const employer = (await test.platform.earners.employersToConsent()).find(
      (item) => item.name === DEMO_EMPLOYER_NAME,
    );
    if (employer === undefined) throw new Error('no demo employer');
    employerId = employer.id;
  }, 60_000);
  afterAll(async () => {
    await test?.close();
  });

  it('sends someone signed out to sign in', async () => {
    const anonymous = new WebSession(test);
    const page = await anonymous.get('/account/sharing');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toContain('/signin');
    const posted = await anonymous.post('/account/sharing', { to: 'directory', credentials: 'all' });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toContain('/signin');
  });

  it('explains what an employer sees, and that nobody finds an earner who did not agree', async () => {
    const page = await browser.get('/account/sharing');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Be found by employers</h1>');
    expect(page.text).toContain('Otherwise only a candidate reference');
    expect(page.text).toContain('Withdrawing takes effect at once');
    expect(page.text).toContain('data-consents="none"');
    expect(page.text).toContain(`name="credential.${credentials['SQL for Analysts']}"`);
    expect(page.text).toContain(`<option value="${employerId}">${DEMO_EMPLOYER_NAME}</option>`);
    expect(await found(SQL)).not.toContain(earnerId);
  });

  it('gives a directory consent with chosen credentials: a search then finds them, as they chose', async () => {
    const saved = await browser.postAndFollow('/account/sharing', {
      to: 'directory',
      showName: 'yes',
      credentials: 'chosen',
      [`credential.${credentials['SQL for Analysts']}`]: 'yes',
      location: ' Lyon ',
    });
    expect(saved.status).toBe(200);
    expect(saved.text).toContain('Saved: your consent for the public talent directory is listed below.');
    expect(saved.text).toContain('data-consent="directory"');
    expect(saved.text).toContain('data-credentials="chosen"');
    expect(saved.text).toContain(`href="/credentials/${credentials['SQL for Analysts']}"`);
    // The form now holds what was saved.
    expect(saved.text).toMatch(/id="sharing-name"[^>]*checked/);
    expect(saved.text).toContain('value="Lyon"');

    const result = await test.platform.talent.search(ADMIN, { skills: [SQL] });
    const me = result.candidates.find((candidate) => candidate.earnerId === earnerId);
    expect(me).toMatchObject({ name: 'Sam Sharer', contact: null, location: 'Lyon' });
    expect(me?.matched.flatMap((item) => item.proofs.map((proof) => proof.credentialId))).toEqual([
      credentials['SQL for Analysts'],
    ]);
    // The credential left out proves nothing to employers.
    expect(await found(VISUAL)).not.toContain(earnerId);
  });

  it('changes the consent when saved again for the same place, and shows it in the form', async () => {
    const saved = await browser.postAndFollow('/account/sharing', {
      to: 'directory',
      showContact: 'yes',
      credentials: 'chosen',
      [`credential.${credentials['Data Visualisation and Storytelling']}`]: 'yes',
    });
    expect(saved.status).toBe(200);
    const consents = await test.platform.earners.consents(earnerId);
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({
      showName: false,
      showContact: true,
      credentialIds: [credentials['Data Visualisation and Storytelling']],
      location: null,
    });
    expect(await found(SQL)).not.toContain(earnerId);
    expect(await found(VISUAL)).toContain(earnerId);
    const form = await browser.get('/account/sharing?to=directory');
    expect(form.text).toMatch(/id="sharing-contact"[^>]*checked/);
    expect(form.text).not.toMatch(/id="sharing-name"[^>]*checked/);
    expect(form.text).toMatch(/id="sharing-chosen"[^>]*checked/);
  });

  it('withdraws the consent at once: the next search no longer finds them', async () => {
    const page = await browser.postAndFollow('/account/sharing/withdraw', { to: 'directory' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Withdrawn: your consent for the public talent directory is gone');
    expect(page.text).toContain('data-consents="none"');
    expect(await found(VISUAL)).not.toContain(earnerId);
    const again = await browser.postAndFollow('/account/sharing/withdraw', { to: 'directory' });
    expect(again.text).toContain('You had no consent for the public talent directory');
  });

  it('gives a consent to one employer, listed under its name, and withdraws it', async () => {
    const saved = await browser.postAndFollow('/account/sharing', { to: employerId, credentials: 'all' });
    expect(saved.status).toBe(200);
    expect(saved.text).toContain(`Saved: your consent for ${DEMO_EMPLOYER_NAME} is listed below.`);
    expect(saved.text).toContain(`data-consent="${employerId}"`);
    expect(saved.text).toContain('all you hold, now and later');
    const form = await browser.get(`/account/sharing?to=${employerId}`);
    expect(form.text).toContain(`<option value="${employerId}" selected="">${DEMO_EMPLOYER_NAME}</option>`);
    // Not in the directory: a search by the directory alone does not find them.
    expect(await found(SQL)).not.toContain(earnerId);
    const withdrawn = await browser.postAndFollow('/account/sharing/withdraw', { to: employerId });
    expect(withdrawn.text).toContain(`Withdrawn: your consent for ${DEMO_EMPLOYER_NAME} is gone`);
    expect(await test.platform.earners.consents(earnerId)).toEqual([]);
  });

  it("refuses a credential that is not the earner's, keeping what they chose", async () => {
    const [jordans] = await test.platform.credentials.list(ADMIN, { recipient: DEMO_TALENT_EMAIL });
    const page = await browser.post('/account/sharing', {
      to: 'directory',
      showName: 'yes',
      credentials: 'chosen',
      [`credential.${jordans?.id}`]: 'yes',
      location: 'Nantes',
    });
    expect(page.status).toBe(400);
    expect(page.text).toContain('role="alert"');
    expect(page.text).toContain(`not credentials of this portfolio: ${jordans?.id}`);
    expect(page.text).toContain('value="Nantes"');
    expect(page.text).toMatch(/id="sharing-name"[^>]*checked/);
    expect(await test.platform.earners.consents(earnerId)).toEqual([]);
  });

  it('asks for at least one credential when the earner shares only chosen ones', async () => {
    const page = await browser.post('/account/sharing', { to: 'directory', credentials: 'chosen' });
    expect(page.status).toBe(400);
    expect(page.text).toContain('Tick at least one credential, or share all of them.');
    expect(await test.platform.earners.consents(earnerId)).toEqual([]);
  });

  it('refuses a post without the form token', async () => {
    const page = await browser.post(
      '/account/sharing',
      { to: 'directory', credentials: 'all' },
      { csrf: false },
    );
    expect(page.status).toBe(403);
    expect(await test.platform.earners.consents(earnerId)).toEqual([]);
  });

  it('is linked from the account page and the skills wallet', async () => {
    expect((await browser.get('/account')).text).toContain('href="/account/sharing"');
    expect((await browser.get('/account/skills')).text).toContain('href="/account/sharing"');
  });

  it('speaks French when asked', async () => {
    const page = await browser.get('/account/sharing?lang=fr');
    expect(page.text).toContain('<h1>Se faire connaître des employeurs</h1>');
    expect(page.text).toContain('Le retrait prend effet immédiatement');
    expect(page.text).toContain('Toutes celles que je détiens, aujourd’hui et à l’avenir');
    await browser.get('/account/sharing?lang=en');
  });
});
