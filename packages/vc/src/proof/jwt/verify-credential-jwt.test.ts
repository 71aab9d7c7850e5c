import {
  constants,
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
} from 'node:crypto';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  buildDidWebDocument,
  createEd25519SigningKey,
  didKeyFromPublicKey,
  didKeyVerificationMethodId,
  ED25519_SMALL_ORDER_POINTS,
  generateEd25519KeyPair,
  type SigningKey,
} from '../../did/index.js';
import { ErrorCode } from '../../error/index.js';
import { createMapFetcher, createResourceMap } from '../../resource/index.js';
import { type JwtAlgorithm, SUPPORTED_JWT_ALGORITHMS } from './jwt-algorithm.js';
import { MAX_JWS_LENGTH } from './parse-compact-jws.js';
import { signCredentialJwt } from './sign-credential-jwt.js';
import { type VerifyCredentialJwtResult, verifyCredentialJwt } from './verify-credential-jwt.js';

const NOW = new Date('2026-03-01T12:00:00Z');

function didKeySigner(seedByte: number): SigningKey {
  const secretKey = new Uint8Array(32).fill(seedByte);
  const did = didKeyFromPublicKey(generateEd25519KeyPair(secretKey).publicKey);
  return createEd25519SigningKey({ secretKey, id: didKeyVerificationMethodId(did), controller: did });
}

const issuerKey = didKeySigner(1);
const otherKey = didKeySigner(2);
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsaPublicJwk = rsa.publicKey.export({ format: 'jwk' });

function badge(issuer: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:8f1c1b4e-4a4a-4c1e-9d6b-2f0c8f3b1a11',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Example University' },
    validFrom: '2026-01-01T00:00:00Z',
    name: 'Data Literacy',
    credentialSubject: {
      id: 'did:example:learner-1',
      type: ['AchievementSubject'],
      achievement: { id: 'https://example.edu/achievements/1', type: ['Achievement'], name: 'Data Literacy' },
    },
    ...extra,
  };
}

const encode = (value: unknown): string => base64url.encode(JSON.stringify(value));

/** Signs any header and payload, so tests can build tokens our signer refuses to make. */
async function signRaw(
  header: unknown,
  payload: unknown,
  signer: (input: Uint8Array) => Promise<Uint8Array>,
) {
  const input = `${encode(header)}.${encode(payload)}`;
  return `${input}.${base64url.encode(await signer(new TextEncoder().encode(input)))}`;
}

const rsaSign = (input: Uint8Array) => Promise.resolve(new Uint8Array(sign('sha256', input, rsa.privateKey)));

function failedCheck(result: VerifyCredentialJwtResult) {
  return result.checks.find((check) => !check.ok);
}

/** The issuer's profile document at its URL, publishing its keys as a JWK Set. */
function publishedBy(issuer: string, ...keys: unknown[]) {
  return createMapFetcher({ [issuer]: { id: issuer, type: ['Profile'], jwks: { keys } } });
}

