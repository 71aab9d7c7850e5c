/**
 * /work/shared/ADVERSARIAL.md, verifier rows (V1–V24): every bad input that no other test covered, each on
 * a credential signed here with a real key, asserting the check that fails and its code. Inputs already
 * covered elsewhere are listed below and not repeated.
 *
 * | Row | Bad input | Covered by |
 * |-----|-----------|------------|
 * | V1  | proof missing | verify/bad-input.test.ts "a missing proof"; fixture invalid/19 (verify/reference-fixtures.test.ts) |
 * | V1  | proof null, proof [] | here |
 * | V2  | unknown proof type next to a valid proof | verify/verification-policies.test.ts "refuse a credential whose other proof has a type no context defines…" |
 * | V2  | proof.type missing, unknown type alone | here |
 * | V3  | cryptosuite we do not implement | verification-policies.test.ts "report a cryptosuite we do not implement…"; fixture invalid/18 |
 * | V3  | cryptosuite missing, JCS proof labelled rdfc, SHA-512 digest | here |
 * | V4  | proofValue truncated (≠ 64 bytes) | fixture invalid/15 |
 * | V4  | proofValue missing / null / no multibase prefix / 65 bytes | here |
 * | V5  | 1-bit flip in the signature (R and S halves) | here |
 * | V5  | S+L non-canonical S, small-order public key | being added by helper A (did/ed25519.ts) |
 * | V6  | key of another DID | fixture invalid/13 |
 * | V6  | verificationMethod missing, `did:key:@invalidVm@`, unresolvable did:web, unsupported scheme | here |
 * | V7  | proofPurpose missing, invalid, `authentication` | here |
 * | V8  | `created` tampered | fixture invalid/23 |
 * | V8  | `created` not a date or without a timezone, `expires` past / malformed | here |
 * | V9  | any single field changed | verify/sign-verify.property.test.ts "changing any single field…"; fixtures invalid/10–12 |
 * | V9  | property added / removed, `issuer` and `credentialSubject.id` changed, proof option added / removed | here |
 * | V10 | undefined term (eddsa-rdfc-2022) | bad-input.test.ts "an undefined term"; fixture invalid/22; canon/rdfc-fast-canonizer.test.ts "…mutated to use an undefined term" |
 * | V10 | undefined term under eddsa-jcs-2022 and in a VC-JWT | here |
 * | V11 | unknown context URL | bad-input.test.ts "a context URL we do not bundle"; fixture invalid/21; verification-policies.test.ts (VC-JWT) |
 * | V11 | bundled context redefined by a resource map | resource/create-resource-map.test.ts "never lets the map redefine a bundled context"; here (end to end) |
 * | V11 | context order swapped | here |
 * | V12 | `http:`, `file:`, localhost, 169.254.169.254, redirecting URL, `@import`: refused, nothing fetched | here |
 * | V13 | blank-node clique | canon/rdfc-fast-canonizer.test.ts "stops on a poisoned blank-node graph…"; canon/assert-bounded-n-degree-work.test.ts (ring, clique, ring of rings, 1 MB ring, CLR of 100 credentials unaffected); here (clique, ring, 5,000 identical bnodes, 1 MB ring under eddsa-rdfc-2022 and eddsa-jcs-2022, end to end) |
 * | V14 | 10 MB field, depth 10k, two baked credentials, SVG XXE | verify/bad-input.test.ts; duplicate keys / lone surrogates: helper B (encoding/parse-i-json) |
 * | V15 | issuer ≠ key controller | fixtures invalid/14, invalid/24; proof/jwt/verify-credential-jwt.test.ts "fails when a valid signature comes from a key that the issuer does not control"; here (did:web) |
 * | V16 | achievement of issuer A in a credential of issuer B | here |
 * | V17 | did:web `%40`, `%2F`, upper case, IP literal, trailing dot | here (no fetch attempted) |
 * | V18 | DID document id ≠ DID, VM controller ≠ DID, key not under assertionMethod | here |
 * | V19 | VM `revoked` ≤ proof time | DI: here, both halves (fail; pass when a checkpoint cosigned by a trusted witness before `revoked` holds the credential); VC-JWT: verify-credential-jwt.test.ts "accepts a revoked key only for tokens signed before the revocation"; the log proof itself: verify/verify-log-proof.test.ts |
 * | V20 | validFrom future, validUntil past | fixtures invalid/16, invalid/17 |
 * | V20 | validFrom > validUntil, malformed dates | here |
 * | V21 | status list not retrievable | verification-policies.test.ts "that cannot be retrieved fail…"; here (404, 5xx, timeout) |
 * | V22 | list issued and signed by someone else | verification-policies.test.ts "issued and signed by someone else…" |
 * | V22 | list under 16 KB is a warning | verification-policies.test.ts "shorter than 131,072 entries…"; status/evaluate-bitstring-status.test.ts |
 * | V22 | wrong purpose, index ≥ length, gzip bomb (unit) | status/evaluate-bitstring-status.test.ts, status/status-list-codec.test.ts "rejects a gzip bomb quickly…" |
 * | V22 | bad list signature, wrong purpose, index ≥ length, gzip bomb, expired list (end to end) | here |
 * | V23 | alg none, HS256 with the public key, kid swap | proof/jwt/verify-credential-jwt.test.ts "refuses alg none…", "refuses an HS256 token…", "fails when kid is swapped…" (×2); bad-input.test.ts "a JWT with alg none"; more: helper A |
 * | V24 | VP challenge / domain / replay | no verifiable presentation verifier exists: nothing to test |
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rdfcFastCanonizer } from '../canon/index.js';
import { bundledDocumentLoader, OB_CONTEXT } from '../contexts/index.js';
import { buildAchievement, buildAchievementCredential, buildProfile } from '../credential/index.js';
import {
  buildDidWebDocument,
  createEd25519SigningKey,
  didKeyFromPublicKey,
  didKeyVerificationMethodId,
  generateEd25519KeyPair,
  type SigningKey,
} from '../did/index.js';
import { decodeBase58btc, encodeBase58btc } from '../encoding/index.js';
import type { JsonObject } from '../json/index.js';
import {
  addDataIntegrityProof,
  getCryptosuite,
  unsecuredDocumentFor,
} from '../proof/data-integrity/index.js';
import { signCredentialJwt } from '../proof/jwt/index.js';
import { createResourceMap, type ResourceFetcher } from '../resource/index.js';
import {
  buildBitstringStatusListCredential,
  createBitstring,
  encodeStatusList,
  setStatus,
} from '../status/index.js';
import {
  createCosigner,
  createMemoryHashStore,
  createNoteSigner,
  formatCosignerVerifierKey,
  formatLogProof,
  formatNoteVerifierKey,
  hashLeaf,
  inclusionProof,
  noteSignatureLine,
  signCheckpoint,
} from '../tlog/index.js';
import type { VerificationReport } from './verification-report.js';
import { verifyCredential } from './verify-credential-default.js';
import { credentialLogEntry } from './verify-log-proof.js';

const now = new Date('2026-11-23T00:00:00Z');
const created = '2026-01-01T00:00:00Z';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const WEB_DID = 'did:web:issuer.example';
const WEB_DID_URL = 'https://issuer.example/.well-known/did.json';
const LIST_URL = 'https://issuer.example/status/1';
// Generous: "bounded" means an error instead of a hang, not a benchmark.
const BOUNDED_MS = 30_000;

function didKeySigner(fill: number): SigningKey {
  const secretKey = new Uint8Array(32).fill(fill);
  const did = didKeyFromPublicKey(generateEd25519KeyPair(secretKey).publicKey);
  return createEd25519SigningKey({ secretKey, id: didKeyVerificationMethodId(did), controller: did });
}

function didWebSigner(fill: number, did = WEB_DID, fragment = 'key-1'): SigningKey {
  return createEd25519SigningKey({
    secretKey: new Uint8Array(32).fill(fill),
    id: `${did}#${fragment}`,
    controller: did,
  });
}

function badge(issuerId: string, extra: JsonObject = {}): JsonObject {
  const credential = buildAchievementCredential({
    id: 'urn:uuid:3e1f5c2a-8b4d-4e6f-9a0b-1c2d3e4f5a6b',
    issuer: buildProfile({ id: issuerId, name: 'Example Academy' }),
    achievement: buildAchievement({
      id: 'https://issuer.example/achievements/teamwork',
      name: 'Teamwork',
      description: 'Collaborates within a group.',
      criteria: { narrative: 'Nominated by peers.' },
    }),
    recipient: { id: 'did:example:learner1' },
    validFrom: '2026-01-01T00:00:00Z',
  }) as unknown as JsonObject;
  return { ...credential, ...extra };
}

function sign(
  document: JsonObject,
  key: SigningKey,
  options: { proofPurpose?: string; cryptosuite?: 'eddsa-rdfc-2022' | 'eddsa-jcs-2022' } = {},
): Promise<JsonObject> {
  return addDataIntegrityProof({ document, key, created, ...options });
}

function proofOf(document: JsonObject): JsonObject {
  const [proof] = document.proof as JsonObject[];
  if (proof === undefined) throw new Error('unsigned');
  return proof;
}

/** The signed document with its one proof replaced by `change(proof)`. */
function withProof(document: JsonObject, change: (proof: JsonObject) => JsonObject): JsonObject {
  return { ...document, proof: [change(proofOf(document))] };
}

