import { randomBytes, randomUUID } from 'node:crypto';
import {
  addDataIntegrityProof,
  buildAchievement,
  buildAchievementCredential,
  buildProfile,
  createEd25519SigningKey,
  didKeyFromPublicKey,
  didKeyVerificationMethodId,
  ErrorCode,
  generateEd25519KeyPair,
} from '@microcred/vc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  openTestPlatform,
  seedIssuer,
  type TestPlatform,
} from '../../../test/support/test-platform.js';

const validFrom = new Date('2026-01-01T00:00:00Z');

/** A credential of another issuer (did:key, no status): this platform can verify it but does not publish it. */
async function foreignCredential(name: string, id = `urn:uuid:${randomUUID()}`) {
  const { publicKey, secretKey } = generateEd25519KeyPair(randomBytes(32));
  const did = didKeyFromPublicKey(publicKey);
  const key = createEd25519SigningKey({ secretKey, id: didKeyVerificationMethodId(did), controller: did });
  return addDataIntegrityProof({
    document: buildAchievementCredential({
      id,
      issuer: buildProfile({ id: did, name: 'Elsewhere Academy' }),
      achievement: buildAchievement({
        id: 'https://elsewhere.example/achievements/welding',
        name,
        description: 'Welds steel safely.',
        criteria: { narrative: 'Pass the welding practical.' },
      }),
      recipient: { id: 'did:example:welder' },
      validFrom,
      name,
    }) as unknown as Record<string, unknown>,
    key,
    created: validFrom,
  });
}

describe('verification results shared by link', () => {
  let test: TestPlatform;
  // Status lists are signed at the wall clock's time: the platform's clock runs with it, shifted when a test needs.
  let shift = 0;
  const now = () => new Date(Date.now() + shift);
  let publicCredential: Record<string, unknown>;
  let publicCredentialId: string;

  beforeAll(async () => {
    test = await openTestPlatform('pglite', { now });
    const { achievement } = await seedIssuer(test.platform);
    const issued = await test.platform.credentials.issue(ADMIN, {
      achievementId: achievement.id,
      recipient: { email: 'shared@example.org' },
    });
    publicCredential = issued.record.document as Record<string, unknown>;
    publicCredentialId = issued.record.id;
  });
  afterAll(async () => {
    await test?.close();
  });

  const shareOf = async (credential: Record<string, unknown>) => {
    const report = await test.platform.verify(credential);
    const seal = test.platform.sharedVerifications.seal(report);
    if (seal === null) throw new Error('expected a seal');
    return { report, shared: await test.platform.sharedVerifications.share(seal) };
  };

  it('checks a credential public on this platform again on every visit, and sees its revocation', async () => {
    const { shared, report } = await shareOf(publicCredential);
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    expect(shared).toMatchObject({ credentialId: publicCredentialId, verified: true });
    const opened = await test.platform.sharedVerifications.open(shared.id);
    expect(opened.recheck).toMatchObject({ credentialId: publicCredentialId, report: { verified: true } });

    await test.platform.credentials.revoke(ADMIN, publicCredentialId, { reason: 'issued in error' });
    const later = await test.platform.sharedVerifications.open(shared.id);
    expect(later.firstReport.verified).toBe(true);
    expect(later.recheck?.report.verified).toBe(false);
    expect(later.recheck?.report.checks.find((check) => check.id === 'status')?.code).toBe(ErrorCode.REVOKED);
  });

  it('keeps only the digest and the result of a credential this platform does not publish', async () => {
    const credential = await foreignCredential('Welding Safety');
    const { shared } = await shareOf(credential);
    expect(shared.credentialId).toBeNull();
    expect(shared.verified).toBe(true);
    expect(shared.digest).toMatch(/^[0-9a-f]{64}$/);
    const stored = JSON.stringify(await test.storage.sharedVerifications.findById({ id: shared.id }));
    expect(stored).not.toContain('Welding Safety');
    expect(stored).not.toContain('did:example:welder');
    expect((await test.platform.sharedVerifications.open(shared.id)).recheck).toBeNull();

    const same = await test.platform.sharedVerifications.compare(shared.id, JSON.stringify(credential));
    expect(same).toMatchObject({ same: true, report: { verified: true } });
    const other = await test.platform.sharedVerifications.compare(
      shared.id,
      await foreignCredential('Welding Safety'),
    );
    expect(other.same).toBe(false);
  });

  it('does not lend a public credential’s verdict to a forgery that names its id', async () => {
    const forged = await foreignCredential('Forged', String(publicCredential.id));
    const { report, shared } = await shareOf(forged);
    expect(String(report.credential?.id)).toContain(publicCredentialId);
    expect(shared.credentialId).toBeNull();
    expect((await test.platform.sharedVerifications.open(shared.id)).recheck).toBeNull();
  });

  it('refuses a tampered seal and one older than an hour', async () => {
    const report = await test.platform.verify(await foreignCredential('Rigging'));
    const seal = test.platform.sharedVerifications.seal(report) ?? '';
    const [payload = '', mac = ''] = seal.split('.');
    const tampered = Buffer.from(
      Buffer.from(payload, 'base64url').toString('utf8').replace('"verified":true', '"verified":false'),
    ).toString('base64url');
    await expect(test.platform.sharedVerifications.share(`${tampered}.${mac}`)).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
    await expect(test.platform.sharedVerifications.share('not-a-seal')).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
    shift = 61 * 60 * 1000;
    await expect(test.platform.sharedVerifications.share(seal)).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
  });

  it('has nothing to share when no credential was found, and no result at an unknown id', async () => {
    const report = await test.platform.verify('not a credential at all');
    expect(test.platform.sharedVerifications.seal(report)).toBeNull();
    await expect(test.platform.sharedVerifications.open(randomUUID())).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
