import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYST, ESCO_FILES, SPREADSHEETS, SQL, STATISTICS, VISUAL } from '../../test/support/small-esco.js';
import { openTestApp, type TestApp } from '../../test/support/test-app.js';
import { ADMIN } from '../../test/support/test-platform.js';
import { WebSession } from '../../test/support/web-session.js';
import { createServerApp } from '../create-server-app.js';
import { testDrivers } from '../db/open-test-database.js';

const ANA = 'ana@workforce.example';
const BEN = 'ben@workforce.example';
const CARA = 'cara@workforce.example';
const DORA = 'dora@workforce.example';
const FORMULA_TEAM = '=cmd()';

const ANALYST_ROLE = {
  title: 'Data analyst',
  skills: [
    { id: SQL, required: true },
    { id: VISUAL },
    { id: STATISTICS },
    { id: SPREADSHEETS, essential: false },
  ],
};

interface Person {
  email: string;
  team: string | null;
  roleCoverage: { essentialHeld: number } | null;
  skills: { id: string; proofs: { achievement: string; credentialId: string }[] }[];
}

describe.each(testDrivers())('saved roles and the workforce over the API on %s', (driver) => {
  let test: TestApp;
  let acmeId: string;
  let acmeToken: string;
  let globexToken: string;
  let roleId: string;
  const earners: Record<string, string> = {};
  const employees: Record<string, string> = {};
  const achievements: Record<string, string> = {};
  let anaVisualCredential: string;

  async function signUp(email: string): Promise<string> {
    const browser = new WebSession(test);
    await browser.signIn(email);
    const earner = await test.platform.earners.ofSession(browser.cookie('mc_session') ?? '');
    if (earner === null) throw new Error(`${email} is not signed in`);
    earners[email] = earner.id;
    return earner.id;
  }

  async function award(email: string, achievement: string): Promise<string> {
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: achievements[achievement] ?? '',
      recipient: { email },
    });
    await test.platform.earners.choose(earners[email] ?? '', issued.record.id, {
      choice: 'accepted',
      visibility: 'private',
    });
    return issued.record.id;
  }

  const acme = (path: string) => `/api/v1/employers/${acmeId}${path}`;
  const inventory = async (query = '') => {
    const response = await test.call(acme(`/inventory${query}`), { token: acmeToken });
    expect(response.status).toBe(200);
    return response.body;
  };
  const internal = async (query = '') => {
    const response = await test.call(acme(`/roles/${roleId}/candidates${query}`), { token: acmeToken });
    expect(response.status).toBe(200);
    return response.body as { total: number; candidates: { contact: string; team: string | null }[] };
  };

  beforeAll(async () => {
    test = await openTestApp(driver, { web: { secureCookies: false, devMailbox: true } });
    await test.platform.skills.importEsco(null, ESCO_FILES);
    const issuer = await test.platform.issuers.create(ADMIN, {
      slug: 'workforce-college',
      name: 'Workforce College',
    });
    for (const [name, skill, hours] of [
      ['SQL Basics', SQL, 10],
      ['Dashboards', VISUAL, 12],
      ['Statistics Basics', STATISTICS, 8],
    ] as const) {
      achievements[name] = (
        await test.platform.achievements.create(ADMIN, {
          issuerId: issuer.id,
          name,
          description: `${name}.`,
          criteria: { narrative: 'Pass.' },
          skills: [{ name, url: skill }],
          hours,
        })
      ).id;
    }
    acmeId = (await test.platform.employers.create(ADMIN, { slug: 'acme', name: 'Acme' })).id;
    acmeToken = (await test.platform.employers.createApiKey(ADMIN, acmeId, { name: 'ATS' })).token;
    const globex = await test.platform.employers.create(ADMIN, { slug: 'globex', name: 'Globex' });
    globexToken = (await test.platform.employers.createApiKey(ADMIN, globex.id, { name: 'ATS' })).token;

    for (const email of [ANA, BEN, DORA]) await signUp(email);
    await award(ANA, 'SQL Basics');
    anaVisualCredential = await award(ANA, 'Dashboards');
    await award(BEN, 'SQL Basics');
    // Dora proves more than anyone, in the public directory, and does not work for Acme.
    for (const achievement of ['SQL Basics', 'Dashboards', 'Statistics Basics'])
      await award(DORA, achievement);
    await test.platform.earners.giveConsent(earners[DORA] ?? '', {
      employerId: null,
      showName: true,
      showContact: true,
      credentialIds: null,
      location: null,
    });

    const invited = await test.call(acme('/employees'), {
      token: acmeToken,
      json: {
        employees: [
          { email: ANA, team: FORMULA_TEAM },
          { email: BEN, team: 'Analytics' },
          { email: CARA, team: 'Analytics' },
        ],
      },
    });
    expect(invited.status).toBe(201);
    for (const employee of invited.body as { id: string; email: string }[]) {
      employees[employee.email] = employee.id;
    }
    for (const email of [ANA, BEN]) {
      await test.platform.earners.connectToEmployer(earners[email] ?? '', employees[email] ?? '', {
        credentialIds: null,
      });
    }
    const role = await test.call(acme('/roles'), { token: acmeToken, json: ANALYST_ROLE });
    expect(role.status).toBe(201);
    roleId = role.body.id;
  }, 120_000);

  afterAll(async () => {
    await test?.close();
  });

  it('saves, reads, replaces and deletes a role with an employer key, labelled from ESCO', async () => {
    const created = await test.call(acme('/roles'), {
      token: acmeToken,
      json: {
        title: 'Reporting',
        skills: [
          { id: VISUAL, weight: 3 },
          { id: SQL, essential: false },
        ],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Reporting',
      occupationUri: null,
      skills: [
        { id: VISUAL, label: 'present data visually', essential: true, weight: 3, required: false },
        { id: SQL, label: 'SQL', essential: false, weight: 1, required: false },
      ],
    });
    const path = acme(`/roles/${created.body.id}`);
    expect((await test.call(path, { token: acmeToken })).body).toEqual(created.body);
    const listed = await test.call(acme('/roles'), { token: acmeToken });
    expect(listed.body.map((role: { title: string }) => role.title)).toEqual(['Data analyst', 'Reporting']);

    const replaced = await test.call(path, {
      method: 'PUT',
      token: acmeToken,
      json: { title: 'Analyst', occupationUri: ANALYST, skills: [{ id: SQL }] },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ title: 'Analyst', skills: [{ id: SQL, weight: 2 }] });
    expect(replaced.body.occupationUri).toBe(ANALYST);

    expect((await test.call(path, { method: 'DELETE', token: acmeToken })).status).toBe(204);
    expect((await test.call(path, { token: acmeToken })).status).toBe(404);
    expect((await test.call(path, { method: 'DELETE', token: acmeToken })).status).toBe(404);
  });

  it("answers 404 to another employer's key, for Acme's ids and for Acme's role under its own", async () => {
    for (const [method, path] of [
      ['GET', acme('/roles')],
      ['GET', acme(`/roles/${roleId}`)],
      ['DELETE', acme(`/roles/${roleId}`)],
      ['GET', acme(`/roles/${roleId}/candidates`)],
      ['GET', acme('/employees')],
      ['DELETE', acme(`/employees/${employees[ANA]}`)],
      ['GET', acme('/inventory')],
    ] as const) {
      const response = await test.call(path, { method, token: globexToken });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    }
    const globexId = (await test.platform.employers.findBySlug('globex'))?.id ?? '';
    const borrowed = await test.call(`/api/v1/employers/${globexId}/roles/${roleId}`, { token: globexToken });
    expect(borrowed.status).toBe(404);
    expect((await test.call(acme(`/roles/${roleId}`), { token: acmeToken })).status).toBe(200);
  });

  it('refuses a viewer who writes (403), while the viewer still reads', async () => {
    // Employer keys act as recruiters; viewers are staff signed in to the workspace. The same API, with a
    // token that resolves to a viewer, shows the domain's role check reaching HTTP as a problem.
    const viewerToken = 'viewer-of-acme';
    const platform = {
      ...test.platform,
      authenticate: async (token: string) =>
        token === viewerToken
          ? ({ kind: 'employer', employerId: acmeId, role: 'viewer', label: 'viewer@acme.example' } as const)
          : test.platform.authenticate(token),
    };
    const app = createServerApp({
      platform,
      logger: pino({ level: 'silent' }),
      bodyLimitBytes: 64 * 1024,
      rateLimits: { enabled: false },
    });
    const call = (path: string, init: { method?: string; json?: unknown } = {}) =>
      app.request(path, {
        method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
        headers: { Authorization: `Bearer ${viewerToken}`, 'Content-Type': 'application/json' },
        ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
      });
    expect((await call(acme('/roles'))).status).toBe(200);
    expect((await call(acme('/inventory'))).status).toBe(200);
    for (const [method, path, json] of [
      ['POST', acme('/roles'), ANALYST_ROLE],
      ['PUT', acme(`/roles/${roleId}`), ANALYST_ROLE],
      ['DELETE', acme(`/roles/${roleId}`), undefined],
      ['POST', acme('/employees'), { employees: [{ email: 'eve@workforce.example' }] }],
      ['PATCH', acme(`/employees/${employees[ANA]}`), { team: 'Sales' }],
      ['DELETE', acme(`/employees/${employees[ANA]}`), undefined],
    ] as const) {
      const response = await call(path, { method, json });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    }
    expect((await call(acme(`/roles/${roleId}`))).status).toBe(200);
  });

  it('refuses skills outside ESCO and an occupation URI that is not an occupation, as problems', async () => {
    const unknownSkill = await test.call(acme('/roles'), {
      token: acmeToken,
      json: { title: 'Nope', skills: [{ id: 'http://data.europa.eu/esco/skill/nope' }] },
    });
    expect(unknownSkill.status).toBe(400);
    expect(unknownSkill.headers.get('Content-Type')).toBe('application/problem+json');
    expect(unknownSkill.body).toMatchObject({ code: 'VALIDATION_ERROR' });
    const skillAsOccupation = await test.call(acme('/roles'), {
      token: acmeToken,
      json: { title: 'Nope', occupationUri: SQL, skills: [{ id: SQL }] },
    });
    expect(skillAsOccupation.status).toBe(400);
    expect(skillAsOccupation.headers.get('Content-Type')).toBe('application/problem+json');
    expect(skillAsOccupation.body.detail).toContain('occupation');
    const unknownField = await test.call(acme('/roles'), {
      token: acmeToken,
      json: { ...ANALYST_ROLE, salary: 1 },
    });
    expect(unknownField.status).toBe(400);
    const listed = await test.call(acme('/roles'), { token: acmeToken });
    expect(listed.body.map((role: { title: string }) => role.title)).toEqual(['Data analyst']);
  });

  it('invites people by address, queues an invitation mail for each, and files them in teams', async () => {
    const invited = await test.call(acme('/employees'), {
      token: acmeToken,
      json: { employees: [{ email: 'Erin@Workforce.Example', team: 'Sales' }] },
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject([
      { email: 'erin@workforce.example', team: 'Sales', status: 'invited', name: null, connectedAt: null },
    ]);
    const mails = await test.storage.mailOutbox.list({ limit: 500 });
    const erin = mails.filter((mail) => mail.toAddress === 'erin@workforce.example');
    expect(erin).toHaveLength(1);
    expect(erin[0]?.subject).toContain('Acme');
    expect(erin[0]?.textBody).toContain('/account/sharing');
    expect(mails.filter((mail) => mail.toAddress === CARA)).toHaveLength(1);

    const erinId = invited.body[0].id;
    const moved = await test.call(acme(`/employees/${erinId}`), {
      method: 'PATCH',
      token: acmeToken,
      json: { team: 'Marketing' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ team: 'Marketing' });
    const listed = await test.call(acme('/employees'), { token: acmeToken });
    expect(
      Object.fromEntries(
        listed.body.map((item: { email: string; status: string }) => [item.email, item.status]),
      ),
    ).toEqual({
      [ANA]: 'connected',
      [BEN]: 'connected',
      [CARA]: 'invited',
      'erin@workforce.example': 'invited',
    });
    expect(
      (await test.call(acme(`/employees/${erinId}`), { method: 'DELETE', token: acmeToken })).status,
    ).toBe(204);
    const after = await test.call(acme('/employees'), { token: acmeToken });
    expect(after.body.map((item: { email: string }) => item.email)).not.toContain('erin@workforce.example');
    const malformed = await test.call(acme('/employees'), {
      token: acmeToken,
      json: { employees: [{ email: 'not an address' }] },
    });
    expect(malformed.status).toBe(400);
  });

  it("shows each connected employee's verified skills against the role, and what would close the gap", async () => {
    const body = await inventory(`?roleId=${roleId}`);
    const people = body.people as Person[];
    expect(people.map((person) => person.email)).toEqual([ANA, BEN]);
    const [ana, ben] = people;
    expect(ana?.team).toBe(FORMULA_TEAM);
    expect(ana?.roleCoverage).toMatchObject({ essentialHeld: 2, essentialAsked: 3, held: 2, asked: 4 });
    expect(ana?.skills.map((skill) => skill.id)).toEqual([SQL, VISUAL]);
    expect(ana?.skills[1]?.proofs).toMatchObject([
      { credentialId: anaVisualCredential, achievement: 'Dashboards', issuer: 'Workforce College' },
    ]);
    expect(ben?.skills.map((skill) => skill.id)).toEqual([SQL]);
    expect(body.skills).toMatchObject([
      { id: SQL, holders: 2, role: { essential: true, required: true } },
      { id: VISUAL, holders: 1 },
      { id: STATISTICS, holders: 0 },
      { id: SPREADSHEETS, holders: 0, role: { essential: false } },
    ]);
    expect(body.notConnected).toBe(1);
    expect(body.teams).toEqual(['=cmd()', 'Analytics'].sort((a, b) => a.localeCompare(b)));
    expect(body.gap.uncovered.map((skill: { id: string }) => skill.id)).toEqual([STATISTICS, SPREADSHEETS]);
    expect(body.gap.recommendations).toContainEqual({
      achievementId: achievements['Statistics Basics'],
      name: 'Statistics Basics',
      covers: [STATISTICS],
      hours: 8,
    });

    const withoutRole = await inventory();
    expect(withoutRole.role).toBeNull();
    expect(withoutRole.gap).toBeNull();
    expect(withoutRole.skills.map((skill: { id: string }) => skill.id)).toEqual([SQL, VISUAL]);
    const analytics = await inventory('?team=Analytics');
    expect(analytics.people.map((person: Person) => person.email)).toEqual([BEN]);
    expect(analytics.notConnected).toBe(1);
    expect((await test.call(acme('/inventory?roleId=not-a-uuid'), { token: acmeToken })).status).toBe(400);
  });

  it('answers the inventory as CSV on Accept: text/csv, with formula cells neutralised', async () => {
    const response = await test.call(acme(`/inventory?roleId=${roleId}`), {
      token: acmeToken,
      headers: { Accept: 'text/csv' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="[\w-]+\.csv"$/);
    expect(response.headers.get('Vary')).toContain('Accept');
    const [header, ...rows] = response.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toContain(`"SQL <${SQL}>"`);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(`"${ANA}","'=cmd()"`);
    expect(rows[0]).toContain('Dashboards (Workforce College, ');
    expect(response.text).not.toContain('"=cmd()"');
    const json = await test.call(acme('/inventory'), {
      token: acmeToken,
      headers: { Accept: 'application/json' },
    });
    expect(json.headers.get('Content-Type')).toMatch(/^application\/json/);
  });

  it('ranks internal candidates for the role among the employees only', async () => {
    const search = await test.call(`/api/v1/talent?skills=${encodeURIComponent(SQL)}`, { token: acmeToken });
    expect(search.body.candidates.map((candidate: { contact: string }) => candidate.contact)).toEqual([DORA]);
    const ranked = await internal();
    expect(ranked.total).toBe(2);
    expect(ranked.candidates.map((candidate) => candidate.contact)).toEqual([ANA, BEN]);
    expect(ranked.candidates[0]).toMatchObject({
      team: FORMULA_TEAM,
      score: 4,
      coverage: { matched: 2, asked: 4, essentialMatched: 2, essentialAsked: 3 },
      matched: [{ id: SQL }, { id: VISUAL, credentialIds: [anaVisualCredential] }],
    });
    expect((await internal('?team=Analytics')).candidates.map((candidate) => candidate.contact)).toEqual([
      BEN,
    ]);
    expect((await internal('?limit=1&offset=1')).candidates.map((candidate) => candidate.contact)).toEqual([
      BEN,
    ]);
  });

  it('drops a revoked credential from the inventory and the ranking', async () => {
    await test.platform.credentials.revoke(ADMIN, anaVisualCredential, { reason: 'issued in error' });
    const body = await inventory(`?roleId=${roleId}`);
    const ana = (body.people as Person[]).find((person) => person.email === ANA);
    expect(ana?.skills.map((skill) => skill.id)).toEqual([SQL]);
    expect(body.skills[1]).toMatchObject({ id: VISUAL, holders: 0 });
    // Ana and Ben now tie on SQL alone: which comes first is the ranking's tie-break, not this test's.
    const ranked = await internal();
    expect(ranked.candidates.find((candidate) => candidate.contact === ANA)).toMatchObject({
      score: 2,
      matched: [{ id: SQL }],
    });
    expect(JSON.stringify(ranked)).not.toContain(anaVisualCredential);
  });

  it('forgets an employee the moment they disconnect', async () => {
    await test.platform.earners.declineEmployer(earners[BEN] ?? '', employees[BEN] ?? '');
    const body = await inventory(`?roleId=${roleId}`);
    expect(body.people.map((person: Person) => person.email)).toEqual([ANA]);
    expect(body.skills[0]).toMatchObject({ id: SQL, holders: 1 });
    expect(body.notConnected).toBe(2);
    expect((await internal()).candidates.map((candidate) => candidate.contact)).toEqual([ANA]);
    const listed = await test.call(acme('/employees'), { token: acmeToken });
    expect(listed.body.find((item: { email: string }) => item.email === BEN)).toMatchObject({
      status: 'declined',
    });
  });
});