describe('verifyCredentialJwt', () => {
  it('verifies an EdDSA token signed by a did:key issuer and returns the credential unchanged', async () => {
    const credential = badge(issuerKey.controller);
    const jws = await signCredentialJwt({ credential, alg: 'EdDSA', key: issuerKey });
    const result = await verifyCredentialJwt(jws, { now: NOW });
    expect(result.verified).toBe(true);
    expect(result.credential).toEqual(credential);
    expect(result.form).toBe('enveloped');
    expect(result.key).toMatchObject({ source: 'kid-verification-method', controller: issuerKey.controller });
    expect(result.checks.map((check) => check.id)).toEqual([
      'jwt.parse',
      'jwt.header',
      'jwt.key',
      'jwt.signature',
      'jwt.payload',
      'jwt.key-controller',
      'jwt.iss',
      'jwt.jti',
      'jwt.sub',
      'jwt.nbf',
      'jwt.exp',
    ]);
  });

  it('verifies an RS256 token whose jwk header is a key the issuer publishes at its URL', async () => {
    const issuer = 'https://example.edu/issuers/1';
    const credential = badge(issuer);
    const jws = await signCredentialJwt({
      credential,
      alg: 'RS256',
      key: { privateKey: rsa.privateKey },
      header: 'jwk',
    });
    const result = await verifyCredentialJwt(jws, { now: NOW, fetcher: publishedBy(issuer, rsaPublicJwk) });
    expect(result.verified).toBe(true);
    expect(result.authorship).toBeUndefined();
    expect(result.credential).toEqual(credential);
    expect(result.key).toMatchObject({ source: 'jwk-header', controller: issuer });
    expect(result.checks.find((check) => check.id === 'jwt.key-controller')?.message).toMatch(
      /publishes the key/,
    );
  });

  it('refuses a jwk header key that the issuer does not publish (UNBOUND_KEY), unless in 1edtech mode', async () => {
    const issuer = 'https://example.edu/issuers/1';
    const jws = await signCredentialJwt({
      credential: badge(issuer),
      alg: 'RS256',
      key: { privateKey: rsa.privateKey },
      header: 'jwk',
    });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
    for (const fetcher of [
      undefined,
      publishedBy(issuer, other),
      createMapFetcher({ [issuer]: { id: 'https://evil.example/x', jwks: { keys: [rsaPublicJwk] } } }),
    ]) {
      const result = await verifyCredentialJwt(jws, {
        now: NOW,
        ...(fetcher === undefined ? {} : { fetcher }),
      });
      expect(result.verified).toBe(false);
      expect(result.authorship).toBeUndefined();
      expect(failedCheck(result)).toMatchObject({ id: 'jwt.key-controller', code: ErrorCode.UNBOUND_KEY });
      expect(failedCheck(result)?.message).toMatch(/not shown to belong to the issuer/);
    }
    const compat = await verifyCredentialJwt(jws, { now: NOW, compat: '1edtech' });
    expect(compat.verified).toBe(true);
    expect(compat.authorship).toBe('unproven');
    expect(compat.authorshipReason).toMatch(/jwk header/);
    expect(compat.checks.find((check) => check.id === 'jwt.key-controller')).toMatchObject({
      ok: true,
      warning: true,
    });
  });

  it('verifies an RS256 token whose kid URL under the issuer URL dereferences to one JWK (1EdTech convention)', async () => {
    const issuer = 'https://example.edu/issuers/1';
    for (const kid of [`${issuer}/keys/rsa-1`, `${issuer}#rsa-1`]) {
      const jws = await signCredentialJwt({
        credential: badge(issuer),
        alg: 'RS256',
        key: { id: kid, privateKey: rsa.privateKey },
      });
      const result = await verifyCredentialJwt(jws, {
        now: NOW,
        fetcher: createMapFetcher({ [kid]: rsaPublicJwk }),
      });
      expect(result.verified, kid).toBe(true);
      expect(result.key).toMatchObject({ source: 'kid-jwk-document', kid, controller: issuer });
    }
  });

  it('does not bind a kid JWK published elsewhere on the same host (multi-tenant), or outside the issuer path', async () => {
    const issuer = 'https://example.edu/issuers/1';
    for (const kid of [
      'https://example.edu/keys/rsa-1',
      'https://example.edu/issuers/10/keys/rsa-1',
      'https://example.edu/issuers/1/../2/keys/rsa-1',
      'https://example.edu/issuers/1/%2E%2E/2/key',
      'https://example.edu/issuers/1%2F..%2F2/key',
      'https://other.example/issuers/1/keys/rsa-1',
    ]) {
      const jws = await signCredentialJwt({
        credential: badge(issuer),
        alg: 'RS256',
        key: { id: kid, privateKey: rsa.privateKey },
      });
      const result = await verifyCredentialJwt(jws, {
        now: NOW,
        fetcher: createMapFetcher({ [kid]: rsaPublicJwk }),
      });
      expect(result.verified, kid).toBe(false);
      expect(failedCheck(result), kid).toMatchObject({
        id: 'jwt.key-controller',
        code: ErrorCode.UNBOUND_KEY,
      });
    }
  });

  it('verifies an EdDSA token whose kid is a did:web verification method', async () => {
    const did = 'did:web:example.edu:issuers:acme';
    const key = createEd25519SigningKey({
      secretKey: new Uint8Array(32).fill(7),
      id: `${did}#key-1`,
      controller: did,
    });
    const document = buildDidWebDocument({
      did,
      keys: [{ id: 'key-1', publicKeyMultibase: key.publicKeyMultibase }],
    });
    const fetcher = createMapFetcher({ 'https://example.edu/issuers/acme/did.json': document });
    const jws = await signCredentialJwt({ credential: badge(did), alg: 'EdDSA', key });
    const result = await verifyCredentialJwt(jws, { now: NOW, fetcher });
    expect(result.verified).toBe(true);
    expect(result.key).toMatchObject({ controller: did });
  });

  it('fails with CRYPTOGRAPHIC_SECURITY_ERROR when the payload is tampered with', async () => {
    const jws = await signCredentialJwt({
      credential: badge(issuerKey.controller),
      alg: 'EdDSA',
      key: issuerKey,
    });
    const [header, payload, signature] = jws.split('.');
    const changed = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
    changed.name = 'Rocket Science';
    const result = await verifyCredentialJwt(`${header}.${encode(changed)}.${signature}`, { now: NOW });
    expect(result.verified).toBe(false);
    expect(result.credential).toBeUndefined();
    expect(failedCheck(result)).toMatchObject({
      id: 'jwt.signature',
      code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
    });
  });

  it('refuses alg none, with or without a signature', async () => {
    const payload = encode(badge(issuerKey.controller));
    for (const alg of ['none', 'None', 'NONE']) {
      for (const signature of ['', 'AAAA']) {
        const result = await verifyCredentialJwt(`${encode({ alg, typ: 'JWT' })}.${payload}.${signature}`, {
          now: NOW,
        });
        expect(result.verified).toBe(false);
        expect(failedCheck(result)).toMatchObject({
          id: 'jwt.header',
          code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
        });
      }
    }
  });

  it('refuses an HS256 token whose HMAC secret is the public key (CVE-2022-23540), even if HS256 is "accepted"', async () => {
    const pem = createPublicKey(rsa.privateKey).export({ format: 'pem', type: 'spki' });
    const cases = [
      { header: { alg: 'HS256', jwk: rsaPublicJwk }, secrets: [pem, JSON.stringify(rsaPublicJwk)] },
      { header: { alg: 'HS256', kid: issuerKey.id }, secrets: [Buffer.from(issuerKey.publicKey)] },
    ];
    for (const { header, secrets } of cases) {
      for (const secret of secrets) {
        const jws = await signRaw(header, badge(issuerKey.controller), (input) =>
          Promise.resolve(new Uint8Array(createHmac('sha256', secret).update(input).digest())),
        );
        const result = await verifyCredentialJwt(jws, {
          now: NOW,
          acceptedAlgorithms: ['HS256', 'RS256', 'EdDSA'] as never,
        });
        expect(result.verified).toBe(false);
        expect(failedCheck(result)).toMatchObject({
          id: 'jwt.header',
          code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
        });
      }
    }
  });

  it('fails when kid is swapped to another key', async () => {
    const jws = await signCredentialJwt({
      credential: badge(issuerKey.controller),
      alg: 'EdDSA',
      key: issuerKey,
    });
    const [, payload, signature] = jws.split('.');
    const swapped = `${encode({ alg: 'EdDSA', kid: otherKey.id, typ: 'JWT' })}.${payload}.${signature}`;
    const result = await verifyCredentialJwt(swapped, { now: NOW });
    expect(result.verified).toBe(false);
    expect(failedCheck(result)).toMatchObject({
      id: 'jwt.signature',
      code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
    });
  });

  it('fails when kid is swapped to another key of the same did:web issuer', async () => {
    const did = 'did:web:example.edu';
    const [key1, key2] = [1, 2].map((n) =>
      createEd25519SigningKey({
        secretKey: new Uint8Array(32).fill(40 + n),
        id: `${did}#key-${n}`,
        controller: did,
      }),
    );
    if (key1 === undefined || key2 === undefined) throw new Error('unreachable');
    const document = buildDidWebDocument({
      did,
      keys: [key1, key2].map((key) => ({ id: key.id, publicKeyMultibase: key.publicKeyMultibase })),
    });
    const fetcher = createMapFetcher({ 'https://example.edu/.well-known/did.json': document });
    const jws = await signCredentialJwt({ credential: badge(did), alg: 'EdDSA', key: key1 });
    const [, payload, signature] = jws.split('.');
    const result = await verifyCredentialJwt(
      `${encode({ alg: 'EdDSA', kid: key2.id })}.${payload}.${signature}`,
      {
        now: NOW,
        fetcher,
      },
    );
    expect(failedCheck(result)).toMatchObject({
      id: 'jwt.signature',
      code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
    });
  });

  it('fails when a valid signature comes from a key that the issuer does not control', async () => {
    // The attacker signs with their own did:key but claims a victim issuer.
    const victim = 'did:web:university.example';
    const jws = await signRaw(
      { alg: 'EdDSA', kid: otherKey.id },
      { ...badge(victim), iss: victim },
      otherKey.sign,
    );
    const result = await verifyCredentialJwt(jws, { now: NOW });
    expect(result.verified).toBe(false);
    expect(failedCheck(result)).toMatchObject({
      id: 'jwt.key-controller',
      code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
    });
    expect(failedCheck(result)?.message).toMatch(/key not controlled by issuer/);
  });

  it('accepts typ absent, JWT, vc+jwt, vc-ld+jwt and application/vc+jwt, and cty vc', async () => {
    const credential = badge(issuerKey.controller);
    for (const extra of [
      {},
      { typ: 'JWT' },
      { typ: 'vc+jwt' },
      { typ: 'vc-ld+jwt' },
      { typ: 'application/vc+jwt', cty: 'vc' },
    ]) {
      const jws = await signRaw({ alg: 'EdDSA', kid: issuerKey.id, ...extra }, credential, issuerKey.sign);
      const result = await verifyCredentialJwt(jws, { now: NOW });
      expect(result.verified, JSON.stringify(extra)).toBe(true);
    }
  });

  it('refuses typ "foo" and other unexpected header values', async () => {
    const credential = badge(issuerKey.controller);
    const cases: [Record<string, unknown>, string][] = [
      [{ typ: 'foo' }, ErrorCode.MALFORMED_VALUE_ERROR],
      [{ typ: 'vc+sd-jwt' }, ErrorCode.MALFORMED_VALUE_ERROR],
      [{ cty: 'JWT' }, ErrorCode.MALFORMED_VALUE_ERROR],
      [{ x5u: 'https://attacker.example/cert' }, ErrorCode.MALFORMED_VALUE_ERROR],
      [{ crit: ['b64'], b64: false }, ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR],
    ];
    for (const [extra, code] of cases) {
      const jws = await signRaw({ alg: 'EdDSA', kid: issuerKey.id, ...extra }, credential, issuerKey.sign);
      const result = await verifyCredentialJwt(jws, { now: NOW });
      expect(failedCheck(result), JSON.stringify(extra)).toMatchObject({ id: 'jwt.header', code });
    }
  });

  it('refuses a jwk header that carries private key material (d) or a symmetric key', async () => {
    const privateJwk = rsa.privateKey.export({ format: 'jwk' });
    const credential = badge('https://example.edu/issuers/1');
    for (const jwk of [privateJwk, { kty: 'oct', k: 'c2VjcmV0' }]) {
      const jws = await signRaw({ alg: 'RS256', jwk }, credential, rsaSign);
      const result = await verifyCredentialJwt(jws, { now: NOW });
      expect(result.verified).toBe(false);
      expect(failedCheck(result)).toMatchObject({
        id: 'jwt.key',
        code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
      });
    }
  });

  it('refuses a jwk header that is not the key kid names', async () => {
    const jws = await signRaw(
      { alg: 'RS256', kid: 'https://example.edu/keys/rsa-1', jwk: rsaPublicJwk },
      badge('https://example.edu/issuers/1'),
      rsaSign,
    );
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
    const fetcher = createMapFetcher({ 'https://example.edu/keys/rsa-1': other });
    const result = await verifyCredentialJwt(jws, { now: NOW, fetcher });
    expect(failedCheck(result)).toMatchObject({
      id: 'jwt.key',
      code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
    });
  });

  it('prefers a dereferenceable kid over jwk when they agree, and treats an opaque kid as a label', async () => {
    const edJwk = { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(issuerKey.publicKey) };
    const both = await signRaw(
      { alg: 'EdDSA', kid: issuerKey.id, jwk: edJwk },
      badge(issuerKey.controller),
      issuerKey.sign,
    );
    const resolved = await verifyCredentialJwt(both, { now: NOW });
    expect(resolved.verified).toBe(true);
    expect(resolved.key).toMatchObject({
      source: 'kid-verification-method',
      controller: issuerKey.controller,
    });
    const labelled = await signRaw(
      { alg: 'RS256', kid: 'rsa-2026', jwk: rsaPublicJwk },
      badge('https://example.edu/i/1'),
      rsaSign,
    );
    const result = await verifyCredentialJwt(labelled, {
      now: NOW,
      fetcher: publishedBy('https://example.edu/i/1', rsaPublicJwk),
    });
    expect(result.verified).toBe(true);
    expect(result.key).toMatchObject({ source: 'jwk-header', kid: 'rsa-2026' });
  });

  it('refuses a key whose type does not fit the alg (an Ed25519 did:key under RS256)', async () => {
    const jws = await signRaw({ alg: 'RS256', kid: issuerKey.id }, badge(issuerKey.controller), rsaSign);
    const result = await verifyCredentialJwt(jws, { now: NOW });
    expect(failedCheck(result)).toMatchObject({
      id: 'jwt.key',
      code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
    });
  });

  it('refuses an algorithm the caller did not accept', async () => {
    const jws = await signCredentialJwt({
      credential: badge(issuerKey.controller),
      alg: 'EdDSA',
      key: issuerKey,
    });
    const result = await verifyCredentialJwt(jws, { now: NOW, acceptedAlgorithms: ['RS256'] });
    expect(failedCheck(result)).toMatchObject({
      id: 'jwt.header',
      code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
    });
  });

  it('verifies ES256 with a jwk header the issuer publishes', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jws = await signRaw(
      { alg: 'ES256', jwk: ec.publicKey.export({ format: 'jwk' }) },
      badge('https://example.edu/issuers/1'),
      (input) =>
        Promise.resolve(
          new Uint8Array(sign('sha256', input, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' })),
        ),
    );
    const fetcher = publishedBy('https://example.edu/issuers/1', ec.publicKey.export({ format: 'jwk' }));
    expect((await verifyCredentialJwt(jws, { now: NOW, fetcher })).verified).toBe(true);
  });

  it('fails with RANGE_ERROR once exp has passed, and before nbf', async () => {
    const expiring = badge(issuerKey.controller, { validUntil: '2026-02-01T00:00:00Z' });
    const expired = await signCredentialJwt({ credential: expiring, alg: 'EdDSA', key: issuerKey });
    const result = await verifyCredentialJwt(expired, { now: NOW });
    expect(result.verified).toBe(false);
    expect(failedCheck(result)).toMatchObject({ id: 'jwt.exp', code: ErrorCode.RANGE_ERROR });
    // The signature is good, so the credential is still returned for the report.
    expect(result.credential).toEqual(expiring);
    const early = new Date('2025-12-31T23:59:00Z');
    const notYet = await verifyCredentialJwt(expired, { now: early });
    expect(failedCheck(notYet)).toMatchObject({ id: 'jwt.nbf', code: ErrorCode.RANGE_ERROR });
    expect((await verifyCredentialJwt(expired, { now: early, clockToleranceSeconds: 120 })).verified).toBe(
      true,
    );
  });

  it('fails with MALFORMED_VALUE_ERROR when iss, jti or sub disagree with the credential', async () => {
    const credential = badge(issuerKey.controller);
    for (const [claim, id] of [
      ['iss', 'jwt.iss'],
      ['jti', 'jwt.jti'],
      ['sub', 'jwt.sub'],
    ] as const) {
      const jws = await signRaw(
        { alg: 'EdDSA', kid: issuerKey.id },
        { ...credential, [claim]: 'urn:example:other' },
        issuerKey.sign,
      );
      const result = await verifyCredentialJwt(jws, { now: NOW });
      expect(result.verified).toBe(false);
      expect(failedCheck(result)).toMatchObject({ id, code: ErrorCode.MALFORMED_VALUE_ERROR });
    }
    const textual = await signRaw(
      { alg: 'EdDSA', kid: issuerKey.id },
      { ...credential, nbf: '2026' },
      issuerKey.sign,
    );
    expect(failedCheck(await verifyCredentialJwt(textual, { now: NOW }))).toMatchObject({
      id: 'jwt.nbf',
      code: ErrorCode.MALFORMED_VALUE_ERROR,
    });
  });

  it('verifies a VCDM 1.1 token with the credential in the vc claim and maps the registered claims', async () => {
    const issuer = 'https://example.edu/issuers/565049';
    const payload = {
      vc: {
        '@context': [
          'https://www.w3.org/2018/credentials/v1',
          'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
        ],
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        credentialSubject: { type: ['AchievementSubject'] },
      },
      iss: issuer,
      jti: 'http://example.edu/credentials/3732',
      nbf: 1262304000,
      exp: 1893456000,
      sub: 'did:example:ebfeb1f712ebc6f1c276e12ec21',
    };
    const jws = await signRaw({ alg: 'RS256', typ: 'JWT', jwk: rsaPublicJwk }, payload, rsaSign);
    // The issuer's document may also be a bare JWK Set.
    const fetcher = createMapFetcher({ [issuer]: { keys: [rsaPublicJwk] } });
    const result = await verifyCredentialJwt(jws, { now: NOW, fetcher });
    expect(result.verified).toBe(true);
    expect(result.form).toBe('vc-claim');
    expect(result.credential).toEqual({
      ...payload.vc,
      issuer,
      id: 'http://example.edu/credentials/3732',
      issuanceDate: '2010-01-01T00:00:00Z',
      expirationDate: '2030-01-01T00:00:00Z',
      credentialSubject: { type: ['AchievementSubject'], id: 'did:example:ebfeb1f712ebc6f1c276e12ec21' },
    });
  });

  it('refuses a payload that has both a vc claim and an enveloped credential', async () => {
    const credential = badge(issuerKey.controller);
    const jws = await signRaw(
      { alg: 'EdDSA', kid: issuerKey.id },
      { ...credential, vc: credential },
      issuerKey.sign,
    );
    expect(failedCheck(await verifyCredentialJwt(jws, { now: NOW }))).toMatchObject({
      id: 'jwt.payload',
      code: ErrorCode.MALFORMED_VALUE_ERROR,
    });
  });

  it('gives PARSING_ERROR for truncated and garbage tokens without throwing', async () => {
    const jws = await signCredentialJwt({
      credential: badge(issuerKey.controller),
      alg: 'EdDSA',
      key: issuerKey,
    });
    const [header = '', payload = ''] = jws.split('.');
    const garbage: unknown[] = [
      '',
      'garbage',
      'a.b',
      'a.b.c.d',
      `${header}.${payload}`,
      jws.slice(0, header.length + 1 + Math.floor(payload.length / 2)),
      `${header}.${payload.slice(0, -1)}.AAAA`,
      `!!!.${payload}.AAAA`,
      `${header}.${payload}.sig=`,
      `${base64url.encode('not json')}.${payload}.AAAA`,
      `${encode([1, 2])}.${payload}.AAAA`,
      `${encode(null)}.${payload}.AAAA`,
      `${header}.${base64url.encode(new Uint8Array([0xff, 0xfe]))}.AAAA`,
      `${header}..AAAA`,
      'e30.e30.e30.e30.e30',
      `${header}.${payload}.${'A'.repeat(MAX_JWS_LENGTH)}`,
      undefined,
      42,
      { jws },
    ];
    for (const token of garbage) {
      const result = await verifyCredentialJwt(token as string, { now: NOW });
      expect(result.verified, String(token).slice(0, 80)).toBe(false);
      expect(result.checks).toHaveLength(1);
      expect(failedCheck(result), String(token).slice(0, 80)).toMatchObject({
        id: 'jwt.parse',
        code: ErrorCode.PARSING_ERROR,
      });
    }
    const oversize = await verifyCredentialJwt(`${jws}${' '.repeat(MAX_JWS_LENGTH)}`, { now: NOW });
    expect(failedCheck(oversize)?.message).toMatch(/longer than 1048576/);
  });

  it('reports an unreachable did:web key as a resolution failure, not a crash', async () => {
    const jws = await signRaw(
      { alg: 'EdDSA', kid: 'did:web:offline.example#key-1' },
      badge('did:web:offline.example'),
      issuerKey.sign,
    );
    const result = await verifyCredentialJwt(jws, { now: NOW });
    expect(failedCheck(result)).toMatchObject({ id: 'jwt.key', code: ErrorCode.DID_RESOLUTION_ERROR });
  });

  it('refuses a token with neither kid nor jwk', async () => {
    const jws = await signRaw({ alg: 'RS256', typ: 'JWT' }, badge('https://example.edu/issuers/1'), rsaSign);
    expect(failedCheck(await verifyCredentialJwt(jws, { now: NOW }))).toMatchObject({
      id: 'jwt.key',
      code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
    });
  });

  it('accepts a revoked key only for tokens signed before the revocation', async () => {
    const did = 'did:web:example.edu';
    const key = createEd25519SigningKey({
      secretKey: new Uint8Array(32).fill(9),
      id: `${did}#old`,
      controller: did,
    });
    const document = buildDidWebDocument({
      did,
      keys: [{ id: key.id, publicKeyMultibase: key.publicKeyMultibase, revoked: '2026-02-01T00:00:00Z' }],
    });
    const fetcher = createMapFetcher({ 'https://example.edu/.well-known/did.json': document });
    const before = await signCredentialJwt({ credential: badge(did), alg: 'EdDSA', key });
    expect((await verifyCredentialJwt(before, { now: NOW, fetcher })).verified).toBe(true);
    const after = await signCredentialJwt({
      credential: badge(did, { validFrom: '2026-02-15T00:00:00Z' }),
      alg: 'EdDSA',
      key,
    });
    expect(failedCheck(await verifyCredentialJwt(after, { now: NOW, fetcher }))).toMatchObject({
      id: 'jwt.key-revoked',
      code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
    });
  });
});

describe('verifyCredentialJwt key provenance: a key from the token itself proves nothing', () => {
  // The attacker's own Ed25519 key, carried in the jwk header with no kid, signing for a victim issuer.
  const attacker = generateKeyPairSync('ed25519');
  const attackerJwk = attacker.publicKey.export({ format: 'jwk' });
  const attackerSign = (input: Uint8Array) =>
    Promise.resolve(new Uint8Array(sign(null, input, attacker.privateKey)));
  const did = 'did:web:university.example:issuers:acme';
  const victimKey = createEd25519SigningKey({
    secretKey: new Uint8Array(32).fill(11),
    id: `${did}#key-1`,
    controller: did,
  });
  const didDocument = buildDidWebDocument({
    did,
    keys: [{ id: 'key-1', publicKeyMultibase: victimKey.publicKeyMultibase }],
  });
  const { fetcher } = createResourceMap({
    documents: new Map([['https://university.example/issuers/acme/did.json', didDocument]]),
  });

  it('refuses a forged token whose issuer is another did:key (UNBOUND_KEY at jwt.key-controller)', async () => {
    const jws = await signRaw({ alg: 'EdDSA', jwk: attackerJwk }, badge(issuerKey.controller), attackerSign);
    const result = await verifyCredentialJwt(jws, { now: NOW });
    expect(result.checks.find((check) => check.id === 'jwt.signature')).toMatchObject({ ok: true });
    expect(result.verified).toBe(false);
    expect(failedCheck(result)).toMatchObject({ id: 'jwt.key-controller', code: ErrorCode.UNBOUND_KEY });
    expect(failedCheck(result)?.message).toMatch(/does not list this key under assertionMethod/);
  });

  it('refuses a forged token whose issuer is a did:web, resolved through a resource map', async () => {
    const jws = await signRaw({ alg: 'EdDSA', jwk: attackerJwk }, badge(did), attackerSign);
    for (const options of [{ now: NOW, fetcher }, { now: NOW }]) {
      const result = await verifyCredentialJwt(jws, options);
      expect(result.verified).toBe(false);
      expect(failedCheck(result)).toMatchObject({ id: 'jwt.key-controller', code: ErrorCode.UNBOUND_KEY });
    }
  });

  it('verifies a token whose jwk header is a key of the issuer DID document (matched by key material)', async () => {
    const victimJwk = {
      kty: 'OKP',
      crv: 'Ed25519',
      x: base64url.encode(victimKey.publicKey),
      kid: 'any label',
    };
    const jws = await signRaw({ alg: 'EdDSA', jwk: victimJwk }, badge(did), victimKey.sign);
    const result = await verifyCredentialJwt(jws, { now: NOW, fetcher });
    expect(result.verified).toBe(true);
    expect(result.authorship).toBeUndefined();
    expect(result.key).toMatchObject({ source: 'jwk-header', controller: did });
    const forDidKey = await signRaw(
      { alg: 'EdDSA', jwk: { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(issuerKey.publicKey) } },
      badge(issuerKey.controller),
      issuerKey.sign,
    );
    expect((await verifyCredentialJwt(forDidKey, { now: NOW })).verified).toBe(true);
  });

  it('applies the revocation of the DID document entry that binds a jwk header key', async () => {
    const revokedDocument = buildDidWebDocument({
      did,
      keys: [
        { id: 'key-1', publicKeyMultibase: victimKey.publicKeyMultibase, revoked: '2026-01-15T00:00:00Z' },
      ],
    });
    const victimJwk = { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(victimKey.publicKey) };
    const jws = await signRaw(
      { alg: 'EdDSA', jwk: victimJwk },
      badge(did, { validFrom: '2026-02-01T00:00:00Z' }),
      victimKey.sign,
    );
    const result = await verifyCredentialJwt(jws, {
      now: NOW,
      fetcher: createMapFetcher({ 'https://university.example/issuers/acme/did.json': revokedDocument }),
    });
    expect(failedCheck(result)).toMatchObject({ id: 'jwt.key-revoked' });
  });

  it('accepts the forged token only in 1edtech mode, with authorship unproven', async () => {
    const jws = await signRaw({ alg: 'EdDSA', jwk: attackerJwk }, badge(did), attackerSign);
    const result = await verifyCredentialJwt(jws, { now: NOW, fetcher, compat: '1edtech' });
    expect(result.verified).toBe(true);
    expect(result.authorship).toBe('unproven');
    expect(result.key?.controller).toBeUndefined();
  });
});

describe('verifyCredentialJwt Ed25519 keys and signatures (ADVERSARIAL V5)', () => {
  const identityRS = new Uint8Array(64);
  identityRS[0] = 1; // R = the identity point, S = 0: OpenSSL accepts it for any message under a small-order key

  it('refuses each small-order jwk key with R = identity, S = 0 at jwt.key (INVALID_KEY)', async () => {
    for (const point of ED25519_SMALL_ORDER_POINTS) {
      const jwk = { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(Buffer.from(point, 'hex')) };
      const jws = await signRaw({ alg: 'EdDSA', jwk }, badge('https://example.edu/issuers/1'), () =>
        Promise.resolve(identityRS),
      );
      const result = await verifyCredentialJwt(jws, { now: NOW, compat: '1edtech' });
      expect(result.verified, point).toBe(false);
      expect(failedCheck(result), point).toMatchObject({ id: 'jwt.key', code: ErrorCode.INVALID_KEY });
    }
  });

  it('refuses a non-reduced S (S + L) and a non-canonical R before jose sees them', async () => {
    const jws = await signCredentialJwt({
      credential: badge(issuerKey.controller),
      alg: 'EdDSA',
      key: issuerKey,
    });
    const [header, payload, signature = ''] = jws.split('.');
    expect((await verifyCredentialJwt(jws, { now: NOW })).verified).toBe(true);
    const bytes = base64url.decode(signature);
    const L = (1n << 252n) + 27742317777372353535851937790883648493n;
    let s = 0n;
    for (let index = 63; index >= 32; index -= 1) s = (s << 8n) | BigInt(bytes[index] ?? 0);
    const malleable = new Uint8Array(bytes);
    let plusL = s + L;
    for (let index = 32; index < 64; index += 1) {
      malleable[index] = Number(plusL & 0xffn);
      plusL >>= 8n;
    }
    const nonCanonicalR = new Uint8Array(bytes);
    nonCanonicalR.set(
      Buffer.from('eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', 'hex'),
      0,
    );
    for (const [forged, why] of [
      [malleable, /S ≥ L/],
      [nonCanonicalR, /non-canonical/],
    ] as const) {
      const result = await verifyCredentialJwt(`${header}.${payload}.${base64url.encode(forged)}`, {
        now: NOW,
      });
      expect(failedCheck(result)).toMatchObject({
        id: 'jwt.signature',
        code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
      });
      expect(failedCheck(result)?.message).toMatch(why);
    }
  });
});

describe('verifyCredentialJwt algorithms', () => {
  interface AlgorithmCase {
    readonly alg: JwtAlgorithm;
    readonly publicKey: KeyObject;
    readonly sign: (input: Uint8Array) => Uint8Array;
  }
  const rsaPair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ed = generateKeyPairSync('ed25519');
  const edCase = (alg: JwtAlgorithm): AlgorithmCase => ({
    alg,
    publicKey: ed.publicKey,
    sign: (input) => sign(null, input, ed.privateKey),
  });
  const rsaCases = (['256', '384', '512'] as const).flatMap((bits): AlgorithmCase[] => [
    {
      alg: `RS${bits}`,
      publicKey: rsaPair.publicKey,
      sign: (input) => sign(`sha${bits}`, input, rsaPair.privateKey),
    },
    {
      alg: `PS${bits}`,
      publicKey: rsaPair.publicKey,
      // RFC 7518 §3.5: MGF1 with the same hash, salt as long as the hash.
      sign: (input) =>
        sign(`sha${bits}`, input, {
          key: rsaPair.privateKey,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: Number(bits) / 8,
        }),
    },
  ]);
  const ecCases = (
    [
      ['ES256', 'sha256', 'P-256'],
      ['ES384', 'sha384', 'P-384'],
      ['ES512', 'sha512', 'P-521'],
    ] as const
  ).map(([alg, hash, namedCurve]): AlgorithmCase => {
    const pair = generateKeyPairSync('ec', { namedCurve });
    return {
      alg,
      publicKey: pair.publicKey,
      sign: (input) => sign(hash, input, { key: pair.privateKey, dsaEncoding: 'ieee-p1363' }),
    };
  });
  const cases = [edCase('EdDSA'), edCase('Ed25519'), ...rsaCases, ...ecCases];

  it('has a case for every supported algorithm', () => {
    expect(cases.map((entry) => entry.alg).sort()).toEqual([...SUPPORTED_JWT_ALGORITHMS].sort());
  });

  it.each(cases)(
    'verifies $alg when it is accepted, and refuses it otherwise',
    async ({ alg, publicKey, sign: signWith }) => {
      const jwk = publicKey.export({ format: 'jwk' });
      const jws = await signRaw({ alg, jwk }, badge('https://example.edu/issuers/1'), (input) =>
        Promise.resolve(new Uint8Array(signWith(input))),
      );
      const fetcher = publishedBy('https://example.edu/issuers/1', jwk);
      expect(
        (await verifyCredentialJwt(jws, { now: NOW, fetcher, acceptedAlgorithms: [alg] })).verified,
      ).toBe(true);
      expect(failedCheck(await verifyCredentialJwt(jws, { now: NOW, acceptedAlgorithms: [] }))).toMatchObject(
        {
          id: 'jwt.header',
          code: ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
        },
      );
    },
  );
});
