import {
  addDataIntegrityProof,
  createEd25519SigningKey,
  didKeyFromPublicKey,
  didKeyVerificationMethodId,
  generateEd25519KeyPair,
} from '@microcred/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overriding } from '../../../test/support/overriding.js';
import { type PathwayWorld, seedPathwayWorld, threeOfFour } from '../../../test/support/pathway-fixtures.js';
import { ADMIN, openTestPlatform, type TestPlatform } from '../../../test/support/test-platform.js';
import { testDrivers } from '../../db/open-test-database.js';
import type { Actor } from '../auth/actor.js';
import { createPlatform, type Platform } from '../platform.js';
import type { JsonObject } from '../ports/index.js';

interface Issued {
  readonly issuer: { readonly id: string; readonly endorsement?: JsonObject[] };
}

describe.each(testDrivers())('issuer endorsements in credentials on %s', (driver) => {
  let test: TestPlatform;
  let world: PathwayWorld;
  let board: Actor;
  let endorsementId: string;

  const issue = async (platform: Platform, achievementId: string, email = `a-${Math.random()}@example.org`) =>
    (await platform.credentials.issue(ADMIN, { achievementId, recipient: { email } })).record.document;

  const check = async (document: JsonObject, id: string) =>
    (await test.platform.verify(document)).checks.find((item) => item.id === id);

  /** A platform on the same data whose stored issuer endorsements come back changed by `change`. */
  function tampered(change: (document: JsonObject) => Promise<JsonObject>): Platform {
    const storage = test.platform.context.storage;
    return createPlatform({
      storage: overriding(storage, {
        endorsements: overriding(storage.endorsements, {
          list: async (options) => {
            const found = await storage.endorsements.list(options);
            if (options.endorsedIssuerId === undefined) return found;
            return Promise.all(
              found.map(async (item) => ({ ...item, document: await change(item.document) })),
            );
          },
        }),
      }),
      keyStore: test.platform.context.keyStore,
      publicUrl: test.platform.context.publicUrl,
      recipientPepper: test.platform.context.recipientPepper,
    });
  }

  beforeAll(async () => {
    test = await openTestPlatform(driver);
    world = await seedPathwayWorld(test.platform);
    await test.platform.pathways.create(ADMIN, threeOfFour(world));
    const accreditor = await test.platform.issuers.create(ADMIN, {
      slug: 'quality-board',
      name: 'Quality Board',
    });
    board = { kind: 'member', issuerId: accreditor.id, role: 'issuer', label: 'qa@board.example' };
  });

  afterAll(async () => {
    await test?.close();
  });

  it('carries an issuer’s endorsement in issuer.endorsement of credentials issued afterwards, verified', async () => {
    const before = (await issue(test.platform, world.parts[0].id)) as unknown as Issued;
    expect(before.issuer.endorsement).toBeUndefined();
    const endorsement = await test.platform.endorsements.endorse(board, {
      endorserId: board.kind === 'member' ? board.issuerId : '',
      issuerId: world.issuer.id,
      comment: 'Audited every year.',
    });
    endorsementId = endorsement.id;
    expect(endorsement.subject).toMatchObject({ kind: 'issuer', id: world.issuer.id });

    const document = await issue(test.platform, world.parts[0].id);
    const embedded = (document as unknown as Issued).issuer.endorsement ?? [];
    expect(embedded).toHaveLength(1);
    expect(embedded[0]).toEqual(endorsement.document);
    expect((embedded[0] as { issuer: { id: string } }).issuer.id).toMatch(/:issuers:quality-board$/);
    expect((embedded[0] as { credentialSubject: { id: string } }).credentialSubject.id).toBe(
      (document as unknown as Issued).issuer.id,
    );
    const report = await test.platform.verify(document);
    expect(report.verified).toBe(true);
    expect(report.nested?.map((item) => [item.path, item.report.verified])).toEqual([
      ['issuer.endorsement[0]', true],
    ]);
    expect(await check(document, 'endorsements')).toMatchObject({
      ok: true,
      message: `1 embedded credential(s) verified: Quality Board endorses the issuer ${world.issuer.name}`,
    });
  });

  it('carries it in credentials issued in bulk and in pathway awards too', async () => {
    const job = await test.platform.bulk.create(ADMIN, {
      achievementId: world.parts[1].id,
      text: 'email,name\nbulk1@example.org,Bulk One\nbulk2@example.org,Bulk Two\n',
    });
    while ((await test.platform.bulk.processRows({ workerId: 'test', jobId: job.id })) > 0) {
      // until every row is done
    }
    const bulk = await test.platform.context.storage.credentials.list({ achievementId: world.parts[1].id });
    expect(bulk).toHaveLength(2);

    const email = 'stacker@example.org';
    for (const part of world.parts.slice(0, 3)) await issue(test.platform, part.id, email);
    const awards = await test.platform.credentials.list(ADMIN, {
      recipient: email,
      achievementId: world.certificate.id,
    });
    expect(awards).toHaveLength(1);

    for (const credential of [...bulk, ...awards]) {
      const embedded = (credential.document as unknown as Issued).issuer.endorsement ?? [];
      expect(embedded.map((item) => item.id)).toEqual([
        `https://badges.example.edu/endorsements/${endorsementId}`,
      ]);
      expect((await test.platform.verify(credential.document)).verified).toBe(true);
    }
  });

  it('fails the endorsements check on a forged issuer endorsement, and only that check', async () => {
    // Its text changed after signing: the endorser's proof no longer holds.
    const altered = tampered(async (document) => ({
      ...document,
      credentialSubject: {
        ...(document.credentialSubject as JsonObject),
        endorsementComment: 'The best school in the world.',
      },
    }));
    // Signed anew by a key the named endorser does not control: the signature holds, the endorser does not.
    const secretKey = new Uint8Array(32).fill(7);
    const did = didKeyFromPublicKey(generateEd25519KeyPair(secretKey).publicKey);
    const stranger = createEd25519SigningKey({
      secretKey,
      id: didKeyVerificationMethodId(did),
      controller: did,
    });
    const impostor = tampered(async (document) => {
      const { proof: _proof, ...unsigned } = document;
      return addDataIntegrityProof({ document: unsigned, key: stranger, created: '2026-01-01T00:00:00Z' });
    });
    for (const [platform, failing] of [
      [altered, 'proof'],
      [impostor, 'issuer'],
    ] as const) {
      const document = await issue(platform, world.parts[2].id);
      expect((document as unknown as Issued).issuer.endorsement).toHaveLength(1);
      const report = await test.platform.verify(document);
      expect(report.verified).toBe(false);
      const endorsements = report.checks.find((item) => item.id === 'endorsements');
      expect(endorsements).toMatchObject({ ok: false, code: 'CRYPTOGRAPHIC_SECURITY_ERROR' });
      expect(endorsements?.message).toContain(
        `issuer.endorsement[0] [Quality Board endorses the issuer ${world.issuer.name}] (${failing}: `,
      );
      // The credential's own checks still stand, each in the report.
      expect(report.checks.filter((item) => !item.ok).map((item) => item.id)).toEqual(['endorsements']);
    }
  });

  it('makes a withdrawn issuer endorsement fail where it is embedded, and leaves it out of new credentials', async () => {
    const before = await issue(test.platform, world.parts[3].id);
    await test.platform.endorsements.withdraw(board, endorsementId, { reason: 'audit lapsed' });
    const report = await test.platform.verify(before);
    expect(report.verified).toBe(false);
    expect(report.checks.filter((item) => !item.ok).map((item) => item.id)).toEqual(['endorsements']);
    expect(report.checks.find((item) => item.id === 'endorsements')?.message).toMatch(
      /issuer\.endorsement\[0\] \[Quality Board endorses the issuer .+\] \(status: /,
    );
    const after = await issue(test.platform, world.parts[3].id);
    expect((after as unknown as Issued).issuer.endorsement).toBeUndefined();
    expect((await test.platform.verify(after)).verified).toBe(true);
  });
});
