import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCO_FILES, SPREADSHEETS, SQL, STATISTICS, VISUAL } from '../../../test/support/small-esco.js';
import { ADMIN, openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import type { Actor } from '../auth/actor.js';
import { earnerHolding } from '../talent/talent-earners.test-support.js';

describe.each(testDrivers())('workforce inventory and saved roles on %s', (driver) => {
  let test: TestPlatform;
  let acmeId: string;
  let globexId: string;
  let acme: Actor;
  let viewer: Actor;
  let globex: Actor;
  let roleId: string;
  const achievements: Record<string, string> = {};
  const people: Record<string, { earnerId: string; credentialIds: string[] }> = {};

  const invitationOf = async (name: string) => {
    const invitations = await test.platform.earners.workforceInvitations(people[name]?.earnerId ?? '');
    const invitation = invitations.find((item) => item.employerId === acmeId);
    if (invitation === undefined) throw new Error(`no invitation for ${name}`);
    return invitation;
  };

  const inventoryNames = async (query = {}) =>
    (await test.platform.workforce.inventory(acme, acmeId, query)).people.map(
      (person) => person.employee.name,
    );

  beforeAll(async () => {
    test = await openTestPlatform(driver);
    await test.platform.skills.importEsco(null, ESCO_FILES);
    const issuer = await test.platform.issuers.create(ADMIN, { slug: 'wf-college', name: 'WF College' });
    const create = async (name: string, skills: string[]) => {
      achievements[name] = (
        await test.platform.achievements.create(ADMIN, {
          issuerId: issuer.id,
          name,
          description: `${name}.`,
          criteria: { narrative: 'Pass.' },
          skills: skills.map((url) => ({ name: url.slice(-6), url })),
          hours: 10,
          status: 'published',
        })
      ).id;
    };
    await create('SQL Basics', [SQL]);
    await create('Charts', [VISUAL]);
    await create('Spreadsheets', [SPREADSHEETS]);
    await create('Statistics', [STATISTICS]);
    acmeId = (await test.platform.employers.create(ADMIN, { slug: 'acme', name: 'Acme' })).id;
    globexId = (await test.platform.employers.create(ADMIN, { slug: 'globex', name: 'Globex' })).id;
    acme = { kind: 'employer', employerId: acmeId, role: 'recruiter', label: 'hr@acme.example' };
    viewer = { kind: 'employer', employerId: acmeId, role: 'viewer' };
    globex = { kind: 'employer', employerId: globexId, role: 'owner' };
    const holding = async (name: string, held: string[]) => {
      people[name] = await earnerHolding(
        test,
        name,
        held.map((item) => achievements[item] ?? ''),
      );
    };
    await holding('ada', ['SQL Basics', 'Charts']);
    await holding('bob', ['SQL Basics']);
    await holding('cy', ['Spreadsheets', 'Charts']);
    await holding('dee', ['SQL Basics', 'Charts', 'Spreadsheets']);
    roleId = (
      await test.platform.savedRoles.create(acme, acmeId, {
        title: 'Analyst',
        skills: [
          { id: SQL, required: true },
          { id: VISUAL },
          { id: STATISTICS },
          { id: SPREADSHEETS, essential: false },
        ],
      })
    ).id;
  });

  afterAll(async () => {
    await test?.close();
  });

  it('saves a role with framework labels and weights, and keeps it from other employers', async () => {
    const role = await test.platform.savedRoles.get(viewer, acmeId, roleId);
    expect(role.skills.map((skill) => [skill.label, skill.essential, skill.weight, skill.required])).toEqual([
      ['SQL', true, 2, true],
      ['present data visually', true, 2, false],
      [expect.any(String), true, 2, false],
      [expect.any(String), false, 1, false],
    ]);
    expect(role.createdBy).toBe('hr@acme.example');
    await expect(test.platform.savedRoles.get(globex, acmeId, roleId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(test.platform.savedRoles.get(globex, globexId, roleId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      test.platform.savedRoles.update(viewer, acmeId, roleId, { title: 'X', skills: [{ id: SQL }] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      test.platform.savedRoles.create(acme, acmeId, {
        title: 'Bad',
        skills: [{ id: 'http://data.europa.eu/esco/skill/nope' }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    expect((await test.platform.savedRoles.list(globex, globexId)).length).toBe(0);
  });

  it('reads nobody before they accept, and only what the connection shows after', async () => {
    const invited = await test.platform.workforce.invite(acme, acmeId, {
      employees: [
        { email: 'ADA@example.org', team: 'Data' },
        { email: 'bob@example.org', team: 'Data' },
        { email: 'cy@example.org', team: 'Ops' },
        { email: 'nobody@example.org', team: 'Ops' },
      ],
    });
    expect(invited.map((employee) => [employee.email, employee.status])).toEqual([
      ['ada@example.org', 'invited'],
      ['bob@example.org', 'invited'],
      ['cy@example.org', 'invited'],
      ['nobody@example.org', 'invited'],
    ]);
    expect(await inventoryNames()).toEqual([]);
    const mails = await test.platform.context.storage.mailOutbox.list({ limit: 50 });
    expect(
      mails
        .filter((mail) => mail.subject.includes('Acme'))
        .map((mail) => mail.toAddress)
        .sort(),
    ).toEqual(['ada@example.org', 'bob@example.org', 'cy@example.org', 'nobody@example.org']);
    const ada = await invitationOf('ada');
    await test.platform.earners.connectToEmployer(people.ada?.earnerId ?? '', ada.id, {
      credentialIds: null,
    });
    const bob = await invitationOf('bob');
    await test.platform.earners.connectToEmployer(people.bob?.earnerId ?? '', bob.id, {
      credentialIds: people.bob?.credentialIds ?? [],
    });
    const cy = await invitationOf('cy');
    // Cy shows the spreadsheet credential only: the charts credential never reaches Acme.
    await test.platform.earners.connectToEmployer(people.cy?.earnerId ?? '', cy.id, {
      credentialIds: [people.cy?.credentialIds[0] ?? ''],
    });
    const inventory = await test.platform.workforce.inventory(viewer, acmeId, {});
    expect(inventory.teams).toEqual(['Data', 'Ops']);
    expect(inventory.notConnected).toBe(1);
    const skillsOf = (name: string) =>
      [...(inventory.people.find((person) => person.employee.name === name)?.skills.keys() ?? [])].sort();
    expect(skillsOf('ada')).toEqual([SQL, VISUAL].sort());
    expect(skillsOf('cy')).toEqual([SPREADSHEETS]);
    expect(inventory.skills.find((skill) => skill.id === SQL)?.holders).toBe(2);
    expect(inventory.skills.find((skill) => skill.id === VISUAL)?.holders).toBe(1);
    expect(await inventoryNames({ team: 'Ops' })).toEqual(['cy']);
  });

  it('measures the workforce against a role and names what would close what nobody has', async () => {
    const inventory = await test.platform.workforce.inventory(acme, acmeId, { roleId });
    expect(inventory.skills.map((skill) => [skill.id, skill.holders])).toEqual([
      [SQL, 2],
      [VISUAL, 1],
      [STATISTICS, 0],
      [SPREADSHEETS, 1],
    ]);
    expect(
      inventory.people.map((person) => [person.employee.name, person.roleCoverage?.essentialHeld]),
    ).toEqual([
      ['ada', 2],
      ['bob', 1],
      ['cy', 0],
    ]);
    expect(inventory.gap?.uncovered.map((skill) => skill.id)).toEqual([STATISTICS]);
    expect(inventory.gap?.recommendations.map((item) => item.name)).toEqual(['Statistics']);
    await expect(test.platform.workforce.inventory(globex, acmeId, { roleId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(test.platform.workforce.inventory(globex, globexId, { roleId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('ranks internal candidates as talent search does, among employees only', async () => {
    // Dee proves more than anyone, in the public directory, but is no employee of Acme.
    await test.platform.earners.giveConsent(people.dee?.earnerId ?? '', {
      employerId: null,
      showName: true,
      showContact: false,
      credentialIds: null,
      location: null,
    });
    const internal = await test.platform.workforce.internalCandidates(acme, acmeId, roleId);
    // SQL is required: Cy, who has no SQL, is not a candidate.
    expect(internal.candidates.map((candidate) => [candidate.name, candidate.score])).toEqual([
      ['ada', 4],
      ['bob', 2],
    ]);
    expect(internal.candidates[0]?.team).toBe('Data');
    expect(internal.candidates[0]?.contact).toBe('ada@example.org');
    const outside = await test.platform.talent.search(acme, { skills: [SQL, VISUAL] });
    expect(outside.candidates.map((candidate) => candidate.name)).toEqual(['dee']);
  });

  it('forgets a revoked credential and a disconnected employee at once', async () => {
    await test.platform.credentials.revoke(ADMIN, people.ada?.credentialIds[1] ?? '', { reason: 'error' });
    const after = await test.platform.workforce.inventory(acme, acmeId, {});
    expect([...(after.people.find((person) => person.employee.name === 'ada')?.skills.keys() ?? [])]).toEqual(
      [SQL],
    );
    const bob = await invitationOf('bob');
    await test.platform.earners.declineEmployer(people.bob?.earnerId ?? '', bob.id);
    expect(await inventoryNames()).toEqual(['ada', 'cy']);
    const internal = await test.platform.workforce.internalCandidates(acme, acmeId, roleId);
    expect(internal.candidates.map((candidate) => candidate.name)).toEqual(['ada']);
    expect((await invitationOf('bob')).status).toBe('declined');
    const cy = (await test.platform.workforce.employees(acme, acmeId)).find(
      (employee) => employee.email === 'cy@example.org',
    );
    await test.platform.workforce.remove(acme, acmeId, cy?.id ?? '');
    expect(await inventoryNames()).toEqual(['ada']);
  });

  it('lets no one answer an invitation sent to an address they have not proven', async () => {
    const ada = await invitationOf('ada');
    await expect(
      test.platform.earners.connectToEmployer(people.dee?.earnerId ?? '', ada.id, { credentialIds: null }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      test.platform.earners.declineEmployer(people.dee?.earnerId ?? '', ada.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      test.platform.earners.connectToEmployer(people.ada?.earnerId ?? '', ada.id, {
        credentialIds: [people.dee?.credentialIds[0] ?? ''],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await inventoryNames()).toEqual(['ada']);
  });
});
