import { validateAchievementCredentialSchema } from '@microcred/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWithReferenceStack } from '../../../vc/test/support/reference-stack.js';
import { rejection } from '../../test/support/rejection.js';
import { ADMIN, openTestPlatform, seedIssuer, type TestPlatform } from '../../test/support/test-platform.js';
import { testDrivers } from '../db/open-test-database.js';
import type { Actor } from './auth/actor.js';
import { ServerErrorCode } from './error/server-error.js';

describe.each(testDrivers())('platform use cases on %s', (driver) => {
  let test: TestPlatform;
  beforeAll(async () => {
    test = await openTestPlatform(driver);
  });
  afterAll(async () => {
    await test?.close();
  });

  it('issues a signed credential that conforms to OB 3.0, verifies in ours and the reference stack, and can be revoked', async () => {
    const { platform } = test;
    const { issuer, achievement } = await seedIssuer(platform);
    const { record, created } = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'Ada@Example.org', name: 'Ada Lovelace' },
      evidence: [{ url: 'https://example.org/work/1', name: 'Capstone' }],
    });
    expect(created).toBe(true);
    const credential = record.document;
    expect(JSON.stringify(credential)).not.toContain('ada@example.org');
    expect(credential.id).toBe(`https://badges.example.edu/credentials/${record.id}`);
    expect((credential.issuer as { id: string }).id).toBe(issuer.did);
    expect(issuer.did).toBe(`did:web:badges.example.edu:issuers:${issuer.slug}`);
    expect(validateAchievementCredentialSchema(credential).valid).toBe(true);
    expect(credential.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      id: `${(credential.credentialStatus as { statusListCredential: string }).statusListCredential}#${record.statusIndex}`,
    });

    const report = await platform.verify(credential);
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    expect(report.verified).toBe(true);

    const didDocument = await platform.issuers.didDocument(issuer.slug);
    const reference = await verifyWithReferenceStack(
      credential,
      new Date(),
      new Map([[issuer.did, didDocument as unknown as Record<string, unknown>]]),
    );
    expect(reference.error).toBeUndefined();
    expect(reference.verified).toBe(true);

    const found = await platform.credentials.list(ADMIN, { recipient: 'ada@example.org ' });
    expect(found.map((item) => item.id)).toContain(record.id);

    await platform.credentials.revoke(ADMIN, record.id, { reason: 'issued in error' });
    const after = await platform.verify(credential);
    expect(after.verified).toBe(false);
    expect(after.checks.find((check) => !check.ok)).toMatchObject({ id: 'status', code: 'REVOKED' });
    // Revoking again with the same reason is idempotent; with another it is a conflict.
    await platform.credentials.revoke(ADMIN, record.id, { reason: 'issued in error' });
    expect((await rejection(platform.credentials.revoke(ADMIN, record.id, { reason: 'other' }))).code).toBe(
      ServerErrorCode.CONFLICT,
    );
  });

  it('returns the first credential when a request is retried with the same idempotency key, even concurrently', async () => {
    const { platform } = test;
    const { achievement } = await seedIssuer(platform);
    const request = {
      achievementId: achievement.id,
      recipient: { did: 'did:example:learner-7' },
      idempotencyKey: 'enrol-7',
    };
    const results = await Promise.all([
      platform.credentials.issue(ADMIN, request),
      platform.credentials.issue(ADMIN, request),
    ]);
    expect(new Set(results.map((result) => result.record.id)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    const again = await platform.credentials.issue(ADMIN, request);
    expect(again).toMatchObject({ created: false, record: { id: results[0]?.record.id } });
    const other = platform.credentials.issue(ADMIN, {
      ...request,
      recipient: { did: 'did:example:someone-else' },
    });
    expect((await rejection(other)).code).toBe(ServerErrorCode.CONFLICT);
  });

  it('keeps credentials issued before a key rotation verifiable, and signs new ones with the new key', async () => {
    const { platform } = test;
    const { issuer, achievement } = await seedIssuer(platform);
    const before = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'b@example.org' },
    });
    const rotated = await platform.issuers.rotateKey(ADMIN, issuer.id);
    expect(rotated.keyId).toBe('key-2');
    const after = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'b@example.org' },
    });
    const proofOf = (document: Record<string, unknown>) =>
      (document.proof as { verificationMethod: string }[])[0]?.verificationMethod;
    expect(proofOf(before.record.document)).toBe(`${issuer.did}#key-1`);
    expect(proofOf(after.record.document)).toBe(`${issuer.did}#key-2`);
    expect((await platform.verify(before.record.document)).verified).toBe(true);
    expect((await platform.verify(after.record.document)).verified).toBe(true);
  });

  it('issues VC-JWT credentials on request', async () => {
    const { platform } = test;
    const { achievement } = await seedIssuer(platform);
    const { record } = await platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { did: 'did:example:jwt' },
      format: 'jwt',
    });
    expect(record.jwt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await platform.verify(record.jwt ?? '')).verified).toBe(true);
  });

  it('enforces who may do what: viewers read, other issuers see nothing, and bodies cannot name another issuer', async () => {
    const { platform } = test;
    const mine = await seedIssuer(platform);
    const theirs = await seedIssuer(platform);
    const viewer: Actor = { kind: 'member', issuerId: mine.issuer.id, role: 'viewer' };
    const issuerRole: Actor = { kind: 'member', issuerId: mine.issuer.id, role: 'issuer' };
    const request = { achievementId: mine.achievement.id, recipient: { email: 'c@example.org' } };
    expect((await rejection(platform.credentials.issue(viewer, request))).code).toBe(
      ServerErrorCode.FORBIDDEN,
    );
    expect(
      (
        await rejection(
          platform.credentials.issue(issuerRole, { ...request, achievementId: theirs.achievement.id }),
        )
      ).code,
    ).toBe(ServerErrorCode.NOT_FOUND);
    expect(
      (await rejection(platform.credentials.issue(issuerRole, { ...request, issuerId: theirs.issuer.id })))
        .code,
    ).toBe(ServerErrorCode.FORBIDDEN);
    expect(
      (await rejection(platform.issuers.create(issuerRole, { slug: 'sneaky', name: 'Sneaky' }))).code,
    ).toBe(ServerErrorCode.FORBIDDEN);
    expect((await rejection(platform.issuers.rotateKey(issuerRole, mine.issuer.id))).code).toBe(
      ServerErrorCode.FORBIDDEN,
    );
    const { record } = await platform.credentials.issue(issuerRole, request);
    expect((await platform.credentials.get(viewer, record.id)).id).toBe(record.id);
    const outsider: Actor = { kind: 'member', issuerId: theirs.issuer.id, role: 'owner' };
    expect((await rejection(platform.credentials.get(outsider, record.id))).code).toBe(
      ServerErrorCode.NOT_FOUND,
    );
    expect((await rejection(platform.credentials.revoke(outsider, record.id, { reason: 'x' }))).code).toBe(
      ServerErrorCode.NOT_FOUND,
    );
    expect(await platform.credentials.list(outsider, { recipient: 'c@example.org' })).toEqual([]);
  });

  it('refuses to issue a draft achievement and rejects malformed input without writing anything', async () => {
    const { platform } = test;
    const { issuer } = await seedIssuer(platform);
    const draft = await platform.achievements.create(ADMIN, {
      issuerId: issuer.id,
      name: 'Draft',
      description: 'Not yet.',
      criteria: { narrative: 'TBD' },
      status: 'draft',
    });
    expect(
      (
        await rejection(
          platform.credentials.issue(ADMIN, {
            achievementId: draft.id,
            recipient: { email: 'd@example.org' },
          }),
        )
      ).code,
    ).toBe(ServerErrorCode.CONFLICT);
    await expect(
      platform.credentials.issue(ADMIN, { achievementId: draft.id, recipient: { email: 'not-an-email' } }),
    ).rejects.toThrow();
    expect(await platform.credentials.list(ADMIN, { achievementId: draft.id })).toEqual([]);
  });
});
