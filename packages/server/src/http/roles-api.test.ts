import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithShared } from '../../../vc/test/support/describe-with-shared.js';
import { ADMIN_TOKEN, openTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADMIN } from '../../test/support/test-platform.js';
import { WebSession } from '../../test/support/web-session.js';
import { DEFAULT_ESCO_FOLDER, readEscoFiles } from '../resources/read-esco-files.js';

const ESCO = 'http://data.europa.eu/esco/skill/';
const SQL = `${ESCO}598de5b0-5b58-4ea7-8058-a4bc4d18c742`;
const VISUAL = `${ESCO}c3e36d05-8ae8-447f-bb2b-6f9409f85389`;
const ANALYSIS = `${ESCO}2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f`;
const CONTRACT_TEXT =
  'We need an analyst who writes SQL queries and builds dashboards to present data visually';

describeWithShared(join(DEFAULT_ESCO_FOLDER, 'skills.csv'), 'role matching and skill gaps over HTTP', () => {
  let test: TestApp;
  let earnerId: string;
  const achievements: Record<string, string> = {};

  async function accept(credentialId: string): Promise<void> {
    await test.platform.earners.choose(earnerId, credentialId, { choice: 'accepted', visibility: 'private' });
  }

  async function award(achievement: string): Promise<string> {
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: achievements[achievement] ?? '',
      recipient: { email: 'gap@example.org' },
    });
    await accept(issued.record.id);
    return issued.record.id;
  }

  const gap = (email: string, skills: string[] = [SQL, VISUAL, ANALYSIS]) =>
    test.call('/api/v1/gap', { token: ADMIN_TOKEN, json: { recipient: { email }, skills } });

  beforeAll(async () => {
    test = await openTestApp('pglite', { web: { secureCookies: false, devMailbox: true } });
    await test.platform.skills.importEsco(null, await readEscoFiles(DEFAULT_ESCO_FOLDER));
    const issuer = await test.platform.issuers.create(ADMIN, { slug: 'gap-college', name: 'Gap College' });
    const create = async (
      name: string,
      skills: string[],
      extra: { hours?: number; status?: 'draft' } = {},
    ) => {
      achievements[name] = (
        await test.platform.achievements.create(ADMIN, {
          issuerId: issuer.id,
          name,
          description: `${name}.`,
          criteria: { narrative: 'Pass.' },
          skills: skills.map((url) => ({ name: url.slice(-8), url })),
          ...extra,
        })
      ).id;
    };
    await create('SQL Basics', [SQL], { hours: 10 });
    await create('Data Storytelling', [VISUAL, ANALYSIS], { hours: 20 });
    await create('Analysis Sprint', [ANALYSIS], { hours: 5 });
    await create('Dashboards Draft', [VISUAL, ANALYSIS, SQL], { hours: 1, status: 'draft' });
    const browser = new WebSession(test);
    await browser.signIn('gap@example.org');
    const earner = await test.platform.earners.ofSession(browser.cookie('mc_session') ?? '');
    if (earner === null) throw new Error('not signed in');
    earnerId = earner.id;
    await award('SQL Basics');
    await test.platform.credentials.revoke(ADMIN, await award('Data Storytelling'), { reason: 'error' });
  }, 120_000);
  afterAll(async () => {
    await test?.close();
  });

  it('matches the contract job text to ranked ESCO skills, one of them "SQL"', async () => {
    const response = await test.call('/api/v1/roles/match', {
      token: ADMIN_TOKEN,
      json: { text: CONTRACT_TEXT },
    });
    expect(response.status).toBe(200);
    const skills: { id: string; label: string; score: number }[] = response.body.skills;
    expect(skills.length).toBeGreaterThan(0);
    expect(skills.length).toBeLessThanOrEqual(30);
    expect(skills.slice(0, 10).some((skill) => skill.label.includes('SQL'))).toBe(true);
    expect(skills.every((skill) => skill.id.startsWith(ESCO))).toBe(true);
    const scores = skills.map((skill) => skill.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('answers text in another language with a normal list and refuses text over 20,000 characters clearly', async () => {
    const french = await test.call('/api/v1/roles/match', {
      token: ADMIN_TOKEN,
      json: { text: 'Nous recherchons une personne qui rédige des rapports et anime des réunions' },
    });
    expect(french.status).toBe(200);
    expect(Array.isArray(french.body.skills)).toBe(true);
    const long = await test.call('/api/v1/roles/match', {
      token: ADMIN_TOKEN,
      json: { text: 'SQL '.repeat(5_001) },
    });
    expect(long.status).toBe(400);
    expect(long.body.code).toBe('VALIDATION_ERROR');
    expect(JSON.stringify(long.body)).toContain('at most 20000 characters');
    const megabyte = await test.call('/api/v1/roles/match', {
      token: ADMIN_TOKEN,
      json: { text: 'x'.repeat(1_000_000) },
    });
    expect([400, 413]).toContain(megabyte.status);
    expect(megabyte.headers.get('Content-Type')).toBe('application/problem+json');
  });

  it('finds nothing proven for an address without an account, and ranks achievements by skills covered, then hours', async () => {
    const response = await gap('stranger@example.org');
    expect(response.status).toBe(200);
    expect(response.body.have).toEqual([]);
    expect(response.body.missing.map((skill: { id: string }) => skill.id)).toEqual([SQL, VISUAL, ANALYSIS]);
    expect(response.body.missing[0].label).toBe('SQL');
    expect(response.body.recommendations).toEqual([
      {
        achievementId: achievements['Data Storytelling'],
        name: 'Data Storytelling',
        covers: [VISUAL, ANALYSIS],
        hours: 20,
      },
      {
        achievementId: achievements['Analysis Sprint'],
        name: 'Analysis Sprint',
        covers: [ANALYSIS],
        hours: 5,
      },
      { achievementId: achievements['SQL Basics'], name: 'SQL Basics', covers: [SQL], hours: 10 },
    ]);
  });

  it("counts the earner's verified credential as evidence and never the revoked one", async () => {
    const response = await gap('GAP@example.org');
    expect(response.status).toBe(200);
    expect(response.body.have).toEqual([{ id: SQL, label: 'SQL', evidence: [expect.any(String)] }]);
    expect(response.body.missing.map((skill: { id: string }) => skill.id)).toEqual([VISUAL, ANALYSIS]);
    expect(response.body.recommendations.map((item: { name: string }) => item.name)).toEqual([
      'Data Storytelling',
      'Analysis Sprint',
    ]);
  });

  it('moves a missing skill to have when a verified credential proves it, and back when it is revoked', async () => {
    const credentialId = await award('Analysis Sprint');
    const proven = await gap('gap@example.org');
    expect(proven.body.have.map((skill: { id: string }) => skill.id)).toEqual([SQL, ANALYSIS]);
    expect(proven.body.have[1].evidence).toEqual([credentialId]);
    expect(proven.body.missing.map((skill: { id: string }) => skill.id)).toEqual([VISUAL]);
    await test.platform.credentials.revoke(ADMIN, credentialId, { reason: 'error' });
    const revoked = await gap('gap@example.org');
    expect(revoked.body.have.map((skill: { id: string }) => skill.id)).toEqual([SQL]);
    expect(revoked.body.missing.map((skill: { id: string }) => skill.id)).toEqual([VISUAL, ANALYSIS]);
  });

  it('refuses skills that are not in the framework', async () => {
    const response = await gap('gap@example.org', [SQL, `${ESCO}not-a-skill`]);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_ERROR');
    expect(response.body.detail).toContain('not-a-skill');
  });
});
