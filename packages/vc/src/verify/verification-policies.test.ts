import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { buildAchievement, buildAchievementCredential, buildProfile } from '../credential/index.js';
import {
  createEd25519SigningKey,
  didKeyFromPublicKey,
  didKeyVerificationMethodId,
  encodeMultikeyPublic,
  generateEd25519KeyPair,
  type SigningKey,
} from '../did/index.js';
import { addDataIntegrityProof } from '../proof/data-integrity/index.js';
import { signCredentialJwt } from '../proof/jwt/index.js';
import { createResourceMap } from '../resource/index.js';
import { buildBitstringStatusListCredential, createBitstring, encodeStatusList } from '../status/index.js';
import type { VerificationReport } from './verification-report.js';
import { verifyCredential } from './verify-credential-default.js';

// The peer-suite policies (README "Verification policies"), each shown on a credential signed here.
const now = new Date('2026-11-23T00:00:00Z');
const created = '2026-01-01T00:00:00Z';
const ISSUER_URL = 'https://issuer.example/issuers/1';
const LIST_URL = 'https://issuer.example/status/1';

function didKeySigner(fill: number): SigningKey {
  const secretKey = new Uint8Array(32).fill(fill);
  const did = didKeyFromPublicKey(generateEd25519KeyPair(secretKey).publicKey);
  return createEd25519SigningKey({ secretKey, id: didKeyVerificationMethodId(did), controller: did });
}

/** 1EdTech's convention: the verification method is `<issuer URL>#<the public key as Multikey>`. */
function fragmentSigner(fill: number, controller = ISSUER_URL): SigningKey {
  const secretKey = new Uint8Array(32).fill(fill);
  const multikey = encodeMultikeyPublic(generateEd25519KeyPair(secretKey).publicKey);
  return createEd25519SigningKey({ secretKey, id: `${controller}#${multikey}`, controller });
}

function badge(issuerId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const credential = buildAchievementCredential({
    id: 'urn:uuid:7a3c1f0e-2b4d-4c6e-8f10-1a2b3c4d5e6f',
    issuer: buildProfile({ id: issuerId, name: 'Example Academy' }),
    achievement: buildAchievement({
      id: 'https://issuer.example/achievements/teamwork',
      name: 'Teamwork',
      description: 'Collaborates within a group.',
      criteria: { narrative: 'Nominated by peers.' },
    }),
    recipient: { id: 'did:example:learner1' },
    validFrom: '2026-01-01T00:00:00Z',
  }) as unknown as Record<string, unknown>;
  return { ...credential, ...extra };
}

function sign(document: Record<string, unknown>, key: SigningKey): Promise<Record<string, unknown>> {
  return addDataIntegrityProof({ document, key, created });
}

function check(report: VerificationReport, id: string) {
  return report.checks.find((item) => item.id === id);
}

