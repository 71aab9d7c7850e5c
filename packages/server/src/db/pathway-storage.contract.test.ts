import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../../test/support/rejection.js';
import { ServerErrorCode } from '../domain/error/server-error.js';
import type { Issuer } from '../domain/ports/issuer-repository.js';
import type { NewPathwayVersion } from '../domain/ports/pathway-repository.js';
import type { Storage } from '../domain/ports/storage.js';
import { createPgStorage } from './create-pg-storage.js';
import type { DatabaseHandle } from './open-database.js';
import { openTestDatabase, testDrivers } from './open-test-database.js';

describe.each(testDrivers())('pathway storage contract on %s', (driver) => {
  let database: DatabaseHandle;
  let storage: Storage;

  beforeAll(async () => {
    database = await openTestDatabase({ driver });
    storage = createPgStorage({ db: database.db });
  });
  afterAll(async () => {
    await database?.close();
  });

  /**
   * Resolves once another PostgreSQL session waits for a lock (pg_locks); at once on PGlite, whose single
   * connection runs one transaction at a time, so that the second cannot even start before the first ends.
   */
  async function untilASessionAwaitsALock(): Promise<void> {
    if (database.kind !== 'postgres') return;
    for (;;) {
      const { rows } = await database.pool.query<{ waiting: number }>(
        'select count(*)::int as waiting from pg_locks where not granted',
      );
      if ((rows[0]?.waiting ?? 0) > 0) return;
    }
  }

  async function anIssuer(): Promise<Issuer> {
    const tag = randomBytes(4).toString('hex');
    return storage.issuers.create({ slug: `issuer-${tag}`, name: `Issuer ${tag}` });
  }

  function aVersion(required: string[], completion: string = randomUUID()): NewPathwayVersion {
    return {
      rules: {
        completionAchievementId: completion,
        requirement: {
          type: 'all-of',
          children: required.map((achievementId) => ({
            type: 'achievement' as const,
            achievementId,
            credits: null,
            hours: null,
          })),
        },
      },
      requiredAchievementIds: required,
      milestoneAchievementIds: [],
    };
  }

  it('keeps versions: a draft is edited in place, a published pathway gets numbered versions', async () => {
    const issuer = await anIssuer();
    const [a, b] = [randomUUID(), randomUUID()];
    const draft = await storage.pathways.create({
      issuerId: issuer.id,
      name: 'Draft',
      description: null,
      status: 'draft',
      version: aVersion([a]),
    });
    expect(draft).toMatchObject({
      pathway: { status: 'draft', currentVersion: 1 },
      version: { publishedAt: null },
    });
    expect(await storage.pathways.findReferencing({ achievementIds: [a] })).not.toContain(draft.pathway.id);
    const edited = await storage.pathways.updateDraft({
      id: draft.pathway.id,
      name: 'Draft 2',
      version: aVersion([b]),
    });
    expect(edited).toMatchObject({
      pathway: { name: 'Draft 2' },
      version: { version: 1, requiredAchievementIds: [b] },
    });
    expect(
      (
        await rejection(
          storage.pathways.addVersion({ id: draft.pathway.id, expectedVersion: 1, version: aVersion([a]) }),
        )
      ).code,
    ).toBe(ServerErrorCode.CONFLICT);

    const published = await storage.pathways.publish({ id: draft.pathway.id, at: new Date() });
    expect(published.version.publishedAt).toBeInstanceOf(Date);
    expect(await storage.pathways.findReferencing({ achievementIds: [b] })).toContain(draft.pathway.id);
    expect((await rejection(storage.pathways.updateDraft({ id: draft.pathway.id, name: 'x' }))).code).toBe(
      ServerErrorCode.CONFLICT,
    );
    const second = await storage.pathways.addVersion({
      id: draft.pathway.id,
      expectedVersion: 1,
      version: aVersion([a, b]),
    });
    expect(second).toMatchObject({
      pathway: { currentVersion: 2 },
      version: { version: 2, requiredAchievementIds: [a, b] },
    });
    // Earlier versions stay as they were, and still count for re-evaluation.
    expect(
      (await storage.pathways.findVersion({ pathwayId: draft.pathway.id, version: 1 }))
        ?.requiredAchievementIds,
    ).toEqual([b]);
    expect(await storage.pathways.findReferencing({ achievementIds: [b] })).toContain(draft.pathway.id);
  });

  it('lets exactly one of two concurrent edits of the same version win', async () => {
    const issuer = await anIssuer();
    const created = await storage.pathways.create({
      issuerId: issuer.id,
      name: 'Raced',
      description: null,
      status: 'published',
      version: aVersion([randomUUID()]),
    });
    const outcomes = await Promise.allSettled(
      [1, 2].map(() =>
        storage.pathways.addVersion({
          id: created.pathway.id,
          expectedVersion: 1,
          version: aVersion([randomUUID()]),
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect((await storage.pathways.findById({ id: created.pathway.id }))?.pathway.currentVersion).toBe(2);
  });

  it('finds the published pathways that award an achievement', async () => {
    const issuer = await anIssuer();
    const completion = randomUUID();
    const created = await storage.pathways.create({
      issuerId: issuer.id,
      name: 'Awarding',
      description: null,
      status: 'published',
      version: aVersion([randomUUID()], completion),
    });
    const found = await storage.pathways.findAwarding({ achievementIds: [completion] });
    expect(found.map((item) => item.pathway.id)).toEqual([created.pathway.id]);
    expect(await storage.pathways.findAwarding({ achievementIds: ['not-a-uuid'] })).toEqual([]);
  });

  it('records each award generation once and serializes decisions on an enrollment lock', async () => {
    const issuer = await anIssuer();
    const achievement = await storage.achievements.create({
      issuerId: issuer.id,
      document: {},
      name: 'Certificate',
    });
    const created = await storage.pathways.create({
      issuerId: issuer.id,
      name: 'Awards',
      description: null,
      status: 'published',
      version: aVersion([randomUUID()], achievement.id),
    });
    const { credential } = await storage.credentials.insert({
      id: randomUUID(),
      issuerId: issuer.id,
      achievementId: achievement.id,
      recipientDid: 'did:example:earner',
      format: 'di',
      document: {},
      issuedAt: new Date(),
    });
    const award = {
      pathwayId: created.pathway.id,
      achievementId: achievement.id,
      earner: 'did:example:earner',
      generation: 0,
      version: 1,
      credentialId: credential.id,
    };
    const results = await Promise.all([
      storage.pathwayEarners.insertAward(award),
      storage.pathwayEarners.insertAward(award),
    ]);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(results[0]?.award.id).toBe(results[1]?.award.id);
    await storage.pathwayEarners.revokeAward({ id: results[0]?.award.id ?? '', at: new Date() });
    const next = await storage.pathwayEarners.insertAward({ ...award, generation: 1 });
    expect(next.created).toBe(true);
    expect(
      (await storage.pathwayEarners.listAwards({ pathwayId: created.pathway.id, earner: award.earner })).map(
        (item) => [item.generation, item.state],
      ),
    ).toEqual([
      [1, 'active'],
      [0, 'revoked'],
    ]);

    // Two transactions on one earner: whichever locks second waits for the first to commit, then sees its
    // write. The first keeps its lock until the other is seen waiting, so that the two really contend.
    const order: { version: number; saw: number }[] = [];
    const holder = (version: number) =>
      storage.transaction(async (repositories) => {
        const locked = await repositories.pathwayEarners.lockEnrollment({
          pathwayId: created.pathway.id,
          earner: award.earner,
          version,
        });
        order.push({ version, saw: locked.version });
        if (order.length === 1) await untilASessionAwaitsALock();
        await repositories.pathwayEarners.setEnrollmentVersion({
          pathwayId: created.pathway.id,
          earner: award.earner,
          version: version + 10,
        });
      });
    await Promise.all([holder(1), holder(2)]);
    const [earlier, later] = order;
    expect(earlier?.saw).toBe(earlier?.version);
    expect(later?.saw).toBe((earlier?.version ?? 0) + 10);
    const enrollments = await storage.pathwayEarners.listEnrollments({ earner: award.earner });
    expect(enrollments.map((item) => item.version)).toEqual([(later?.version ?? 0) + 10]);
  });

  it('keeps partnership consent per direction, idempotently, and never with oneself', async () => {
    const [grantor, grantee] = [await anIssuer(), await anIssuer()];
    const pair = { grantorIssuerId: grantor.id, granteeIssuerId: grantee.id };
    const first = await storage.partnerships.grant(pair);
    expect(await storage.partnerships.grant(pair)).toEqual(first);
    expect(await storage.partnerships.exists(pair)).toBe(true);
    expect(
      await storage.partnerships.exists({ grantorIssuerId: grantee.id, granteeIssuerId: grantor.id }),
    ).toBe(false);
    expect(await storage.partnerships.list({ issuerId: grantee.id })).toEqual([first]);
    expect(
      (
        await rejection(
          storage.partnerships.grant({ grantorIssuerId: grantor.id, granteeIssuerId: grantor.id }),
        )
      ).code,
    ).toBe(ServerErrorCode.VALIDATION_ERROR);
    expect(await storage.partnerships.withdraw(pair)).toBe(true);
    expect(await storage.partnerships.withdraw(pair)).toBe(false);
  });
});
