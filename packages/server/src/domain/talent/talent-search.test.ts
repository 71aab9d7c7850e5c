import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCO_FILES, SPREADSHEETS, SQL, STATISTICS, VISUAL } from '../../../test/support/small-esco.js';
import { ADMIN, openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import type { Actor } from '../auth/actor.js';
import { earnerHolding } from './talent-earners.test-support.js';
import { refreshTalentEvidence } from './talent-evidence.js';

describe.each(testDrivers())('talent search on %s', (driver) => {
  let test: TestPlatform;
  let acme: Actor;
  let globex: Actor;
  let acmeId: string;
  let issuerId: string;
  const achievements: Record<string, string> = {};
  const earners: Record<string, string> = {};

  /** An earner account whose address is proven, holding an accepted credential of each named achievement. */
  async function earnerWith(name: string, held: readonly string[]): Promise<string[]> {
    const { earnerId, credentialIds } = await earnerHolding(
      test,
      name,
      held.map((achievement) => achievements[achievement] ?? ''),
    );
    earners[name] = earnerId;
    return credentialIds;
  }

  const consent = (
    name: string,
    overrides: Partial<Parameters<TestPlatform['platform']['earners']['giveConsent']>[1]> = {},
  ) =>
    test.platform.earners.giveConsent(earners[name] ?? '', {
      employerId: null,
      showName: true,
      showContact: false,
      credentialIds: null,
      location: null,
      ...overrides,
    });

  const names = async (
    actor: Actor,
    skills: Parameters<TestPlatform['platform']['talent']['search']>[1]['skills'],
    extra = {},
  ) =>
    (await test.platform.talent.search(actor, { skills, ...extra })).candidates.map(
      (candidate) => candidate.name,
    );

  beforeAll(async () => {
    test = await openTestPlatform(driver);
    await test.platform.skills.importEsco(null, ESCO_FILES);
    const issuer = await test.platform.issuers.create(ADMIN, {
      slug: 'talent-college',
      name: 'Talent College',
    });
    issuerId = issuer.id;
    const other = await test.platform.issuers.create(ADMIN, { slug: 'night-school', name: 'Night School' });
    const create = async (name: string, skills: string[], on = issuerId, suspendable = false) => {
      achievements[name] = (
        await test.platform.achievements.create(ADMIN, {
          issuerId: on,
          name,
          description: `${name}.`,
          criteria: { narrative: 'Pass.' },
          skills: skills.map((url) => ({ name: url.slice(-6), url })),
          ...(suspendable ? { suspendable: true } : {}),
        })
      ).id;
    };
    await create('SQL Basics', [SQL]);
    await create('Charts', [VISUAL], issuerId, true);
    await create('Spreadsheets', [SPREADSHEETS]);
    await create('Evening SQL', [SQL], other.id);
    await create('Statistics', [STATISTICS]);
    const acmeEmployer = await test.platform.employers.create(ADMIN, { slug: 'acme', name: 'Acme' });
    const globexEmployer = await test.platform.employers.create(ADMIN, { slug: 'globex', name: 'Globex' });
    acmeId = acmeEmployer.id;
    acme = { kind: 'employer', employerId: acmeEmployer.id, role: 'recruiter' };
    globex = { kind: 'employer', employerId: globexEmployer.id, role: 'viewer' };
  });

  afterAll(async () => {
    await test?.close();
  });

  it('finds only earners who consented, and forgets one the moment they withdraw', async () => {
    await earnerWith('ada', ['SQL Basics', 'Charts']);
    await earnerWith('bob', ['SQL Basics']);
    await consent('ada');
    expect(await names(acme, [SQL])).toEqual(['ada']);
    expect(await names(ADMIN, [SQL])).toEqual(['ada']);
    await test.platform.earners.withdrawConsent(earners.ada ?? '', null);
    expect(await names(acme, [SQL])).toEqual([]);
    expect((await test.platform.talent.search(acme, { skills: [SQL] })).total).toBe(0);
    await consent('ada');
  });

  it('shows a consent given to one employer to that employer only', async () => {
    await consent('bob', { employerId: acmeId });
    expect(await names(acme, [SQL])).toEqual(expect.arrayContaining(['ada', 'bob']));
    expect(await names(globex, [SQL])).toEqual(['ada']);
    expect(await names(ADMIN, [SQL])).toEqual(['ada']);
    await expect(
      test.platform.talent.candidate(globex, earners.bob ?? '', { skills: [SQL] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('ranks by the weight of proven skills, essential first, and explains each match', async () => {
    const result = await test.platform.talent.search(acme, {
      skills: [SQL, { id: VISUAL, essential: false }],
    });
    expect(result.candidates.map((candidate) => candidate.name)).toEqual(['ada', 'bob']);
    const [ada] = result.candidates;
    expect(ada?.score).toBe(3);
    expect(ada?.coverage).toEqual({ matched: 2, asked: 2, essentialMatched: 1, essentialAsked: 1 });
    expect(
      ada?.matched.map((item) => [item.skill.label, item.proofs.map((proof) => proof.achievementName)]),
    ).toEqual([
      ['SQL', ['SQL Basics']],
      ['present data visually', ['Charts']],
    ]);
  });

  it('never lowers a score when a verified credential is added, and never counts a revoked one', async () => {
    const before = await test.platform.talent.search(acme, { skills: [SQL, STATISTICS] });
    const scoreOf = (result: typeof before, name: string) =>
      result.candidates.find((candidate) => candidate.name === name)?.score ?? 0;
    const [statistics] = await earnerWithMore('bob', ['Statistics']);
    const after = await test.platform.talent.search(acme, { skills: [SQL, STATISTICS] });
    expect(scoreOf(after, 'bob')).toBeGreaterThan(scoreOf(before, 'bob'));
    expect(after.candidates[0]?.name).toBe('bob');
    await test.platform.credentials.revoke(ADMIN, statistics ?? '', { reason: 'issued in error' });
    const revoked = await test.platform.talent.search(acme, { skills: [SQL, STATISTICS] });
    expect(scoreOf(revoked, 'bob')).toBe(scoreOf(before, 'bob'));
  });

  it('drops a suspended credential at once and counts it again once reinstated', async () => {
    const ada = await test.platform.talent.search(acme, { skills: [VISUAL] });
    const chartsId = ada.candidates[0]?.matched[0]?.proofs[0]?.credentialId ?? '';
    await test.platform.credentials.suspend(ADMIN, chartsId, { reason: 'under review' });
    expect(await names(acme, [VISUAL])).toEqual([]);
    await test.platform.credentials.reinstate(ADMIN, chartsId, {});
    expect(await names(acme, [VISUAL])).toEqual(['ada']);
  });

  it('counts only the credentials a consent shows, and shows only what it allows', async () => {
    const [sqlId] = await earnerWith('cleo', ['SQL Basics', 'Spreadsheets']);
    await consent('cleo', {
      credentialIds: [sqlId ?? ''],
      showName: false,
      showContact: true,
      location: 'Lyon',
    });
    expect(await names(acme, [SPREADSHEETS])).toEqual([]);
    const found = await test.platform.talent.search(acme, { skills: [SQL], location: 'lyon' });
    expect(found.candidates).toHaveLength(1);
    const [cleo] = found.candidates;
    expect(cleo?.name).toBeNull();
    expect(cleo?.contact).toBe('cleo@example.org');
    expect(cleo?.reference).toMatch(/^[0-9A-F]{8}$/);
    const elsewhere = await test.platform.talent.search(globex, { skills: [SQL], location: 'lyon' });
    expect(elsewhere.candidates[0]?.reference).not.toBe(cleo?.reference);
    const gap = await test.platform.talent.candidate(acme, earners.cleo ?? '', {
      skills: [SQL, SPREADSHEETS],
    });
    expect(gap.gap.have.map((skill) => skill.id)).toEqual([SQL]);
    expect(gap.gap.missing.map((skill) => skill.id)).toEqual([SPREADSHEETS]);
    expect(gap.gap.recommendations.map((item) => item.name)).toEqual(['Spreadsheets']);
  });

  it("lets an earner's consent to one employer replace what the directory shows that employer", async () => {
    const [sqlId] = await earnerWith('fay', ['SQL Basics', 'Spreadsheets']);
    await consent('fay', { location: 'Paris' });
    await consent('fay', { employerId: acmeId, credentialIds: [sqlId ?? ''], location: 'Nantes' });
    expect(await names(globex, [SPREADSHEETS])).toEqual(['fay']);
    expect(await names(acme, [SPREADSHEETS])).toEqual([]);
    expect(await names(acme, [SQL], { location: 'nantes' })).toEqual(['fay']);
    expect(await names(acme, [SQL], { location: 'paris' })).toEqual([]);
    await test.platform.earners.withdrawConsent(earners.fay ?? '', null);
    await test.platform.earners.withdrawConsent(earners.fay ?? '', acmeId);
  });

  it('filters by issuer, by a required skill and by recency', async () => {
    await earnerWith('dan', ['Evening SQL', 'Charts']);
    await consent('dan');
    expect(await names(acme, [SQL], { issuer: 'night' })).toEqual(['dan']);
    expect((await names(acme, [SQL, VISUAL], { required: [VISUAL] })).sort()).toEqual(['ada', 'dan']);
    expect(await names(acme, [SQL], { since: new Date(Date.now() + 86_400_000) })).toEqual([]);
  });

  it('refuses unknown skills, issuer staff and a credential that is not the earner’s', async () => {
    await expect(
      test.platform.talent.search(acme, { skills: ['http://data.europa.eu/esco/skill/not-a-skill'] }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    const member: Actor = { kind: 'member', issuerId, role: 'owner' };
    await expect(test.platform.talent.search(member, { skills: [SQL] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const [foreign] = await earnerWith('eve', ['Statistics']);
    await expect(consent('ada', { credentialIds: [foreign ?? ''] })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
  });

  /** Another credential accepted into an existing earner's portfolio. */
  async function earnerWithMore(name: string, held: readonly string[]): Promise<string[]> {
    const earnerId = earners[name] ?? '';
    const context = test.platform.context;
    const ids: string[] = [];
    for (const achievement of held) {
      const issued = await test.platform.credentials.issue(ADMIN, {
        achievementId: achievements[achievement] ?? '',
        recipient: { email: `${name}@example.org`, name },
        idempotencyKey: `${name}-more-${achievement}`,
      });
      ids.push(issued.record.id);
      await test.platform.earners.choose(earnerId, issued.record.id, {
        choice: 'accepted',
        visibility: 'public',
      });
    }
    await refreshTalentEvidence(context, earnerId);
    return ids;
  }
});
