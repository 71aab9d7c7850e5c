import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { ADMIN, openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import type { Actor } from '../auth/actor.js';

describe.each(testDrivers())('endorsements on %s', (driver) => {
  let test: TestPlatform;
  let acme: Actor;
  let acmeId: string;
  let globex: Actor;
  let issuerId: string;
  let achievementId: string;
  let draftId: string;

  const issue = async () =>
    (
      await test.platform.credentials.issue(ADMIN, {
        achievementId,
        recipient: { email: `someone-${Math.random()}@example.org` },
      })
    ).record.document;

  const endorsementsCheck = async (document: Record<string, unknown>) =>
    (await test.platform.verify(document)).checks.find((check) => check.id === 'endorsements');

  beforeAll(async () => {
    test = await openTestPlatform(driver);
    const issuer = await test.platform.issuers.create(ADMIN, { slug: 'data-school', name: 'Data School' });
    issuerId = issuer.id;
    const create = async (name: string, status: 'draft' | 'published') =>
      (
        await test.platform.achievements.create(ADMIN, {
          issuerId,
          name,
          description: `${name}.`,
          criteria: { narrative: 'Pass.' },
          status,
        })
      ).id;
    achievementId = await create('SQL for Analysts', 'published');
    draftId = await create('Unfinished', 'draft');
    acmeId = (await test.platform.employers.create(ADMIN, { slug: 'acme', name: 'Acme Analytics' })).id;
    const globexId = (await test.platform.employers.create(ADMIN, { slug: 'globex', name: 'Globex' })).id;
    acme = { kind: 'employer', employerId: acmeId, role: 'recruiter', label: 'hr@acme.example' };
    globex = { kind: 'employer', employerId: globexId, role: 'owner' };
  });

  afterAll(async () => {
    await test?.close();
  });

  it('signs an employer’s endorsement with a did:web of its own, verifiable like any credential', async () => {
    const endorsement = await test.platform.endorsements.endorse(acme, {
      endorserId: acmeId,
      achievementId,
      comment: 'We co-designed this course and hire on it.',
    });
    expect(endorsement.endorser).toEqual({ id: acmeId, name: 'Acme Analytics', kind: 'employer' });
    const document = endorsement.document as {
      type: string[];
      issuer: { id: string };
      credentialSubject: { type: string[]; endorsementComment: string };
      proof: { cryptosuite: string } | { cryptosuite: string }[];
    };
    expect(document.type).toContain('EndorsementCredential');
    expect(document.issuer.id).toMatch(/^did:web:.+:issuers:acme$/);
    expect(document.credentialSubject.endorsementComment).toBe('We co-designed this course and hire on it.');
    expect([document.proof].flat().map((proof) => proof.cryptosuite)).toEqual(['eddsa-rdfc-2022']);
    const report = await test.platform.verify(endorsement.document);
    expect(report.verified).toBe(true);
    // The employer's signing profile is no issuer: it is in no list of issuers.
    expect((await test.platform.issuers.list(ADMIN, {})).map((issuer) => issuer.slug)).toEqual([
      'data-school',
    ]);
    expect((await test.platform.endorsements.list({ endorserId: acmeId })).map((item) => item.id)).toEqual([
      endorsement.id,
    ]);
  });

  it('puts the endorsement in credentials issued afterwards, and the verifier checks it', async () => {
    const document = (await issue()) as { credentialSubject: { achievement: { endorsement?: unknown[] } } };
    const embedded = document.credentialSubject.achievement.endorsement ?? [];
    expect(embedded).toHaveLength(1);
    expect((embedded[0] as { issuer: { id: string } }).issuer.id).toMatch(/:issuers:acme$/);
    expect((await test.platform.verify(document)).verified).toBe(true);
    expect(await endorsementsCheck(document)).toMatchObject({ ok: true });
  });

  it('makes a withdrawn endorsement fail wherever it is embedded, and leaves it out of new credentials', async () => {
    const before = await issue();
    const [endorsement] = await test.platform.endorsements.list({ achievementId });
    await expect(
      test.platform.endorsements.withdraw(globex, endorsement?.id ?? '', {}),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const withdrawn = await test.platform.endorsements.withdraw(acme, endorsement?.id ?? '', {
      reason: 'course changed',
    });
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect((await test.platform.verify(withdrawn.document)).verified).toBe(false);
    const check = await endorsementsCheck(before);
    expect(check?.ok).toBe(false);
    // The rest of the report is still there: the credential's own signature verified.
    expect((await test.platform.verify(before)).checks.find((item) => item.id === 'proof')?.ok).toBe(true);
    const after = (await issue()) as { credentialSubject: { achievement: { endorsement?: unknown[] } } };
    expect(after.credentialSubject.achievement.endorsement).toBeUndefined();
    expect(await test.platform.endorsements.list({ achievementId })).toEqual([]);
  });

  it('refuses to speak for another organisation, a draft, its own achievement and an essay', async () => {
    await expect(
      test.platform.endorsements.endorse(globex, { endorserId: acmeId, achievementId, comment: 'Yes.' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      test.platform.endorsements.endorse(acme, {
        endorserId: acmeId,
        achievementId: draftId,
        comment: 'Yes.',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      test.platform.endorsements.endorse(ADMIN, { endorserId: issuerId, achievementId, comment: 'Ours.' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await expect(
      test.platform.endorsements.endorse(acme, {
        endorserId: acmeId,
        achievementId,
        comment: 'x'.repeat(100_000),
      }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(
      test.platform.endorsements.endorse(acme, { endorserId: acmeId, comment: 'Nothing named.' }),
    ).rejects.toBeInstanceOf(ZodError);
  });
});