function check(report: VerificationReport, id: string) {
  return report.checks.find((item) => item.id === id);
}

function firstFailure(report: VerificationReport) {
  return report.checks.find((item) => !item.ok);
}

/** Serves `documents`, refuses the rest, and records every URL it was asked for. */
function recordingFetcher(documents: ReadonlyMap<string, unknown> = new Map()) {
  const calls: string[] = [];
  const { fetcher } = createResourceMap({ documents });
  const recording: ResourceFetcher = (url) => {
    calls.push(url);
    return fetcher(url);
  };
  return { fetcher: recording, calls };
}

/** A fetcher that serves anything at all: if the verifier asked, it would get an answer. */
function servesEverything() {
  const calls: string[] = [];
  const fetcher: ResourceFetcher = (url) => {
    calls.push(url);
    return Promise.resolve({ '@context': { '@vocab': 'https://evil.example/#' } });
  };
  return { fetcher, calls };
}

function didWebDocument(key: SigningKey, extra: JsonObject = {}): JsonObject {
  return {
    ...(buildDidWebDocument({
      did: WEB_DID,
      keys: [{ id: key.id, publicKeyMultibase: key.publicKeyMultibase }],
    }) as unknown as JsonObject),
    ...extra,
  };
}

async function expectFailure(
  input: JsonObject | string,
  expected: { check: string; code: string },
  options: Parameters<typeof verifyCredential>[1] = {},
): Promise<VerificationReport> {
  const report = await verifyCredential(input, { now, ...options });
  expect(report.verified).toBe(false);
  expect(firstFailure(report)).toMatchObject({ id: expected.check, ok: false, code: expected.code });
  return report;
}

const issuerKey = didKeySigner(31);

