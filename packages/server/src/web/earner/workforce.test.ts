import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQL, VISUAL } from '../../../test/support/small-esco.js';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';
import { seedDemoData } from '../../domain/demo/seed-demo-data.js';
import {
  DEMO_EMPLOYER_NAME,
  DEMO_INVITED_EMAIL,
  DEMO_TALENT_EMAIL,
} from '../../domain/demo/seed-demo-talent.js';

const EMAIL = 'worker@example.org';
const UNCONFIRMED = 'worker.unconfirmed@example.org';

describe("the earner's answer to an employer's workforce invitation", () => {
  let test: TestApp;
  let browser: WebSession;
  let earnerId: string;
  let employerId: string;
  let invitationId: string;
  const credentials: Record<string, string> = {};

  /** The earner's row in the employer's inventory: skill URI → the credentials proving it, or undefined. */
  async function inInventory(): Promise<Map<string, string[]> | undefined> {
    const inventory = await test.platform.workforce.inventory(ADMIN, employerId, {});
    const person = inventory.people.find((item) => item.employee.earnerId === earnerId);
    if (person === undefined) return undefined;
    return new Map(
      [...person.skills].map(([uri, proofs]) => [uri, proofs.map((proof) => proof.credentialId)]),
    );
  }

  async function employeeOf(email: string) {
    const employees = await test.platform.workforce.employees(ADMIN, employerId);
    const employee = employees.find((item) => item.email === email);
    if (employee === undefined) throw new Error(`${email} not invited`);
    return employee;
  }

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    const { issuerId } = await seedDemoData(test.platform);
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
    await test.platform.earners.updateProfile(earnerId, { displayName: 'Wren Worker', locale: 'en' });
    for (const id of Object.values(credentials)) {
      await test.platform.earners.choose(earnerId, id, { choice: 'accepted', visibility: 'private' });
    }
    // An address added but never confirmed proves nothing: its invitation is not this earner's to answer.
    await test.platform.earners.addEmail(earnerId, { email: UNCONFIRMED, locale: 'en' });
    const employer = (await test.platform.earners.employersToConsent()).find(
      (item) => item.name === DEMO_EMPLOYER_NAME,
    );
    if (employer === undefined) throw new Error('no demo employer');
    employerId = employer.id;
    await test.platform.workforce.invite(ADMIN, employerId, {
      employees: [
        { email: 'Worker@Example.org', team: 'Data' },
        { email: UNCONFIRMED, team: null },
      ],
    });
    invitationId = (await employeeOf(EMAIL)).id;
  }, 60_000);
  afterAll(async () => {
    await test?.close();
  });

  it('shows the invitation to the earner who confirmed the address, with what the employer would see', async () => {
    const page = await browser.get('/account/sharing');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<section id="workforce"');
    expect(page.text).toContain('Employers you work for');
    expect(page.text).toContain(`data-employee="${invitationId}" data-status="invited"`);
    expect(page.text).toContain(`<h3 id="employee-${invitationId}">${DEMO_EMPLOYER_NAME}</h3>`);
    expect(page.text).toContain('data-team="Data"');
    expect(page.text).toContain(`${EMAIL}, on `);
    expect(page.text).toContain('data-sees="nothing"');
    expect(page.text).toContain(`name="credential.${credentials['SQL for Analysts']}"`);
    // Only one card: the unconfirmed address's invitation is not shown.
    expect(page.text.match(/data-employee="/g)).toHaveLength(1);
    expect(page.text).not.toContain(UNCONFIRMED);
    expect(await inInventory()).toBeUndefined();
  });

  it("answers 404 for someone else's invitation, and changes nothing", async () => {
    const sam = await employeeOf(DEMO_INVITED_EMAIL);
    const jordan = await employeeOf(DEMO_TALENT_EMAIL);
    const unconfirmed = await employeeOf(UNCONFIRMED);
    for (const id of [sam.id, unconfirmed.id]) {
      const connect = await browser.post(`/account/sharing/workforce/${id}/connect`, { credentials: 'all' });
      expect(connect.status).toBe(404);
    }
    const decline = await browser.post(`/account/sharing/workforce/${jordan.id}/decline`, {});
    expect(decline.status).toBe(404);
    const notAnId = await browser.post('/account/sharing/workforce/not-an-id/connect', {
      credentials: 'all',
    });
    expect(notAnId.status).toBe(404);
    expect((await employeeOf(DEMO_INVITED_EMAIL)).status).toBe('invited');
    expect((await employeeOf(DEMO_TALENT_EMAIL)).status).toBe('connected');
    expect((await employeeOf(UNCONFIRMED)).status).toBe('invited');
  });

  it('refuses a post without the form token, and a signed-out visitor', async () => {
    const forged = await browser.post(
      `/account/sharing/workforce/${invitationId}/connect`,
      { credentials: 'all' },
      { csrf: false },
    );
    expect(forged.status).toBe(403);
    const anonymous = new WebSession(test);
    const signedOut = await anonymous.post(`/account/sharing/workforce/${invitationId}/connect`, {
      credentials: 'all',
    });
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toContain('/signin');
    expect((await employeeOf(EMAIL)).status).toBe('invited');
  });

  it("accepts with all credentials: the employer's inventory lists the earner with their verified skills", async () => {
    const page = await browser.postAndFollow(`/account/sharing/workforce/${invitationId}/connect`, {
      credentials: 'all',
    });
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Connected: ${DEMO_EMPLOYER_NAME} now sees what is listed under its name.`);
    expect(page.text).toContain(`data-employee="${invitationId}" data-status="connected"`);
    expect(page.text).toContain('Your name: Wren Worker.');
    expect(page.text).toContain(`The address it invited: ${EMAIL}.`);
    expect(page.text).toContain(`data-skill="${SQL}"`);
    expect(page.text).toMatch(/id="workforce-[^"]+-all"[^>]*checked/);
    const skills = await inInventory();
    expect(skills?.get(SQL)).toEqual([credentials['SQL for Analysts']]);
    expect(skills?.get(VISUAL)).toEqual([credentials['Data Visualisation and Storytelling']]);
    const employee = await employeeOf(EMAIL);
    expect(employee).toMatchObject({ status: 'connected', name: 'Wren Worker', team: 'Data' });
  });

  it('changes the choice to chosen credentials: the inventory counts only those', async () => {
    const page = await browser.postAndFollow(`/account/sharing/workforce/${invitationId}/connect`, {
      credentials: 'chosen',
      [`credential.${credentials['SQL for Analysts']}`]: 'yes',
    });
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Saved: ${DEMO_EMPLOYER_NAME} now sees what is listed under its name.`);
    expect(page.text).toContain(`data-skill="${SQL}"`);
    expect(page.text).not.toContain(`data-skill="${VISUAL}"`);
    expect(page.text).toMatch(
      new RegExp(`id="workforce-${invitationId}-${credentials['SQL for Analysts']}"[^>]*checked`),
    );
    const skills = await inInventory();
    expect([...(skills?.keys() ?? [])]).toEqual([SQL]);
  });

  it("refuses a credential that is not the earner's, shows why on the page, and stores nothing", async () => {
    const [jordans] = await test.platform.credentials.list(ADMIN, { recipient: DEMO_TALENT_EMAIL });
    const page = await browser.post(`/account/sharing/workforce/${invitationId}/connect`, {
      credentials: 'chosen',
      [`credential.${credentials['Data Visualisation and Storytelling']}`]: 'yes',
      [`credential.${jordans?.id}`]: 'yes',
    });
    expect(page.status).toBe(400);
    expect(page.text).toContain('role="alert"');
    expect(page.text).toContain(`not credentials of this portfolio: ${jordans?.id}`);
    // What the earner ticked is kept, to be corrected.
    expect(page.text).toMatch(
      new RegExp(
        `id="workforce-${invitationId}-${credentials['Data Visualisation and Storytelling']}"[^>]*checked`,
      ),
    );
    expect((await employeeOf(EMAIL)).credentialIds).toEqual([credentials['SQL for Analysts']]);
    expect([...((await inInventory())?.keys() ?? [])]).toEqual([SQL]);
  });

  it('asks for at least one credential when the earner shows only chosen ones', async () => {
    const page = await browser.post(`/account/sharing/workforce/${invitationId}/connect`, {
      credentials: 'chosen',
    });
    expect(page.status).toBe(400);
    expect(page.text).toContain('Tick at least one credential, or share all of them.');
    expect((await employeeOf(EMAIL)).credentialIds).toEqual([credentials['SQL for Analysts']]);
  });

  it('disconnects: the employer stops seeing the earner at once', async () => {
    const before = await browser.get('/account/sharing');
    expect(before.text).toContain('It stops seeing your skills and credentials at once.');
    const page = await browser.postAndFollow(`/account/sharing/workforce/${invitationId}/decline`, {});
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      `Disconnected: ${DEMO_EMPLOYER_NAME} stopped seeing your skills and credentials at once.`,
    );
    expect(await inInventory()).toBeUndefined();
    const inventory = await test.platform.workforce.inventory(ADMIN, employerId, {});
    expect(inventory.people.map((person) => person.employee.email)).not.toContain(EMAIL);
    expect((await employeeOf(EMAIL)).status).toBe('declined');
  });

  it('shows a declined invitation as declined, and lets the earner accept it later', async () => {
    const page = await browser.get('/account/sharing');
    expect(page.text).toContain(`data-employee="${invitationId}" data-status="declined"`);
    expect(page.text).toContain('you can still accept');
    expect(page.text).not.toContain(`data-decline="${invitationId}"`);
    const accepted = await browser.postAndFollow(`/account/sharing/workforce/${invitationId}/connect`, {
      credentials: 'chosen',
      [`credential.${credentials['Data Visualisation and Storytelling']}`]: 'yes',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.text).toContain(`Connected: ${DEMO_EMPLOYER_NAME}`);
    expect([...((await inInventory())?.keys() ?? [])]).toEqual([VISUAL]);
  });

  it('declines an invitation never accepted: the employer sees it declined, nothing of the portfolio', async () => {
    await browser.post(`/account/sharing/workforce/${invitationId}/decline`, {});
    await test.platform.workforce.invite(ADMIN, employerId, { employees: [{ email: EMAIL, team: 'Data' }] });
    expect((await employeeOf(EMAIL)).status).toBe('invited');
    const page = await browser.postAndFollow(`/account/sharing/workforce/${invitationId}/decline`, {});
    expect(page.text).toContain(`Declined: ${DEMO_EMPLOYER_NAME} sees nothing of your portfolio.`);
    expect((await employeeOf(EMAIL)).status).toBe('declined');
    expect(await inInventory()).toBeUndefined();
  });

  it('speaks French when asked', async () => {
    const page = await browser.get('/account/sharing?lang=fr');
    expect(page.text).toContain('Les employeurs pour lesquels vous travaillez');
    expect(page.text).toContain('Toutes mes certifications, aujourd’hui et à l’avenir');
    await browser.get('/account/sharing?lang=en');
  });
});
