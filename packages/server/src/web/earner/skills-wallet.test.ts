import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';

const SQL = 'http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742';

describe("the earner's skills wallet", () => {
  let test: TestApp;
  let browser: WebSession;
  let earnerId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    const issuer = await test.platform.issuers.create(ADMIN, {
      slug: 'wallet-college',
      name: 'Wallet College',
    });
    const achievement = async (name: string, skills: { name: string; url?: string }[], extra = {}) =>
      (
        await test.platform.achievements.create(ADMIN, {
          issuerId: issuer.id,
          name,
          description: `${name}.`,
          criteria: { narrative: 'Pass.' },
          skills,
          level: 'Intermediate',
          ...extra,
        })
      ).id;
    const sqlBasics = await achievement('SQL Basics', [{ name: 'SQL', url: SQL }, { name: '=cmd|calc' }]);
    const sqlAdvanced = await achievement('Advanced SQL', [{ name: 'SQL', url: SQL }]);
    const suspendable = await achievement('Licensed Querying', [{ name: 'Query tuning' }], {
      suspendable: true,
    });
    const revokedOne = await achievement('Revoked Course', [{ name: 'Revoked skill' }]);
    const pendingOne = await achievement('Pending Course', [{ name: 'Pending skill' }]);
    for (const [key, achievementId] of Object.entries({
      sqlBasics,
      sqlAdvanced,
      suspendable,
      revokedOne,
      pendingOne,
    })) {
      ids[key] = (
        await test.platform.credentials.issue(ADMIN, {
          achievementId,
          recipient: { email: 'wallet@example.org' },
        })
      ).record.id;
    }
    browser = new WebSession(test);
    await browser.signIn('wallet@example.org');
    const earner = await test.platform.earners.ofSession(browser.cookie('mc_session') ?? '');
    if (earner === null) throw new Error('not signed in');
    earnerId = earner.id;
    const portfolio = await test.platform.earners.portfolio(earnerId);
    for (const item of portfolio) {
      if (item.kind === 'issued' && item.credential.id !== ids.pendingOne) {
        await test.platform.earners.choose(earnerId, item.credential.id, {
          choice: 'accepted',
          visibility: 'private',
        });
      }
    }
    await test.platform.credentials.revoke(ADMIN, ids.revokedOne ?? '', { reason: 'error' });
    await test.platform.credentials.suspend(ADMIN, ids.suspendable ?? '', { reason: 'inquiry' });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('lists each skill once with every accepted, valid credential that proves it, and nothing else', async () => {
    const skills = await test.platform.earners.skills(earnerId);
    expect(skills.map((skill) => [skill.name, skill.evidence.length])).toEqual([
      ['SQL', 2],
      ['=cmd|calc', 1],
    ]);
    expect(skills[0]?.url).toBe(SQL);
    expect(skills[0]?.evidence.map((evidence) => evidence.achievement).sort()).toEqual([
      'Advanced SQL',
      'SQL Basics',
    ]);
  });

  it('shows the wallet to its earner and exports it as JSON and as spreadsheet-safe CSV', async () => {
    const page = await browser.get('/account/skills');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Proven by 2 credentials');
    expect(page.text).not.toContain('Revoked skill');
    expect(page.text).not.toContain('Query tuning');
    expect(page.text).not.toContain('Pending skill');
    const json = await browser.get('/account/skills.json');
    expect(JSON.parse(json.text).skills[0]).toMatchObject({ name: 'SQL', url: SQL });
    const csv = await browser.get('/account/skills.csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain(`"'=cmd|calc"`);
    expect(csv.text).not.toMatch(/(^|,)"=cmd/m);
  });

  it('counts a suspended credential again once it is reinstated', async () => {
    await test.platform.credentials.reinstate(ADMIN, ids.suspendable ?? '', {});
    const skills = await test.platform.earners.skills(earnerId);
    expect(skills.map((skill) => skill.name)).toContain('Query tuning');
  });

  it('sends someone signed out to sign in', async () => {
    const response = await new WebSession(test).get('/account/skills');
    expect(response.status).toBe(303);
  });
});