/** Signs with eddsa-rdfc-2022 and proof options the signing API would refuse or not write. */
async function signWithOptions(
  document: JsonObject,
  options: JsonObject,
  digest = 'sha256',
): Promise<JsonObject> {
  const proofOptions: JsonObject = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    verificationMethod: issuerKey.id,
    proofPurpose: 'assertionMethod',
    ...options,
  };
  const { canonicalDocument, canonicalProofConfig } = await getCryptosuite(
    'eddsa-rdfc-2022',
  ).createVerifyData(unsecuredDocumentFor(document, undefined), proofOptions, {
    canonizer: rdfcFastCanonizer,
    documentLoader: bundledDocumentLoader,
  });
  const hash = (text: string) => createHash(digest).update(text, 'utf8').digest();
  const signature = await issuerKey.sign(
    new Uint8Array(Buffer.concat([hash(canonicalProofConfig), hash(canonicalDocument)])),
  );
  return { ...document, proof: [{ ...proofOptions, proofValue: encodeBase58btc(signature) }] };
}

describe('V1 proof missing or null', () => {
  it('proof: null', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    await expectFailure({ ...signed, proof: null }, { check: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' });
  });

  it('proof: [] (an empty proof set)', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    await expectFailure({ ...signed, proof: [] }, { check: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' });
  });
});

describe('V2 proof.type missing or unknown', () => {
  it('proof.type missing', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    const { type: _type, ...rest } = proofOf(signed);
    await expectFailure({ ...signed, proof: [rest] }, { check: 'proof', code: 'UNSUPPORTED_CRYPTOSUITE' });
  });

  it('proof.type unknown, as the only proof', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    await expectFailure(
      withProof(signed, (proof) => ({ ...proof, type: 'SomeProofType' })),
      { check: 'proof', code: 'UNSUPPORTED_CRYPTOSUITE' },
    );
  });
});

describe('V3 cryptosuite not eddsa-rdfc-2022, or another transformation or hash', () => {
  it('cryptosuite missing', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    const { cryptosuite: _suite, ...rest } = proofOf(signed);
    await expectFailure({ ...signed, proof: [rest] }, { check: 'proof', code: 'UNSUPPORTED_CRYPTOSUITE' });
  });

  it('an eddsa-jcs-2022 (JCS-canonicalized) proof labelled eddsa-rdfc-2022', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey, { cryptosuite: 'eddsa-jcs-2022' });
    expect((await verifyCredential(signed, { now })).verified).toBe(true);
    // The JCS proof carries the document's @context, which an rdfc proof would not.
    const { '@context': _context, ...jcsProof } = proofOf(signed);
    const relabelled = { ...jcsProof, cryptosuite: 'eddsa-rdfc-2022' };
    await expectFailure(
      { ...signed, proof: [relabelled] },
      { check: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' },
    );
  });

  it('a signature over SHA-512 digests of the canonical forms instead of SHA-256', async () => {
    const document = badge(issuerKey.controller);
    // The same construction with SHA-256 verifies: only the digest differs.
    expect((await verifyCredential(await signWithOptions(document, { created }), { now })).verified).toBe(
      true,
    );
    await expectFailure(await signWithOptions(document, { created }, 'sha512'), {
      check: 'proof',
      code: 'CRYPTOGRAPHIC_SECURITY_ERROR',
    });
  });
});

describe('V4 proofValue missing, null, not multibase, or not 64 bytes', () => {
  it('proofValue missing', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    const { proofValue: _value, ...rest } = proofOf(signed);
    await expectFailure({ ...signed, proof: [rest] }, { check: 'proof', code: 'MALFORMED_VALUE_ERROR' });
  });

  it('proofValue null', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    await expectFailure(
      withProof(signed, (proof) => ({ ...proof, proofValue: null })),
      { check: 'proof', code: 'MALFORMED_VALUE_ERROR' },
    );
  });

  it('proofValue without the multibase "z" prefix', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    await expectFailure(
      withProof(signed, (proof) => ({ ...proof, proofValue: String(proof.proofValue).slice(1) })),
      { check: 'proof', code: 'MALFORMED_VALUE_ERROR' },
    );
  });

  it('proofValue with a byte appended to the valid signature (65 bytes)', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    const report = await expectFailure(
      withProof(signed, (proof) => ({
        ...proof,
        proofValue: encodeBase58btc(new Uint8Array([...signatureOf(proof), 0])),
      })),
      { check: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' },
    );
    expect(check(report, 'proof')?.message).toContain('not 65');
  });
});

function signatureOf(proof: JsonObject): Uint8Array {
  const bytes = decodeBase58btc(String(proof.proofValue));
  expect(bytes).toHaveLength(64);
  return bytes;
}

describe('V5 a 1-bit flip in the signature', () => {
  for (const [half, bit] of [
    ['R', 0],
    ['S', 32 * 8 + 7],
  ] as const) {
    it(`flips bit ${bit} (in ${half})`, async () => {
      const signed = await sign(badge(issuerKey.controller), issuerKey);
      const flipped = withProof(signed, (proof) => {
        const bytes = signatureOf(proof);
        bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) ^ (1 << (bit & 7));
        return { ...proof, proofValue: encodeBase58btc(bytes) };
      });
      await expectFailure(flipped, { check: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' });
    });
  }
});

describe('V6 verificationMethod missing, malformed or unresolvable', () => {
  it('verificationMethod missing', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    const { verificationMethod: _vm, ...rest } = proofOf(signed);
    await expectFailure({ ...signed, proof: [rest] }, { check: 'proof', code: 'MALFORMED_VALUE_ERROR' });
  });

  it('verificationMethod "did:key:@invalidVm@"', async () => {
    const { fetcher, calls } = recordingFetcher();
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    await expectFailure(
      withProof(signed, (proof) => ({ ...proof, verificationMethod: 'did:key:@invalidVm@' })),
      { check: 'proof', code: 'DID_RESOLUTION_ERROR' },
      { fetcher },
    );
    expect(calls).toEqual([]);
  });

  it('a did:web verification method whose DID document cannot be retrieved', async () => {
    const key = didWebSigner(32);
    const { fetcher, calls } = recordingFetcher();
    await expectFailure(
      await sign(badge(WEB_DID), key),
      { check: 'proof', code: 'DID_RESOLUTION_ERROR' },
      { fetcher },
    );
    expect(calls).toEqual([WEB_DID_URL]);
  });

  it('a verification method in a scheme no resolver handles (urn:)', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    await expectFailure(
      withProof(signed, (proof) => ({ ...proof, verificationMethod: 'urn:example:key-1' })),
      { check: 'proof', code: 'DID_RESOLUTION_ERROR' },
    );
  });
});