describe('1EdTech key-in-the-fragment verification methods', () => {
  const key = fragmentSigner(11);

  it('are refused in strict mode when the controller document cannot be retrieved', async () => {
    const report = await verifyCredential(await sign(badge(ISSUER_URL), key), { now });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ ok: false, code: 'DID_RESOLUTION_ERROR' });
    expect(check(report, 'proof')?.message).toContain('1edtech compatibility mode');
  });

  it('are accepted in 1edtech mode with a warning that the issuer’s control of the key was not confirmed', async () => {
    const report = await verifyCredential(await sign(badge(ISSUER_URL), key), { now, compat: '1edtech' });
    expect(report.verified).toBe(true);
    expect(check(report, 'issuer')).toMatchObject({ ok: true, warning: true });
    expect(check(report, 'issuer')?.message).toMatch(/^the issuer's control of this key was not confirmed/);
    expect(report.authorship).toBe('unproven');
    expect(report.authorshipReason).toMatch(/not confirmed/);
  });

  it('make an endorsing credential’s authorship unproven too, once nested (1edtech mode)', async () => {
    const endorsement = await sign(
      {
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
        id: 'urn:uuid:1d2a1c3e-5f6b-4a7c-8d9e-0f1a2b3c4d5e',
        type: ['VerifiableCredential', 'EndorsementCredential'],
        name: 'Endorsement',
        issuer: { id: ISSUER_URL, type: ['Profile'], name: 'Example Academy' },
        validFrom: created,
        credentialSubject: { id: 'https://issuer.example/x', type: ['EndorsementSubject'] },
      },
      key,
    );
    const issuer = didKeySigner(13);
    const signed = await sign(badge(issuer.controller, { endorsement: [endorsement] }), issuer);
    const report = await verifyCredential(signed, { now, compat: '1edtech' });
    expect(report.verified).toBe(true);
    expect(report.authorship).toBe('unproven');
    expect(report.authorshipReason).toMatch(/^endorsement\[0\]: /);
    expect((await verifyCredential(signed, { now })).verified).toBe(false);
  });

  it('are refused even in 1edtech mode when the URL before # is not the issuer', async () => {
    const other = fragmentSigner(11, 'https://elsewhere.example/issuers/9');
    const report = await verifyCredential(await sign(badge(ISSUER_URL), other), { now, compat: '1edtech' });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')?.message).toContain('not the issuer');
  });

  it('are confirmed, with no warning, when the controller document lists the key', async () => {
    const controllerDocument = {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: ISSUER_URL,
      verificationMethod: [
        { id: key.id, type: 'Multikey', controller: ISSUER_URL, publicKeyMultibase: key.publicKeyMultibase },
      ],
      assertionMethod: [key.id],
    };
    const { fetcher } = createResourceMap({ documents: new Map([[ISSUER_URL, controllerDocument]]) });
    const report = await verifyCredential(await sign(badge(ISSUER_URL), key), { now, fetcher });
    expect(report.verified).toBe(true);
    expect(check(report, 'issuer')).toMatchObject({ ok: true });
    expect(check(report, 'issuer')?.warning).toBeUndefined();
  });

  it('are refused in 1edtech mode too when the retrieved controller document does not list the key', async () => {
    const controllerDocument = { id: ISSUER_URL, verificationMethod: [], assertionMethod: [] };
    const { fetcher } = createResourceMap({ documents: new Map([[ISSUER_URL, controllerDocument]]) });
    const report = await verifyCredential(await sign(badge(ISSUER_URL), key), {
      now,
      fetcher,
      compat: '1edtech',
    });
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ ok: false, code: 'DID_RESOLUTION_ERROR' });
  });
});

describe('VC-JWT keys that only the token vouches for', () => {
  const attacker = didKeySigner(14);
  const victim = didKeySigner(15);
  const jwk = (signer: SigningKey) => ({ kty: 'OKP', crv: 'Ed25519', x: base64url.encode(signer.publicKey) });
  const forge = (issuerId: string, signer: SigningKey) => {
    const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
    const input = `${encode({ alg: 'EdDSA', jwk: jwk(signer) })}.${encode(badge(issuerId))}`;
    return signer
      .sign(new TextEncoder().encode(input))
      .then((signature) => `${input}.${base64url.encode(signature)}`);
  };

  it('are refused in strict mode when the issuer’s DID document does not list the key (UNBOUND_KEY)', async () => {
    const report = await verifyCredential(await forge(victim.controller, attacker), { now });
    expect(report.verified).toBe(false);
    expect(check(report, 'jwt.key-controller')).toMatchObject({ ok: false, code: 'UNBOUND_KEY' });
    expect(report.authorship).toBeUndefined();
  });

  it('are verified when the issuer’s DID document lists the key', async () => {
    const report = await verifyCredential(await forge(victim.controller, victim), { now });
    expect(report.verified).toBe(true);
    expect(check(report, 'issuer')).toMatchObject({ ok: true });
    expect(report.authorship).toBeUndefined();
  });

  it('are accepted in 1edtech mode only, with authorship unproven', async () => {
    const report = await verifyCredential(await forge(victim.controller, attacker), {
      now,
      compat: '1edtech',
    });
    expect(report.verified).toBe(true);
    expect(report.authorship).toBe('unproven');
    expect(check(report, 'jwt.key-controller')).toMatchObject({ ok: true, warning: true });
  });
});

