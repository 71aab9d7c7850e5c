import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ANALYSIS,
  ANALYST,
  ESCO_FILES,
  OCCUPATION_ID,
  SKILL,
  SPREADSHEETS,
  SQL,
  VISUAL,
} from '../../../test/support/small-esco.js';
import { openTestApp, type TestApp } from '../../../test/support/test-app.js';
import { ADMIN } from '../../../test/support/test-platform.js';
import { WebSession } from '../../../test/support/web-session.js';

describe("the earner's own skill gap for a role", () => {
  let test: TestApp;
  let browser: WebSession;
  let earnerId: string;
  let pathwayId: string;
  const achievements: Record<string, string> = {};
  const credentials: Record<string, string> = {};

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    await test.platform.skills.importEsco(null, ESCO_FILES);
    const issuer = await test.platform.issuers.create(ADMIN, { slug: 'role-college', name: 'Role College' });
    const create = async (name: string, skills: string[], hours?: number) => {
      achievements[name] = (
        await test.platform.achievements.create(ADMIN, {
          issuerId: issuer.id,
          name,
          description: `${name}.`,
          criteria: { narrative: 'Pass.' },
          skills: skills.map((url) => ({ name: url.slice(-8), url })),
          ...(hours === undefined ? {} : { hours }),
        })
      ).id;
    };
    await create('SQL Basics', [SQL], 10);
    await create('Data Storytelling', [VISUAL, ANALYSIS], 20);
    await create('Analysis Sprint', [ANALYSIS], 5);
    await create('Spreadsheet Hour', [SPREADSHEETS], 1);
    await create('Analyst Certificate', []);
    pathwayId = (
      await test.platform.pathways.create(ADMIN, {
        issuerId: issuer.id,
        name: 'Analyst Pathway',
        completionAchievementId: achievements['Analyst Certificate'] ?? '',
        requirement: {
          type: 'all-of',
          children: [
            { type: 'achievement', achievementId: achievements['Data Storytelling'] ?? '' },
            { type: 'achievement', achievementId: achievements['Analysis Sprint'] ?? '' },
          ],
        },
      })
    ).pathway.id;
    browser = new WebSession(test);
    await browser.signIn('role@example.org');
    const earner = await test.platform.earners.ofSession(browser.cookie('mc_session') ?? '');
    if (earner === null) throw new Error('not signed in');
    earnerId = earner.id;
    for (const name of ['SQL Basics', 'Data Storytelling']) {
      const issued = await test.platform.credentials.issue(ADMIN, {
        achievementId: achievements[name] ?? '',
        recipient: { email: 'role@example.org' },
      });
      await test.platform.earners.choose(earnerId, issued.record.id, {
        choice: 'accepted',
        visibility: 'private',
      });
      credentials[name] = issued.record.id;
    }
    await test.platform.credentials.revoke(ADMIN, credentials['Data Storytelling'] ?? '', {
      reason: 'error',
    });
  }, 60_000);
  afterAll(async () => {
    await test?.close();
  });

  it('counts only the verified credential, never the revoked one, and ranks what closes the gap', async () => {
    const gap = await test.platform.earners.roleGap(earnerId, ANALYST);
    expect(gap.occupation.label).toBe('data analyst');
    expect(gap.essential).toEqual({ total: 4, proven: 1 });
    expect(
      gap.have.map((skill) => [skill.id, skill.relation, skill.evidence.map((item) => item.id)]),
    ).toEqual([[SQL, 'essential', [credentials['SQL Basics']]]]);
    expect(gap.missing.map((skill) => [skill.label, skill.relation])).toEqual([
      ['analyse big data', 'essential'],
      ['present data visually', 'essential'],
      ['statistics', 'essential'],
      ['use spreadsheets software', 'optional'],
    ]);
    expect(gap.recommendations.map((item) => [item.name, item.covers.length])).toEqual([
      ['Data Storytelling', 2],
      ['Spreadsheet Hour', 1],
      ['Analysis Sprint', 1],
    ]);
    expect(gap.closing).toEqual({
      achievementIds: [achievements['Data Storytelling']],
      closes: [ANALYSIS, VISUAL],
    });
    expect(gap.pathways).toEqual([
      {
        pathwayId,
        name: 'Analyst Pathway',
        covers: [ANALYSIS, VISUAL],
        hours: 25,
        achievementIds: [achievements['Data Storytelling'], achievements['Analysis Sprint']],
        completionAchievementId: achievements['Analyst Certificate'],
      },
    ]);
  });

  it('answers NOT_FOUND for an occupation the framework does not have', async () => {
    await expect(
      test.platform.earners.roleGap(earnerId, 'http://data.europa.eu/esco/occupation/nope'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await browser.get('/account/roles/nope')).status).toBe(404);
  });

  it('finds occupations by label or alternative label and links each to its role page', async () => {
    const page = await browser.get('/account/roles?q=analysis+specialist');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/account/roles/${OCCUPATION_ID}"`);
    expect(page.text).toContain('data analyst');
    expect(page.text).not.toContain('data scientist');
    const form = await browser.get('/account/roles');
    expect(form.text).toContain('action="/account/roles"');
    expect(form.text).not.toContain('roles-results');
    expect((await browser.get('/account/roles?q=zzzz')).text).toContain('No occupation matches “zzzz”.');
  });

  it('names the role, counts the essential skills and links the evidence, the gaps and what closes them', async () => {
    const page = await browser.get(`/account/roles/${OCCUPATION_ID}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>data analyst</h1>');
    expect(page.text).toContain('To become a data analyst, you have 1 of 4 essential skills.');
    expect(page.text).toContain(`href="/credentials/${credentials['SQL Basics']}"`);
    expect(page.text).not.toContain(`href="/credentials/${credentials['Data Storytelling']}"`);
    expect(page.text).toContain(`href="/skills/${VISUAL.slice(SKILL.length)}"`);
    expect(page.text).toContain('This micro-credential closes 2 more essential skills.');
    expect(page.text).toContain(`href="/achievements/${achievements['Data Storytelling']}"`);
    // No public handle, yet the pathway leads to the earner's own progress on it.
    expect(page.text).toContain(`href="/account/pathways/${pathwayId}">Analyst Pathway</a>`);
    expect(page.text.indexOf('Missing essential skills')).toBeLessThan(
      page.text.indexOf('Missing optional skills'),
    );
  });

  it('speaks French when asked', async () => {
    const page = await browser.get(`/account/roles/${OCCUPATION_ID}?lang=fr`);
    expect(page.text).toContain('Pour devenir data analyst, vous avez 1 des 4 compétences essentielles.');
    expect(page.text).toContain('Cette micro-certification comble 2 compétences essentielles de plus.');
    expect(page.text).toContain('Compétences essentielles manquantes');
    const search = await browser.get('/account/roles?q=analyst&lang=fr');
    expect(search.text).toContain('Rechercher un métier');
    await browser.get('/account/roles?lang=en');
  });

  it('is linked from the skills wallet and the account page', async () => {
    expect((await browser.get('/account/skills')).text).toContain('href="/account/roles"');
    expect((await browser.get('/account')).text).toContain('href="/account/roles"');
  });

  it('sends someone signed out to sign in', async () => {
    const anonymous = new WebSession(test);
    for (const path of ['/account/roles', `/account/roles/${OCCUPATION_ID}`]) {
      const response = await anonymous.get(path);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toContain('/signin');
    }
  });
});