describe('V7 proofPurpose missing, invalid, or not assertionMethod', () => {
  it('proofPurpose missing', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    const { proofPurpose: _purpose, ...rest } = proofOf(signed);
    await expectFailure({ ...signed, proof: [rest] }, { check: 'proof', code: 'PROOF_VERIFICATION_ERROR' });
  });

  it('proofPurpose "invalid"', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    await expectFailure(
      withProof(signed, (proof) => ({ ...proof, proofPurpose: 'invalid' })),
      { check: 'proof', code: 'PROOF_VERIFICATION_ERROR' },
    );
  });

  it('proofPurpose "authentication", validly signed as such', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey, { proofPurpose: 'authentication' });
    const report = await expectFailure(signed, { check: 'proof', code: 'PROOF_VERIFICATION_ERROR' });
    expect(check(report, 'proof')?.message).toContain('assertionMethod');
  });
});

describe('V8 created not a dateTimeStamp, expires in the past', () => {
  it('created "yesterday"', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    await expectFailure(
      withProof(signed, (proof) => ({ ...proof, created: 'yesterday' })),
      { check: 'proof', code: 'MALFORMED_VALUE_ERROR' },
    );
  });

  it('created without a timezone, validly signed', async () => {
    const signed = await signWithOptions(badge(issuerKey.controller), { created: '2026-01-01T00:00:00' });
    await expectFailure(signed, { check: 'proof', code: 'MALFORMED_VALUE_ERROR' });
  });

  it('expires in the past, validly signed', async () => {
    const signed = await signWithOptions(badge(issuerKey.controller), {
      created,
      expires: '2026-06-01T00:00:00Z',
    });
    // The same proof is good before it expires: only the date fails it.
    expect((await verifyCredential(signed, { now: new Date('2026-05-01T00:00:00Z') })).verified).toBe(true);
    await expectFailure(signed, { check: 'proof', code: 'RANGE_ERROR' });
  });

  it('expires not a date', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    await expectFailure(
      withProof(signed, (proof) => ({ ...proof, expires: 'never' })),
      { check: 'proof', code: 'MALFORMED_VALUE_ERROR' },
    );
  });
});

