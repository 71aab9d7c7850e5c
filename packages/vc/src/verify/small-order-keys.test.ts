import { createPublicKey, verify as opensslVerify } from 'node:crypto';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { buildAchievement, buildAchievementCredential, buildProfile } from '../credential/index.js';
import {
  createEd25519SigningKey,
  didKeyFromPublicKey,
  didKeyVerificationMethodId,
  ED25519_SMALL_ORDER_POINTS,
  encodeMultikeyPublic,
  generateEd25519KeyPair,
  type SigningKey,
} from '../did/index.js';
import { addDataIntegrityProof } from '../proof/data-integrity/index.js';
import { verifyCredential } from './verify-credential-default.js';

// ADVERSARIAL V5: a credential "issued" by the did:key of a small-order point. Its signature R = identity,
// S = 0 is what OpenSSL accepts for any message under the identity key, so only our key check stops it.
const now = new Date('2026-11-23T00:00:00Z');
const IDENTITY_SIGNATURE = new Uint8Array(64);
IDENTITY_SIGNATURE[0] = 1;

function smallOrderSigner(hex: string): SigningKey {
  const publicKey = new Uint8Array(Buffer.from(hex, 'hex'));
  const did = `did:key:${encodeMultikeyPublic(publicKey)}`;
  return {
    id: `${did}#${encodeMultikeyPublic(publicKey)}`,
    controller: did,
    publicKey,
    publicKeyMultibase: encodeMultikeyPublic(publicKey),
    sign: () => Promise.resolve(IDENTITY_SIGNATURE),
  };
}

function badge(issuerId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const credential = buildAchievementCredential({
    id: 'urn:uuid:2c1f9a0e-7b4d-4c6e-8f10-1a2b3c4d5e6f',
    issuer: buildProfile({ id: issuerId, name: 'Nobody In Particular' }),
    achievement: buildAchievement({
      id: 'https://issuer.example/achievements/forgery',
      name: 'Forgery',
      description: 'Signed by a key anyone can sign for.',
      criteria: { narrative: 'None.' },
    }),
    recipient: { id: 'did:example:learner1' },
    validFrom: '2026-01-01T00:00:00Z',
  }) as unknown as Record<string, unknown>;
  return { ...credential, ...extra };
}

const identity = ED25519_SMALL_ORDER_POINTS[0] ?? '';

describe('ADVERSARIAL V5: a credential issued by a small-order did:key', () => {
  it('would pass OpenSSL alone: the identity key accepts R = identity, S = 0 for any message', () => {
    const spki = Buffer.concat([
      Buffer.from('302a300506032b6570032100', 'hex'),
      Buffer.from(identity, 'hex'),
    ]);
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    expect(opensslVerify(null, Buffer.from('whatever the credential says'), key, IDENTITY_SIGNATURE)).toBe(
      true,
    );
  });

  it.each(ED25519_SMALL_ORDER_POINTS)('is not verified (Data Integrity, key %s)', async (hex) => {
    const key = smallOrderSigner(hex);
    for (const cryptosuite of ['eddsa-rdfc-2022', 'eddsa-jcs-2022'] as const) {
      const signed = await addDataIntegrityProof({
        document: badge(key.controller),
        key,
        created: '2026-01-01T00:00:00Z',
        cryptosuite,
      });
      const report = await verifyCredential(signed, { now, compat: '1edtech' });
      expect(report.verified, cryptosuite).toBe(false);
      expect(report.checks.find((check) => check.id === 'proof')).toMatchObject({
        ok: false,
        code: 'INVALID_KEY',
      });
    }
  });

  it('fails a credential whose embedded endorsement comes from a small-order did:key', async () => {
    const secretKey = new Uint8Array(32).fill(21);
    const did = didKeyFromPublicKey(generateEd25519KeyPair(secretKey).publicKey);
    const issuer = createEd25519SigningKey({
      secretKey,
      id: didKeyVerificationMethodId(did),
      controller: did,
    });
    const endorser = smallOrderSigner(identity);
    const endorsement = await addDataIntegrityProof({
      document: {
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
        id: 'urn:uuid:9d2a1c3e-5f6b-4a7c-8d9e-0f1a2b3c4d5e',
        type: ['VerifiableCredential', 'EndorsementCredential'],
        name: 'Endorsement',
        issuer: { id: endorser.controller, type: ['Profile'], name: 'Endorser' },
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: { id: did, type: ['EndorsementSubject'], endorsementComment: 'Trust them.' },
      },
      key: endorser,
      created: '2026-01-01T00:00:00Z',
    });
    const signed = await addDataIntegrityProof({
      document: badge(did, { endorsement: [endorsement] }),
      key: issuer,
      created: '2026-01-01T00:00:00Z',
    });
    const report = await verifyCredential(signed, { now });
    expect(report.checks.find((check) => check.id === 'proof')).toMatchObject({ ok: true });
    expect(report.verified).toBe(false);
    expect(report.checks.find((check) => check.id === 'endorsements')).toMatchObject({ ok: false });
    expect(report.nested?.[0]?.report.checks.find((check) => check.id === 'proof')).toMatchObject({
      code: 'INVALID_KEY',
    });
  });

  it('is not verified as a VC-JWT either, by kid or by jwk header', async () => {
    const key = smallOrderSigner(identity);
    const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(key.publicKey) };
    for (const header of [
      { alg: 'EdDSA', kid: key.id },
      { alg: 'EdDSA', jwk },
    ]) {
      const jws = `${encode(header)}.${encode(badge(key.controller))}.${base64url.encode(IDENTITY_SIGNATURE)}`;
      const report = await verifyCredential(jws, { now, compat: '1edtech' });
      expect(report.verified, JSON.stringify(header)).toBe(false);
      expect(report.checks.find((check) => !check.ok)).toMatchObject({ id: 'jwt.key', code: 'INVALID_KEY' });
    }
  });
});
