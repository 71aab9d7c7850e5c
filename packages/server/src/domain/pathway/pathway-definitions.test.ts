import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPathwayWorld } from '../../../test/support/pathway-fixtures.js';
import { rejection } from '../../../test/support/rejection.js';
import { ADMIN, openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import type { Actor } from '../auth/actor.js';
import { ServerErrorCode } from '../error/server-error.js';

const leaf = (achievementId: string) => ({ type: 'achievement' as const, achievementId });

describe.each(testDrivers())('pathway definitions on %s', (driver) => {
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(driver);
  });
  afterAll(async () => {
    await test?.close();
  });

  it('refuses n > m, self-reference and unknown achievements with the offending node path', async () => {
    const { platform } = test;
    const world = await seedPathwayWorld(platform);
    const [a, b] = world.parts;
    const base = { issuerId: world.issuer.id, name: 'Bad', completionAchievementId: world.certificate.id };
    const tooMany = await rejection(
      platform.pathways.create(ADMIN, {
        ...base,
        requirement: { type: 'n-of', n: 3, children: [leaf(a.id), leaf(b.id)] },
      }),
    );
    expect(tooMany.code).toBe(ServerErrorCode.VALIDATION_ERROR);
    expect(tooMany.details?.errors).toEqual([
      { path: 'requirement.n', in: 'body', message: 'n is 3 but the group has only 2 children' },
    ]);
    const itself = await rejection(
      platform.pathways.create(ADMIN, {
        ...base,
        requirement: { type: 'all-of', children: [leaf(a.id), leaf(world.certificate.id)] },
      }),
    );
    expect(itself.code).toBe(ServerErrorCode.VALIDATION_ERROR);
    expect(itself.message).toMatch(/^requirement\.children\.1\.achievementId: a cycle/);
    const unknown = await rejection(
      platform.pathways.create(ADMIN, {
        ...base,
        requirement: { type: 'all-of', children: [leaf(a.id), leaf('00000000-0000-4000-8000-000000000000')] },
      }),
    );
    expect(unknown).toMatchObject({ code: ServerErrorCode.VALIDATION_ERROR });
    expect(unknown.message).toMatch(/^requirement\.children\.1\.achievementId: no such achievement/);
    expect(await platform.pathways.list(ADMIN, { issuerId: world.issuer.id })).toEqual([]);
  });

  it('refuses cycles through sub-pathways and through chains of awards', async () => {
    const { platform } = test;
    const world = await seedPathwayWorld(platform);
    const [a, b, c, d] = world.parts;
    const inner = await platform.pathways.create(ADMIN, {
      issuerId: world.issuer.id,
      name: 'Inner',
      completionAchievementId: world.certificate.id,
      requirement: { type: 'all-of', children: [leaf(a.id), leaf(b.id)] },
    });
    const outer = await platform.pathways.create(ADMIN, {
      issuerId: world.issuer.id,
      name: 'Outer',
      completionAchievementId: d.id,
      requirement: {
        type: 'all-of',
        children: [{ type: 'pathway', pathwayId: inner.pathway.id }, leaf(c.id)],
      },
    });
    expect(outer.version.requiredAchievementIds).toEqual([a.id, b.id, c.id]);
    const contains = await rejection(
      platform.pathways.update(ADMIN, inner.pathway.id, {
        requirement: {
          type: 'all-of',
          children: [leaf(a.id), { type: 'pathway', pathwayId: outer.pathway.id }],
        },
      }),
    );
    expect(contains.message).toMatch(/^requirement\.children\.1\.pathwayId: a cycle/);
    const self = await rejection(
      platform.pathways.update(ADMIN, inner.pathway.id, {
        requirement: {
          type: 'all-of',
          children: [leaf(a.id), { type: 'pathway', pathwayId: inner.pathway.id }],
        },
      }),
    );
    expect(self.message).toMatch(/cannot contain itself/);
    // Inner awards the certificate, which Outer's award (d) would now be required for: a loop of awards.
    const chain = await rejection(
      platform.pathways.update(ADMIN, inner.pathway.id, {
        requirement: { type: 'all-of', children: [leaf(a.id), leaf(d.id)] },
      }),
    );
    expect(chain).toMatchObject({ code: ServerErrorCode.VALIDATION_ERROR });
    expect(chain.message).toMatch(/a cycle/);
    // A pathway awarding c for Inner's certificate: Inner may then not require c.
    await platform.pathways.create(ADMIN, {
      issuerId: world.issuer.id,
      name: 'Follow-on',
      completionAchievementId: c.id,
      requirement: leaf(world.certificate.id),
    });
    const awards = await rejection(
      platform.pathways.update(ADMIN, inner.pathway.id, {
        requirement: { type: 'all-of', children: [leaf(a.id), leaf(c.id)] },
      }),
    );
    expect(awards.message).toMatch(/^requirement: a cycle: it depends on pathway "Follow-on"/);
    expect((await platform.pathways.get(ADMIN, inner.pathway.id)).pathway.currentVersion).toBe(1);
  });

  it('needs published achievements to publish, and partnership consent for another issuer’s', async () => {
    const { platform } = test;
    const world = await seedPathwayWorld(platform);
    const partner = await seedPathwayWorld(platform);
    const draft = await platform.achievements.create(ADMIN, {
      issuerId: world.issuer.id,
      name: 'Draft part',
      description: 'Not yet.',
      criteria: { narrative: 'TBD' },
      status: 'draft',
    });
    const definition = {
      issuerId: world.issuer.id,
      name: 'With a draft',
      completionAchievementId: world.certificate.id,
      requirement: { type: 'all-of' as const, children: [leaf(world.parts[0].id), leaf(draft.id)] },
    };
    const unpublished = await rejection(platform.pathways.create(ADMIN, definition));
    expect(unpublished.code).toBe(ServerErrorCode.CONFLICT);
    expect(unpublished.message).toMatch(
      /^requirement\.children\.1\.achievementId: .*draft: publish it first/,
    );
    const saved = await platform.pathways.create(ADMIN, { ...definition, status: 'draft' });
    expect((await rejection(platform.pathways.publish(ADMIN, saved.pathway.id))).code).toBe(
      ServerErrorCode.CONFLICT,
    );
    await platform.achievements.update(ADMIN, draft.id, { status: 'published' });
    expect((await platform.pathways.publish(ADMIN, saved.pathway.id)).pathway.status).toBe('published');

    const foreign = {
      ...definition,
      name: 'With a partner',
      requirement: {
        type: 'all-of' as const,
        children: [leaf(world.parts[0].id), leaf(partner.parts[0].id)],
      },
    };
    const noConsent = await rejection(platform.pathways.create(ADMIN, foreign));
    expect(noConsent.code).toBe(ServerErrorCode.CONFLICT);
    expect(noConsent.message).toMatch(/another issuer, which has not consented/);
    // Only the partner's owner can consent; the pathway's issuer cannot consent for it.
    const ours: Actor = { kind: 'member', issuerId: world.issuer.id, role: 'owner' };
    expect(
      (await rejection(platform.partnerships.grant(ours, partner.issuer.id, { issuerId: world.issuer.id })))
        .code,
    ).toBe(ServerErrorCode.NOT_FOUND);
    const theirs: Actor = { kind: 'member', issuerId: partner.issuer.id, role: 'owner' };
    await platform.partnerships.grant(theirs, partner.issuer.id, { issuerId: world.issuer.id });
    const together = await platform.pathways.create(ADMIN, foreign);
    expect(together.version.requiredAchievementIds).toContain(partner.parts[0].id);
    // The partner's badge counts toward our certificate.
    await platform.credentials.issue(ADMIN, {
      achievementId: world.parts[0].id,
      recipient: { email: 'p@example.org' },
    });
    await platform.credentials.issue(ADMIN, {
      achievementId: partner.parts[0].id,
      recipient: { email: 'p@example.org' },
    });
    const awarded = await platform.credentials.list(ADMIN, {
      recipient: 'p@example.org',
      achievementId: world.certificate.id,
    });
    expect(awarded).toHaveLength(1);
  });

  it('keeps earners on the version they started unless the new one is no stricter for them', async () => {
    const { platform } = test;
    const world = await seedPathwayWorld(platform);
    const [a, b, c, d] = world.parts;
    const { pathway } = await platform.pathways.create(ADMIN, {
      issuerId: world.issuer.id,
      name: 'Versioned',
      completionAchievementId: world.certificate.id,
      requirement: { type: 'all-of', children: [leaf(a.id), leaf(b.id), leaf(c.id)] },
    });
    const issue = (achievementId: string, email: string) =>
      platform.credentials.issue(ADMIN, { achievementId, recipient: { email } });
    const awarded = (email: string) =>
      platform.credentials.list(ADMIN, { recipient: email, achievementId: world.certificate.id });
    await issue(a.id, 'early@example.org');
    await issue(b.id, 'early@example.org');
    await issue(a.id, 'slow@example.org');

    // v2 adds a fourth requirement: stricter for everyone who started.
    const v2 = await platform.pathways.update(ADMIN, pathway.id, {
      expectedVersion: 1,
      requirement: { type: 'all-of', children: [leaf(a.id), leaf(b.id), leaf(c.id), leaf(d.id)] },
    });
    expect(v2.version.version).toBe(2);
    await platform.pathways.processJobs({ workerId: 'test' });
    const early = await platform.pathways.progress(ADMIN, pathway.id, { recipient: 'early@example.org' });
    expect(early).toMatchObject({ version: 1, startedVersion: 1, progress: { percent: 66 } });
    await issue(c.id, 'early@example.org');
    expect(await awarded('early@example.org')).toHaveLength(1);

    await issue(a.id, 'late@example.org');
    await issue(b.id, 'late@example.org');
    await issue(c.id, 'late@example.org');
    expect(await awarded('late@example.org')).toEqual([]);
    expect(
      await platform.pathways.progress(ADMIN, pathway.id, { recipient: 'late@example.org' }),
    ).toMatchObject({
      version: 2,
      progress: { percent: 75, root: { completingAchievementIds: [d.id] } },
    });

    // An edit based on an old version is refused rather than silently overwriting the newer one.
    const stale = await rejection(
      platform.pathways.update(ADMIN, pathway.id, {
        expectedVersion: 1,
        requirement: { type: 'all-of', children: [leaf(a.id)] },
      }),
    );
    expect(stale.code).toBe(ServerErrorCode.CONFLICT);

    // v3 asks for two of the four: no stricter, so earners move to it and those it completes are awarded.
    await platform.pathways.update(ADMIN, pathway.id, {
      requirement: { type: 'n-of', n: 2, children: [leaf(a.id), leaf(b.id), leaf(c.id), leaf(d.id)] },
    });
    await platform.pathways.processJobs({ workerId: 'test' });
    expect(await awarded('late@example.org')).toHaveLength(1);
    expect(
      await platform.pathways.progress(ADMIN, pathway.id, { recipient: 'slow@example.org' }),
    ).toMatchObject({
      version: 3,
      startedVersion: 3,
      progress: { percent: 50 },
    });
    // The early earner already holds the certificate: moving versions never awards it twice.
    expect(await awarded('early@example.org')).toHaveLength(1);

    const moved = await rejection(
      platform.pathways.update(ADMIN, pathway.id, { completionAchievementId: d.id }),
    );
    expect(moved.code).toBe(ServerErrorCode.CONFLICT);
  });
});
