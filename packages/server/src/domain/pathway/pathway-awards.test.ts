import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWithReferenceStack } from '../../../../vc/test/support/reference-stack.js';
import { seedPathwayWorld, threeOfFour } from '../../../test/support/pathway-fixtures.js';
import { rejection } from '../../../test/support/rejection.js';
import { ADMIN, openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import { ServerErrorCode } from '../error/server-error.js';
import { AUTO_REVOCATION_REASON } from './settle-pathway-awards.js';

describe.each(testDrivers())('stackable pathways on %s', (driver) => {
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(driver);
  });
  afterAll(async () => {
    await test?.close();
  });

  const issue = (achievementId: string, email: string) =>
    test.platform.credentials.issue(ADMIN, { achievementId, recipient: { email, name: 'Ada' } });
  const completions = (achievementId: string, email: string) =>
    test.platform.credentials.list(ADMIN, { recipient: email, achievementId });

  it('awards the stacked credential exactly once when the last two parts are issued concurrently', async () => {
    const { platform } = test;
    const world = await seedPathwayWorld(platform);
    const { pathway } = await platform.pathways.create(ADMIN, threeOfFour(world));
    const email = 'ada@example.org';
    const [a, b, c, d] = world.parts;
    const first = await issue(a.id, email);
    expect(await completions(world.certificate.id, email)).toEqual([]);
    const [second, third] = await Promise.all([issue(b.id, email), issue(c.id, email)]);
    // Any worker retrying the same jobs, and a fourth part, change nothing.
    await platform.pathways.processJobs({ workerId: 'test' });
    await issue(d.id, email);
    await platform.pathways.processJobs({ workerId: 'test' });

    const stacked = await completions(world.certificate.id, email);
    expect(stacked).toHaveLength(1);
    const credential = stacked[0]?.document ?? {};
    const evidence = (credential.evidence as { id: string }[]).map((item) => item.id).sort();
    expect(evidence).toEqual(
      [first, second, third].map((item) => `https://badges.example.edu/credentials/${item.record.id}`).sort(),
    );
    expect((await platform.verify(credential)).verified).toBe(true);

    const progress = await platform.pathways.progress(ADMIN, pathway.id, { recipient: email });
    expect(progress).toMatchObject({ version: 1, startedVersion: 1, progress: { met: true, percent: 100 } });
    expect(progress.awards).toMatchObject([{ state: 'active', generation: 0, credentialId: stacked[0]?.id }]);
  });

  it('revokes the stacked credential when a revoked part breaks the rule, and issues a new one when it holds again', async () => {
    const { platform } = test;
    const world = await seedPathwayWorld(platform);
    await platform.pathways.create(ADMIN, threeOfFour(world));
    const email = 'grace@example.org';
    const held = [];
    for (const part of world.parts.slice(0, 3)) held.push(await issue(part.id, email));
    const [awarded] = await completions(world.certificate.id, email);
    expect(awarded?.revokedAt).toBeNull();

    await platform.credentials.revoke(ADMIN, held[0]?.record.id ?? '', { reason: 'plagiarism' });
    const [revoked] = await completions(world.certificate.id, email);
    expect(revoked).toMatchObject({ id: awarded?.id, revocationReason: AUTO_REVOCATION_REASON });
    expect((await platform.verify(revoked?.document ?? {})).verified).toBe(false);

    await issue(world.parts[3].id, email);
    const all = await completions(world.certificate.id, email);
    expect(all).toHaveLength(2);
    const fresh = all.find((item) => item.id !== awarded?.id);
    expect(fresh?.revokedAt).toBeNull();
    expect(fresh?.document.evidence).toHaveLength(3);
  });

  it('leaves a stacked credential standing while the rule still holds, and one revoked by hand alone', async () => {
    const { platform } = test;
    const world = await seedPathwayWorld(platform);
    await platform.pathways.create(ADMIN, threeOfFour(world));
    const email = 'linus@example.org';
    const held = [];
    for (const part of world.parts) held.push(await issue(part.id, email));
    await platform.credentials.revoke(ADMIN, held[0]?.record.id ?? '', { reason: 'duplicate' });
    const [standing] = await completions(world.certificate.id, email);
    expect(standing?.revokedAt).toBeNull();
    await platform.credentials.revoke(ADMIN, standing?.id ?? '', { reason: 'awarded in error' });
    await platform.pathways.processJobs({ workerId: 'test' });
    expect(await completions(world.certificate.id, email)).toHaveLength(1);
  });

  it('awards a milestone on an inner group, then the completion, then a pathway stacked on that completion', async () => {
    const { platform } = test;
    const world = await seedPathwayWorld(platform);
    const [a, b, c] = world.parts;
    const define = (name: string, achievementType = 'Badge') =>
      platform.achievements.create(ADMIN, {
        issuerId: world.issuer.id,
        name,
        description: name,
        criteria: { narrative: name },
        achievementType,
      });
    const foundations = await define('Foundations');
    const advanced = await define('Advanced Diploma', 'Diploma');
    await platform.pathways.create(ADMIN, {
      issuerId: world.issuer.id,
      name: 'With a milestone',
      completionAchievementId: world.certificate.id,
      requirement: {
        type: 'all-of',
        children: [
          {
            type: 'all-of',
            name: 'Foundations',
            milestoneAchievementId: foundations.id,
            children: [
              { type: 'achievement', achievementId: a.id },
              { type: 'achievement', achievementId: b.id },
            ],
          },
          { type: 'achievement', achievementId: c.id },
        ],
      },
    });
    await platform.pathways.create(ADMIN, {
      issuerId: world.issuer.id,
      name: 'Stacked on the certificate',
      completionAchievementId: advanced.id,
      requirement: { type: 'achievement', achievementId: world.certificate.id },
    });
    const email = 'milestones@example.org';
    await issue(a.id, email);
    await issue(b.id, email);
    expect(await completions(foundations.id, email)).toHaveLength(1);
    expect(await completions(world.certificate.id, email)).toEqual([]);
    await issue(c.id, email);
    expect(await completions(world.certificate.id, email)).toHaveLength(1);
    // The certificate's own re-evaluation ran right after it was awarded: the stack above it is complete.
    const [diploma] = await completions(advanced.id, email);
    expect(diploma?.document.evidence).toHaveLength(1);
  });

  it('awards after a bulk run through the job the run queued, once the pathway worker takes it', async () => {
    const { platform } = test;
    const world = await seedPathwayWorld(platform);
    await platform.pathways.create(ADMIN, threeOfFour(world));
    const cohort = ['bulk1@example.org', 'bulk2@example.org'];
    for (const email of cohort) {
      await issue(world.parts[0].id, email);
      await issue(world.parts[1].id, email);
    }
    await platform.bulk.create(ADMIN, {
      achievementId: world.parts[2].id,
      text: `email\n${cohort.join('\n')}\n`,
      format: 'csv',
    });
    while ((await platform.bulk.processRows({ workerId: 'bulk' })) > 0);
    expect(await completions(world.certificate.id, cohort[0] ?? '')).toEqual([]);
    const { handled } = await platform.pathways.processJobs({ workerId: 'pathways' });
    expect(handled).toBeGreaterThan(0);
    for (const email of cohort) expect(await completions(world.certificate.id, email)).toHaveLength(1);
  });

  it('bundles the stacked credential and its parts in a CLR that verifies, its parts in the reference stack too', async () => {
    const { platform } = test;
    const world = await seedPathwayWorld(platform);
    const { pathway } = await platform.pathways.create(ADMIN, threeOfFour(world));
    const email = 'katherine@example.org';
    expect((await rejection(platform.pathways.issueClr(ADMIN, pathway.id, { recipient: email }))).code).toBe(
      ServerErrorCode.CONFLICT,
    );
    for (const part of world.parts.slice(0, 3)) await issue(part.id, email);

    const { credential: clr, complete } = await platform.pathways.issueClr(ADMIN, pathway.id, {
      recipient: email,
    });
    expect(complete).toBe(true);
    expect(clr.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    const subject = clr.credentialSubject as {
      verifiableCredential: Record<string, unknown>[];
      achievement: { id: string; achievementType?: string }[];
      association: { associationType: string; sourceId: string; targetId: string }[];
      identifier: unknown[];
    };
    expect(subject.verifiableCredential).toHaveLength(4);
    expect(subject.achievement.map((item) => item.achievementType)).toContain('Certificate');
    const certificateUrl = world.certificate.document.id;
    expect(subject.association.filter((item) => item.associationType === 'isParentOf')).toHaveLength(4);
    expect(subject.association).toContainEqual({
      type: 'Association',
      associationType: 'isChildOf',
      sourceId: world.parts[0].document.id,
      targetId: certificateUrl,
    });

    const report = await platform.verify(clr);
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    expect(report.verified).toBe(true);
    expect(report.checks.find((check) => check.id === 'nested-credentials')?.ok).toBe(true);

    const didDocument = await platform.issuers.didDocument(world.issuer.slug);
    const documents = new Map([[world.issuer.did, didDocument as unknown as Record<string, unknown>]]);
    for (const inner of subject.verifiableCredential) {
      const reference = await verifyWithReferenceStack(inner, new Date(), documents);
      expect(reference.error).toBeUndefined();
      expect(reference.verified).toBe(true);
    }

    const record = await platform.pathways.issueRecordClr(ADMIN, world.issuer.id, { recipient: email });
    expect((await platform.verify(record.credential)).verified).toBe(true);
  });
});