describe('V9 a property added, removed or changed in the credential or its proof', () => {
  const otherKey = didKeySigner(33);
  const cases: [string, (signed: JsonObject) => JsonObject][] = [
    ['a property added to the credential (description)', (signed) => ({ ...signed, description: 'Added.' })],
    [
      'a property removed from the credential (validFrom)',
      (signed) => {
        const { validFrom: _validFrom, ...rest } = signed;
        return rest;
      },
    ],
    [
      'issuer changed to another DID',
      (signed) => ({ ...signed, issuer: { ...(signed.issuer as JsonObject), id: otherKey.controller } }),
    ],
    [
      'credentialSubject.id changed',
      (signed) => ({
        ...signed,
        credentialSubject: { ...(signed.credentialSubject as JsonObject), id: 'did:example:someone-else' },
      }),
    ],
    [
      'an option added to the proof (nonce)',
      (signed) => withProof(signed, (proof) => ({ ...proof, nonce: 'abc' })),
    ],
    [
      'an option removed from the proof (created)',
      (signed) =>
        withProof(signed, (proof) => {
          const { created: _created, ...rest } = proof;
          return rest;
        }),
    ],
  ];
  for (const [name, change] of cases) {
    it(name, async () => {
      const signed = await sign(badge(issuerKey.controller), issuerKey);
      expect((await verifyCredential(signed, { now })).verified).toBe(true);
      await expectFailure(change(signed), { check: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' });
    });
  }
});

describe('V10 a term no @context defines, whatever the proof format', () => {
  it('under eddsa-jcs-2022, which signs the JSON and never expands it', async () => {
    const signed = await sign(badge(issuerKey.controller, { surprise: 'undefined term' }), issuerKey, {
      cryptosuite: 'eddsa-jcs-2022',
    });
    const report = await expectFailure(signed, { check: 'json-ld', code: 'UNDEFINED_TERM' });
    expect(check(report, 'proof')?.ok).toBe(true);
  });

  it('in a VC-JWT', async () => {
    const jwt = await signCredentialJwt({
      credential: badge(issuerKey.controller, { surprise: 'undefined term' }),
      alg: 'EdDSA',
      key: issuerKey,
    });
    const report = await expectFailure(jwt, { check: 'json-ld', code: 'UNDEFINED_TERM' });
    expect(check(report, 'jwt.signature')?.ok).toBe(true);
  });
});

describe('V11 unknown, altered or reordered contexts', () => {
  it('a bundled context URL with altered content from a resource map is not used', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    // The altered OB context would define `surprise`; the bundled one wins, so the term stays undefined.
    const altered = { '@context': { surprise: 'https://evil.example/#surprise' } };
    const map = createResourceMap({ documents: new Map([[OB_CONTEXT, altered]]) });
    await expectFailure(
      { ...signed, surprise: 'smuggled' },
      { check: 'proof', code: 'UNDEFINED_TERM' },
      { fetcher: map.fetcher, documentLoader: map.documentLoader },
    );
  });

  it('the base context swapped with the OB context', async () => {
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    const [base, ob, ...rest] = signed['@context'] as string[];
    expect([base, ob]).toEqual([V2, OB_CONTEXT]);
    await expectFailure(
      { ...signed, '@context': [ob, base, ...rest] },
      { check: 'context', code: 'PARSING_ERROR' },
    );
  });
});

describe('V12 contexts that would make the verifier fetch: refused, nothing fetched', () => {
  const urls: [string, string][] = [
    ['http://', 'http://issuer.example/context.jsonld'],
    ['file://', 'file:///etc/passwd'],
    ['localhost', 'https://localhost/context.jsonld'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['a URL that redirects (w3id.org)', 'https://w3id.org/openbadges/v2'],
  ];
  for (const [name, url] of urls) {
    it(`@context ${name}`, async () => {
      const { fetcher, calls } = servesEverything();
      const signed = await sign(badge(issuerKey.controller), issuerKey);
      const report = await expectFailure(
        { ...signed, '@context': [V2, OB_CONTEXT, url] },
        { check: 'proof', code: 'UNKNOWN_CONTEXT' },
        { fetcher },
      );
      expect(check(report, 'proof')?.message).toContain(url);
      expect(calls).toEqual([]);
    });
  }

  it('@import of the cloud metadata address in an inline context', async () => {
    const { fetcher, calls } = servesEverything();
    const signed = await sign(badge(issuerKey.controller), issuerKey);
    const inline = {
      '@import': 'http://169.254.169.254/latest/meta-data/',
      surprise: 'https://e.example/#s',
    };
    await expectFailure(
      { ...signed, '@context': [V2, OB_CONTEXT, inline] },
      { check: 'proof', code: 'UNKNOWN_CONTEXT' },
      { fetcher },
    );
    expect(calls).toEqual([]);
  });

  it('@context http:// in a VC-JWT', async () => {
    const { fetcher, calls } = servesEverything();
    const credential = badge(issuerKey.controller);
    const jwt = await signCredentialJwt({
      credential: { ...credential, '@context': [V2, OB_CONTEXT, 'http://169.254.169.254/ctx'] },
      alg: 'EdDSA',
      key: issuerKey,
    });
    await expectFailure(jwt, { check: 'json-ld', code: 'UNKNOWN_CONTEXT' }, { fetcher });
    expect(calls).toEqual([]);
  });
});

describe('V13 poisoned blank-node graphs fail in bounded time', () => {
  const knows = 'https://example.org/knows';

  it(
    'a 4-clique of blank nodes in the subject',
    async () => {
      const signed = await sign(badge(issuerKey.controller), issuerKey);
      const clique = Array.from({ length: 4 }, (_, index) => ({
        id: `_:n${index}`,
        [knows]: [0, 1, 2, 3].filter((other) => other !== index).map((other) => ({ id: `_:n${other}` })),
      }));
      const subject = { ...(signed.credentialSubject as JsonObject), [knows]: clique };
      const { fetcher, calls } = servesEverything();
      await expectFailure(
        { ...signed, credentialSubject: subject },
        { check: 'proof', code: 'RANGE_ERROR' },
        { fetcher },
      );
      expect(calls).toEqual([]);
    },
    BOUNDED_MS,
  );

  it(
    'a ring of 1,000 blank nodes that only their neighbours tell apart',
    async () => {
      const signed = await sign(badge(issuerKey.controller), issuerKey);
      const size = 1_000;
      const ring = Array.from({ length: size }, (_, index) => ({
        id: `_:r${index}`,
        [knows]: { id: `_:r${(index + 1) % size}` },
      }));
      const subject = { ...(signed.credentialSubject as JsonObject), [knows]: ring };
      await expectFailure({ ...signed, credentialSubject: subject }, { check: 'proof', code: 'RANGE_ERROR' });
    },
    BOUNDED_MS,
  );

  it(
    'thousands of identical blank nodes',
    async () => {
      const signed = await sign(badge(issuerKey.controller), issuerKey);
      const many = Array.from({ length: 5_000 }, () => ({ [knows]: 'the same' }));
      const subject = { ...(signed.credentialSubject as JsonObject), [knows]: many };
      await expectFailure(
        { ...signed, credentialSubject: subject },
        { check: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' },
      );
    },
    BOUNDED_MS,
  );

  const ringOf = (size: number) =>
    Array.from({ length: size }, (_, index) => ({
      id: `_:r${index}`,
      [knows]: { id: `_:r${(index + 1) % size}` },
    }));

  it(
    'a 1 MB ring of 17,000 blank nodes fails within seconds, not minutes',
    async () => {
      const signed = await sign(badge(issuerKey.controller), issuerKey);
      const subject = { ...(signed.credentialSubject as JsonObject), [knows]: ringOf(17_000) };
      const poisoned = { ...signed, credentialSubject: subject };
      expect(JSON.stringify(poisoned).length).toBeGreaterThan(1_000_000);
      const report = await expectFailure(poisoned, { check: 'proof', code: 'RANGE_ERROR' });
      expect(check(report, 'proof')?.message).toMatch(/canonicalization refused: .*N-degree/);
    },
    BOUNDED_MS,
  );

  it(
    'a 1 MB ring signed with eddsa-jcs-2022: the JSON-LD check expands it in linear time',
    async () => {
      const document = badge(issuerKey.controller);
      const subject = { ...(document.credentialSubject as JsonObject), [knows]: ringOf(17_000) };
      const signed = await sign({ ...document, credentialSubject: subject }, issuerKey, {
        cryptosuite: 'eddsa-jcs-2022',
      });
      // JCS signs the JSON and nothing canonicalizes RDF; the ring is just data, checked for safe mode.
      const report = await verifyCredential(signed, { now });
      expect(check(report, 'proof')).toMatchObject({ ok: true });
      expect(check(report, 'json-ld')).toMatchObject({ ok: true });
    },
    BOUNDED_MS,
  );
});

describe('V15 a valid signature by a key of DID B on a credential naming issuer A', () => {
  it('issuer did:web A, key of did:web B resolved from its own DID document', async () => {
    const otherDid = 'did:web:other.example';
    const keyB = didWebSigner(34, otherDid);
    const documentB = buildDidWebDocument({
      did: otherDid,
      keys: [{ id: keyB.id, publicKeyMultibase: keyB.publicKeyMultibase }],
    });
    const { fetcher } = recordingFetcher(
      new Map([['https://other.example/.well-known/did.json', documentB]]),
    );
    const report = await expectFailure(
      await sign(badge(WEB_DID), keyB),
      { check: 'issuer', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' },
      { fetcher },
    );
    expect(check(report, 'proof')?.ok).toBe(true);
  });
});

describe('V16 an achievement of issuer A in a credential from issuer B', () => {
  it('names B as the issuer and signer, whatever the achievement claims', async () => {
    const keyB = didKeySigner(35);
    const issuerA = 'https://famous.example/issuers/1';
    const achievement = buildAchievement({
      id: 'https://famous.example/achievements/phd',
      name: 'Doctorate of Famous University',
      description: 'Awarded by Famous University.',
      criteria: { narrative: 'A thesis.' },
      creator: buildProfile({ id: issuerA, name: 'Famous University' }),
    });
    const credential = badge(keyB.controller);
    const subject = { ...(credential.credentialSubject as JsonObject), achievement };
    const report = await verifyCredential(await sign({ ...credential, credentialSubject: subject }, keyB), {
      now,
    });
    // Nothing is forged: B may say what it likes, but the report must say it is B who says it.
    expect(report.verified).toBe(true);
    expect(report.signer?.controller).toBe(keyB.controller);
    expect(check(report, 'issuer')?.message).toContain(keyB.controller);
    expect(JSON.stringify(report.checks)).not.toContain(issuerA);
  });
});

describe('V17 did:web identifiers that could smuggle another host: refused before any fetch', () => {
  const dids: [string, string][] = [
    ['%40 (userinfo)', 'did:web:victim.example%40evil.example'],
    ['%2F (path)', 'did:web:evil.example%2Fvictim.example'],
    ['an upper-case host', 'did:web:Victim.Example'],
    ['an IP literal', 'did:web:169.254.169.254'],
    ['a trailing dot', 'did:web:victim.example.'],
  ];
  for (const [name, did] of dids) {
    it(name, async () => {
      const key = didWebSigner(36, did);
      const { fetcher, calls } = servesEverything();
      const report = await expectFailure(
        await sign(badge(did), key),
        { check: 'proof', code: 'DID_RESOLUTION_ERROR' },
        { fetcher },
      );
      expect(check(report, 'proof')?.message).toContain('invalid did:web');
      expect(calls).toEqual([]);
    });
  }
});

describe('V18 DID documents that do not vouch for the key', () => {
  const key = didWebSigner(37);

  async function withDocument(document: unknown) {
    const { fetcher } = recordingFetcher(new Map([[WEB_DID_URL, document]]));
    return expectFailure(
      await sign(badge(WEB_DID), key),
      { check: 'proof', code: 'DID_RESOLUTION_ERROR' },
      { fetcher },
    );
  }

  it('the served control document is good (baseline)', async () => {
    const { fetcher } = recordingFetcher(new Map([[WEB_DID_URL, didWebDocument(key)]]));
    expect((await verifyCredential(await sign(badge(WEB_DID), key), { now, fetcher })).verified).toBe(true);
  });

  it('the DID document id is another DID', async () => {
    await withDocument(didWebDocument(key, { id: 'did:web:evil.example' }));
  });

  it('the verification method names another controller', async () => {
    const document = didWebDocument(key);
    const methods = (document.verificationMethod as JsonObject[]).map((method) => ({
      ...method,
      controller: 'did:web:evil.example',
    }));
    await withDocument({ ...document, verificationMethod: methods });
  });

  it('the key is listed for authentication only, not assertionMethod', async () => {
    await withDocument(didWebDocument(key, { assertionMethod: [] }));
  });
});

describe('V19 a verification method revoked no later than the proof was created', () => {
  const key = didWebSigner(38);

  async function withRevoked(revoked: string) {
    const document = buildDidWebDocument({
      did: WEB_DID,
      keys: [{ id: key.id, publicKeyMultibase: key.publicKeyMultibase, revoked }],
    });
    const { fetcher } = recordingFetcher(new Map([[WEB_DID_URL, document]]));
    return verifyCredential(await sign(badge(WEB_DID), key), { now, fetcher });
  }

  it('revoked before created', async () => {
    const report = await withRevoked('2025-12-31T23:59:59Z');
    expect(report.verified).toBe(false);
    expect(firstFailure(report)).toMatchObject({ id: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' });
    expect(check(report, 'proof')?.message).toContain('revoked');
  });

  it('revoked at the very second it was created', async () => {
    const report = await withRevoked(created);
    expect(report.verified).toBe(false);
    expect(firstFailure(report)).toMatchObject({ id: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' });
  });

  const logSeed = new Uint8Array(32).fill(40);
  const witnessSeed = new Uint8Array(32).fill(41);
  const LOG = 'issuer.example/log';
  const logKey = formatNoteVerifierKey(LOG, generateEd25519KeyPair(logSeed).publicKey);
  const witnessKey = formatCosignerVerifierKey(
    'witness.example/w1',
    generateEd25519KeyPair(witnessSeed).publicKey,
  );

  /** A log holding `credential` at index 1, its checkpoint cosigned by the witness at `witnessedAt`. */
  function logProofOf(credential: JsonObject, witnessedAt: string) {
    const store = createMemoryHashStore();
    store.append([
      hashLeaf(new Uint8Array(32)),
      hashLeaf(credentialLogEntry(credential)),
      hashLeaf(new Uint8Array(1)),
    ]);
    const note = signCheckpoint({ origin: LOG, size: 3, rootHash: store.root(), extensions: [] }, [
      createNoteSigner({ name: LOG, secretKey: logSeed }),
    ]);
    const cosigner = createCosigner({
      name: 'witness.example/w1',
      secretKey: witnessSeed,
      timestamp: Date.parse(witnessedAt) / 1000,
    });
    const checkpoint = note + noteSignatureLine(note.slice(0, note.lastIndexOf('\n\n') + 1), cosigner);
    return formatLogProof({
      leafIndex: 1,
      treeSize: 3,
      inclusionProof: inclusionProof(1, 3, store.read),
      checkpoint,
    });
  }

  async function withLoggedRevoked(
    revoked: string,
    log: { witnessedAt: string; witnessKeys?: string[]; proofOf?: JsonObject },
  ) {
    const document = buildDidWebDocument({
      did: WEB_DID,
      keys: [{ id: key.id, publicKeyMultibase: key.publicKeyMultibase, revoked }],
    });
    const { fetcher } = recordingFetcher(new Map([[WEB_DID_URL, document]]));
    const credential = await sign(badge(WEB_DID), key);
    return verifyCredential(credential, {
      now,
      fetcher,
      transparencyLog: {
        logKeys: [logKey],
        witnessKeys: log.witnessKeys ?? [witnessKey],
        proof: logProofOf(log.proofOf ?? credential, log.witnessedAt),
      },
    });
  }

  it('passes when a checkpoint cosigned by a trusted witness before `revoked` holds the credential', async () => {
    const report = await withLoggedRevoked('2025-12-31T23:59:59Z', { witnessedAt: '2025-12-31T23:00:00Z' });
    expect(firstFailure(report)).toBeUndefined();
    expect(report.verified).toBe(true);
    expect(check(report, 'transparency-log')).toMatchObject({ ok: true });
    expect(check(report, 'proof')?.message).toContain(
      'revoked at 2025-12-31T23:59:59Z, after a witnessed checkpoint',
    );
  });

  it('fails when the witness cosigned at or after `revoked`', async () => {
    const report = await withLoggedRevoked('2025-12-31T23:59:59Z', { witnessedAt: '2025-12-31T23:59:59Z' });
    expect(check(report, 'transparency-log')).toMatchObject({ ok: true });
    expect(firstFailure(report)).toMatchObject({ id: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' });
  });

  it('fails when no trusted witness dates the checkpoint: the log alone vouches for no time', async () => {
    const report = await withLoggedRevoked('2025-12-31T23:59:59Z', {
      witnessedAt: '2025-12-31T23:00:00Z',
      witnessKeys: [],
    });
    expect(check(report, 'transparency-log')?.message).toContain('not cosigned by a trusted witness');
    expect(firstFailure(report)).toMatchObject({ id: 'proof', code: 'CRYPTOGRAPHIC_SECURITY_ERROR' });
  });

  it('fails when the log proves another credential', async () => {
    const report = await withLoggedRevoked('2025-12-31T23:59:59Z', {
      witnessedAt: '2025-12-31T23:00:00Z',
      proofOf: badge(WEB_DID),
    });
    expect(firstFailure(report)).toMatchObject({ id: 'transparency-log', code: 'PROOF_VERIFICATION_ERROR' });
    expect(check(report, 'proof')).toMatchObject({ ok: false, code: 'CRYPTOGRAPHIC_SECURITY_ERROR' });
  });
});

describe('V20 validity dates out of order or malformed', () => {
  async function signedWith(dates: JsonObject) {
    return sign(badge(issuerKey.controller, dates), issuerKey);
  }

  it('validFrom after validUntil (both in the past)', async () => {
    const report = await expectFailure(
      await signedWith({ validFrom: '2026-03-01T00:00:00Z', validUntil: '2026-02-01T00:00:00Z' }),
      { check: 'valid-until', code: 'RANGE_ERROR' },
    );
    expect(check(report, 'valid-until')?.message).toContain('before validFrom');
  });

  it('validFrom after validUntil (both in the future)', async () => {
    await expectFailure(
      await signedWith({ validFrom: '2027-03-01T00:00:00Z', validUntil: '2027-02-01T00:00:00Z' }),
      { check: 'valid-from', code: 'RANGE_ERROR' },
    );
  });

  it('validFrom without a timezone', async () => {
    await expectFailure(await signedWith({ validFrom: '2026-01-01T00:00:00' }), {
      check: 'valid-from',
      code: 'MALFORMED_VALUE_ERROR',
    });
  });

  it('validUntil a date without a time', async () => {
    await expectFailure(await signedWith({ validUntil: '2030-01-01' }), {
      check: 'valid-until',
      code: 'MALFORMED_VALUE_ERROR',
    });
  });

  it('validUntil an impossible date (February 30th)', async () => {
    await expectFailure(await signedWith({ validUntil: '2030-02-30T00:00:00Z' }), {
      check: 'valid-until',
      code: 'MALFORMED_VALUE_ERROR',
    });
  });
});

const statusEntry = {
  id: `${LIST_URL}#7`,
  type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation',
  statusListIndex: '7',
  statusListCredential: LIST_URL,
};

async function statusList(
  options: { purpose?: string; encodedList?: string; validUntil?: string } = {},
): Promise<JsonObject> {
  const document = buildBitstringStatusListCredential({
    id: LIST_URL,
    issuer: issuerKey.controller,
    statusPurpose: (options.purpose ?? 'revocation') as 'revocation',
    encodedList: options.encodedList ?? encodeStatusList(createBitstring()),
    validFrom: '2026-01-01T00:00:00Z',
    ...(options.validUntil === undefined ? {} : { validUntil: options.validUntil }),
  }) as unknown as JsonObject;
  return sign(document, issuerKey);
}

async function verifyAgainst(fetcher: ResourceFetcher, entry: JsonObject = statusEntry) {
  const signed = await sign(badge(issuerKey.controller, { credentialStatus: entry }), issuerKey);
  return verifyCredential(signed, { now, fetcher });
}

describe('V21 a status list that cannot be read: status unknown, never "valid"', () => {
  const failures: [string, string][] = [
    ['404', 'HTTP 404 Not Found'],
    ['5xx', 'HTTP 503 Service Unavailable'],
    ['timeout', 'timed out after 5000 ms'],
  ];
  for (const [name, message] of failures) {
    it(`the fetcher fails with ${name}`, async () => {
      const calls: string[] = [];
      const fetcher: ResourceFetcher = (url) => {
        calls.push(url);
        return Promise.reject(new Error(message));
      };
      const report = await verifyAgainst(fetcher);
      expect(report.verified).toBe(false);
      expect(firstFailure(report)).toMatchObject({ id: 'status', code: 'STATUS_RETRIEVAL_ERROR' });
      expect(calls).toEqual([LIST_URL]);
    });
  }
});

describe('V22 status lists that must not be believed', () => {
  it('the list is good (baseline), and reports index 7 revoked once set', async () => {
    const good = recordingFetcher(new Map([[LIST_URL, await statusList()]]));
    expect((await verifyAgainst(good.fetcher)).verified).toBe(true);
    const bits = createBitstring();
    setStatus(bits, 7, 1);
    const revoked = recordingFetcher(
      new Map([[LIST_URL, await statusList({ encodedList: encodeStatusList(bits) })]]),
    );
    const report = await verifyAgainst(revoked.fetcher);
    expect(firstFailure(report)).toMatchObject({ id: 'status', code: 'REVOKED' });
  });

  it('a bad signature on the list (encodedList changed after signing)', async () => {
    const bits = createBitstring();
    setStatus(bits, 8, 1);
    const list = await statusList();
    const subject = { ...(list.credentialSubject as JsonObject), encodedList: encodeStatusList(bits) };
    const { fetcher } = recordingFetcher(new Map([[LIST_URL, { ...list, credentialSubject: subject }]]));
    const report = await verifyAgainst(fetcher);
    expect(report.verified).toBe(false);
    expect(firstFailure(report)).toMatchObject({ id: 'status', code: 'STATUS_VERIFICATION_ERROR' });
  });

  it('a list for another statusPurpose (suspension) than the entry (revocation)', async () => {
    const { fetcher } = recordingFetcher(new Map([[LIST_URL, await statusList({ purpose: 'suspension' })]]));
    const report = await verifyAgainst(fetcher);
    expect(report.verified).toBe(false);
    expect(firstFailure(report)).toMatchObject({ id: 'status', code: 'STATUS_VERIFICATION_ERROR' });
  });

  it('an index at or beyond the end of the list', async () => {
    const { fetcher } = recordingFetcher(new Map([[LIST_URL, await statusList()]]));
    const report = await verifyAgainst(fetcher, { ...statusEntry, statusListIndex: '131072' });
    expect(report.verified).toBe(false);
    expect(firstFailure(report)).toMatchObject({ id: 'status', code: 'RANGE_ERROR' });
  });

  it(
    'a validly signed list whose encodedList is a gzip bomb',
    async () => {
      // 64 MiB of zeros in about 64 KB: four times the 16 MiB expansion bound.
      const bomb = `u${gzipSync(new Uint8Array(64 * 1024 * 1024), { level: 9 }).toString('base64url')}`;
      const { fetcher } = recordingFetcher(new Map([[LIST_URL, await statusList({ encodedList: bomb })]]));
      const report = await verifyAgainst(fetcher);
      expect(report.verified).toBe(false);
      expect(firstFailure(report)).toMatchObject({ id: 'status', code: 'MALFORMED_VALUE_ERROR' });
      expect(check(report, 'status')?.message).toContain('beyond');
    },
    BOUNDED_MS,
  );

  it('a list past its validUntil', async () => {
    const { fetcher } = recordingFetcher(
      new Map([[LIST_URL, await statusList({ validUntil: '2026-06-01T00:00:00Z' })]]),
    );
    const report = await verifyAgainst(fetcher);
    expect(report.verified).toBe(false);
    expect(firstFailure(report)).toMatchObject({ id: 'status', code: 'STATUS_VERIFICATION_ERROR' });
  });
});