describe('proof sets and JSON-LD', () => {
  const key = didKeySigner(12);

  it('refuse a credential whose other proof has a type no context defines, though one proof verifies', async () => {
    const signed = await sign(badge(key.controller), key);
    const bogus = { type: 'SomeProofType', created, proofPurpose: 'assertionMethod' };
    const report = await verifyCredential(
      { ...signed, proof: [bogus, ...(signed.proof as unknown[])] },
      { now },
    );
    expect(check(report, 'proof')?.ok).toBe(true);
    expect(check(report, 'json-ld')).toMatchObject({ ok: false, code: 'UNDEFINED_TERM' });
    expect(check(report, 'json-ld')?.message).toContain('proof[0] (type "SomeProofType")');
    expect(report.verified).toBe(false);
  });

  it('refuse a VC-JWT whose credential names a context nobody supplied', async () => {
    const credential = badge(key.controller);
    const contexts = [...(credential['@context'] as string[]), 'https://unknown.example/context.json'];
    const jwt = await signCredentialJwt({
      credential: { ...credential, '@context': contexts },
      alg: 'EdDSA',
      key,
    });
    const report = await verifyCredential(jwt, { now });
    expect(check(report, 'jwt.signature')?.ok).toBe(true);
    expect(check(report, 'json-ld')).toMatchObject({ ok: false, code: 'UNKNOWN_CONTEXT' });
    expect(report.verified).toBe(false);
  });

  it('report a cryptosuite we do not implement as UNSUPPORTED_CRYPTOSUITE', async () => {
    const signed = await sign(badge(key.controller), key);
    const [proof] = signed.proof as Record<string, unknown>[];
    const report = await verifyCredential(
      { ...signed, proof: { ...proof, cryptosuite: 'ecdsa-sd-2023' } },
      { now },
    );
    expect(report.verified).toBe(false);
    expect(check(report, 'proof')).toMatchObject({ ok: false, code: 'UNSUPPORTED_CRYPTOSUITE' });
  });
});

describe('conformance warnings', () => {
  const key = didKeySigner(13);

  it('verify a badge that breaks the OB 3.0 JSON Schema, with a schema warning', async () => {
    const credential = badge(key.controller);
    const subject = credential.credentialSubject as Record<string, unknown>;
    const achievement = { ...(subject.achievement as Record<string, unknown>), achievementType: 'Program' };
    const signed = await sign({ ...credential, credentialSubject: { ...subject, achievement } }, key);
    const report = await verifyCredential(signed, { now });
    expect(report.verified).toBe(true);
    expect(check(report, 'schema')).toMatchObject({ ok: true, warning: true });
    expect(check(report, 'schema')?.message).toContain('achievementType');
  });

  it('verify a badge whose subject has neither id nor identifier, with a subject warning', async () => {
    const credential = badge(key.controller);
    const { id: _id, ...subject } = credential.credentialSubject as Record<string, unknown>;
    const report = await verifyCredential(await sign({ ...credential, credentialSubject: subject }, key), {
      now,
    });
    expect(report.verified).toBe(true);
    expect(check(report, 'subject')).toMatchObject({ ok: true, warning: true });
  });
});

describe('embedded endorsements', () => {
  const issuerKey = didKeySigner(14);
  const endorserKey = didKeySigner(15);

  async function endorsement(validUntil: string): Promise<Record<string, unknown>> {
    return sign(
      {
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
        id: 'urn:uuid:2c9f1e3a-5b7d-4e0f-9a1b-3c5d7e9f0a2b',
        type: ['VerifiableCredential', 'EndorsementCredential'],
        issuer: { id: endorserKey.controller, type: ['Profile'], name: 'Example Accreditor' },
        validFrom: '2020-01-01T00:00:00Z',
        validUntil,
        credentialSubject: { id: issuerKey.controller, type: ['EndorsementSubject'] },
      },
      endorserKey,
    );
  }

  it('that only expired leave the credential verified, with a warning', async () => {
    const signed = await sign(
      badge(issuerKey.controller, { endorsement: [await endorsement('2021-01-01T00:00:00Z')] }),
      issuerKey,
    );
    const report = await verifyCredential(signed, { now });
    expect(report.verified).toBe(true);
    expect(check(report, 'endorsements')).toMatchObject({ ok: true, warning: true });
  });

  it('that do not verify make the credential fail', async () => {
    const forged = { ...(await endorsement('2030-01-01T00:00:00Z')), name: 'Forged' };
    const signed = await sign(badge(issuerKey.controller, { endorsement: [forged] }), issuerKey);
    const report = await verifyCredential(signed, { now });
    expect(report.verified).toBe(false);
    expect(check(report, 'endorsements')).toMatchObject({ ok: false, code: 'CRYPTOGRAPHIC_SECURITY_ERROR' });
  });
});

