import { generateKeyPairSync } from 'node:crypto';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  createEd25519SigningKey,
  didKeyFromPublicKey,
  didKeyVerificationMethodId,
  generateEd25519KeyPair,
  type SigningKey,
  verifyEd25519,
} from '../../did/index.js';
import { ErrorCode } from '../../error/index.js';
import { signCredentialJwt } from './sign-credential-jwt.js';

const secretKey = new Uint8Array(32).fill(3);
const { publicKey } = generateEd25519KeyPair(secretKey);
const did = didKeyFromPublicKey(publicKey);
const key = createEd25519SigningKey({ secretKey, id: didKeyVerificationMethodId(did), controller: did });
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

const credential = {
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: 'urn:uuid:0b7d4c5e-1f0e-4d8c-9a55-0f3f0c1d2e3f',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: did, type: ['Profile'], name: 'Example' },
  validFrom: '2026-01-01T00:00:00.900Z',
  validUntil: '2027-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:learner', type: ['AchievementSubject'] },
};

function decode(jws: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header = '', payload = ''] = jws.split('.');
  const json = (part: string) => JSON.parse(new TextDecoder().decode(base64url.decode(part)));
  return { header: json(header), payload: json(payload) };
}

describe('signCredentialJwt', () => {
  it('puts alg, kid and typ in the header and nothing else', async () => {
    const { header } = decode(await signCredentialJwt({ credential, alg: 'EdDSA', key }));
    expect(header).toEqual({ alg: 'EdDSA', kid: key.id, typ: 'JWT' });
  });

  it('makes the payload the credential plus iss, jti, nbf, sub and exp (OB 3.0 VC-JWT)', async () => {
    const { payload } = decode(await signCredentialJwt({ credential, alg: 'EdDSA', key }));
    expect(payload).toEqual({
      ...credential,
      iss: did,
      jti: credential.id,
      nbf: Date.UTC(2026, 0, 1) / 1000,
      sub: 'did:example:learner',
      exp: Date.UTC(2027, 0, 1) / 1000,
    });
  });

  it('leaves out jti, sub and exp when the credential has no id, subject id or validUntil', async () => {
    const { id: _id, validUntil: _until, ...rest } = credential;
    const minimal = { ...rest, credentialSubject: { type: ['AchievementSubject'] } };
    const { payload } = decode(await signCredentialJwt({ credential: minimal, alg: 'EdDSA', key }));
    expect(Object.keys(payload).filter((name) => ['iss', 'jti', 'nbf', 'sub', 'exp'].includes(name))).toEqual(
      ['iss', 'nbf'],
    );
  });

  it('signs through SigningKey.sign, so a KMS-backed key works', async () => {
    const seen: Uint8Array[] = [];
    const kms: SigningKey = {
      ...key,
      sign: (data) => {
        seen.push(data);
        return key.sign(data);
      },
    };
    const jws = await signCredentialJwt({ credential, alg: 'EdDSA', key: kms });
    const [header, payload, signature = ''] = jws.split('.');
    expect(new TextDecoder().decode(seen[0])).toBe(`${header}.${payload}`);
    expect(verifyEd25519(publicKey, seen[0] ?? new Uint8Array(), base64url.decode(signature))).toBe(true);
  });

  it('embeds the public JWK, never the private one, when asked for a jwk header', async () => {
    const ed = decode(
      await signCredentialJwt({ credential, alg: 'EdDSA', key, header: 'jwk', typ: false }),
    ).header;
    expect(ed).toEqual({ alg: 'EdDSA', jwk: { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(publicKey) } });
    const rsaCredential = { ...credential, issuer: 'https://example.edu/issuers/1' };
    for (const privateKey of [rsa.privateKey, rsa.privateKey.export({ format: 'jwk' })]) {
      const { header } = decode(
        await signCredentialJwt({
          credential: rsaCredential,
          alg: 'RS256',
          key: { privateKey },
          header: 'jwk',
        }),
      );
      expect(header).toEqual({ alg: 'RS256', jwk: rsa.publicKey.export({ format: 'jwk' }), typ: 'JWT' });
    }
  });

  it('refuses what would make an invalid or misleading VC-JWT', async () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const rsaCredential = { ...credential, issuer: 'https://example.edu/issuers/1' };
    const attempts = [
      signCredentialJwt({ credential: { ...credential, issuer: undefined }, alg: 'EdDSA', key }),
      signCredentialJwt({ credential: { ...credential, validFrom: undefined }, alg: 'EdDSA', key }),
      signCredentialJwt({ credential: { ...credential, validFrom: 'yesterday' }, alg: 'EdDSA', key }),
      signCredentialJwt({ credential: { ...credential, vc: {} }, alg: 'EdDSA', key }),
      signCredentialJwt({ credential: { ...credential, iss: 'did:example:other' }, alg: 'EdDSA', key }),
      signCredentialJwt({ credential: rsaCredential, alg: 'EdDSA', key }),
      signCredentialJwt({ credential: rsaCredential, alg: 'RS256', key: { privateKey: rsa.privateKey } }),
      signCredentialJwt({
        credential: rsaCredential,
        alg: 'RS256',
        key: { privateKey: small },
        header: 'jwk',
      }),
      signCredentialJwt({ credential: rsaCredential, alg: 'RS256', key: { privateKey: ec }, header: 'jwk' }),
      signCredentialJwt({
        credential: rsaCredential,
        alg: 'RS256',
        key: { privateKey: rsa.publicKey },
        header: 'jwk',
      }),
    ];
    for (const attempt of attempts) {
      await expect(attempt).rejects.toMatchObject({ code: ErrorCode.PROOF_GENERATION_ERROR });
    }
  });
});