describe('status lists', () => {
  const issuerKey = didKeySigner(16);
  const entry = {
    id: `${LIST_URL}#7`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: '7',
    statusListCredential: LIST_URL,
  };

  async function list(
    listIssuer: string,
    key: SigningKey,
    length?: number,
  ): Promise<Record<string, unknown>> {
    const document = buildBitstringStatusListCredential({
      id: LIST_URL,
      issuer: listIssuer,
      statusPurpose: 'revocation',
      encodedList: encodeStatusList(createBitstring(length === undefined ? {} : { length })),
      validFrom: '2026-01-01T00:00:00Z',
    });
    return sign(document as unknown as Record<string, unknown>, key);
  }

  async function verifyWithList(
    listDocument?: Record<string, unknown>,
    signer: SigningKey = issuerKey,
    documents: Map<string, unknown> = new Map(),
  ): Promise<VerificationReport> {
    const signed = await sign(badge(signer.controller, { credentialStatus: entry }), signer);
    if (listDocument !== undefined) documents.set(LIST_URL, listDocument);
    return verifyCredential(signed, { now, fetcher: createResourceMap({ documents }).fetcher });
  }

  it('shorter than 131,072 entries are read anyway, with a warning', async () => {
    const report = await verifyWithList(await list(issuerKey.controller, issuerKey, 100_000));
    expect(report.verified).toBe(true);
    expect(check(report, 'status-list-length')).toMatchObject({ ok: true, warning: true });
  });

  it('that cannot be retrieved fail the credential with STATUS_RETRIEVAL_ERROR', async () => {
    const report = await verifyWithList();
    expect(report.verified).toBe(false);
    expect(check(report, 'status')).toMatchObject({ ok: false, code: 'STATUS_RETRIEVAL_ERROR' });
  });

  it('issued under another identifier but signed with the credential’s own key are accepted, with a warning', async () => {
    // As DCC does: a did:web credential, and its list issued as the did:key of the same key.
    const did = 'did:web:issuer.example';
    const webKey = createEd25519SigningKey({
      secretKey: new Uint8Array(32).fill(16),
      id: `${did}#key-1`,
      controller: did,
    });
    const didDocument = {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [
        { id: webKey.id, type: 'Multikey', controller: did, publicKeyMultibase: webKey.publicKeyMultibase },
      ],
      assertionMethod: [webKey.id],
    };
    const documents = new Map<string, unknown>([
      ['https://issuer.example/.well-known/did.json', didDocument],
    ]);
    const report = await verifyWithList(await list(issuerKey.controller, issuerKey), webKey, documents);
    expect(report.verified).toBe(true);
    expect(check(report, 'status-list-issuer')).toMatchObject({ ok: true, warning: true });
  });

  it('issued and signed by someone else fail with STATUS_VERIFICATION_ERROR', async () => {
    const stranger = didKeySigner(17);
    const report = await verifyWithList(await list(stranger.controller, stranger));
    expect(report.verified).toBe(false);
    expect(check(report, 'status')).toMatchObject({ ok: false, code: 'STATUS_VERIFICATION_ERROR' });
  });

  it('that are 1EdTech revocation lists and cannot be retrieved only warn', async () => {
    const revocation = { type: '1EdTechRevocationList', id: 'https://issuer.example/revocations' };
    const signed = await sign(badge(issuerKey.controller, { credentialStatus: revocation }), issuerKey);
    const report = await verifyCredential(signed, { now });
    expect(report.verified).toBe(true);
    expect(check(report, 'status')).toMatchObject({ ok: true, warning: true });
  });
});

describe('plain verifiable credentials', () => {
  it('are verified as VCs, with a check saying they are not Open Badges', async () => {
    const key = didKeySigner(18);
    const document = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      issuer: key.controller,
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:learner1' },
    };
    const report = await verifyCredential(await sign(document, key), { now });
    expect(report.verified).toBe(true);
    expect(check(report, 'open-badge')).toMatchObject({ ok: true, warning: true });
  });
});
