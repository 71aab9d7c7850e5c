import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createReferenceSigner, verifyWithReferenceStack } from '../../../test/support/reference-stack.js';
import { readSharedJson } from '../../../test/support/shared-data.js';
import { buildEndorsementCredential, buildProfile } from '../../credential/index.js';
import { createEd25519SigningKey, didKeyFromPublicKey, generateEd25519KeyPair } from '../../did/index.js';
import type { JsonObject } from '../../json/index.js';
import { refuseAllFetcher } from '../../resource/index.js';
import { verifyCredential } from '../../verify/index.js';
import { addDataIntegrityProof, proofsOf } from './add-data-integrity-proof.js';
import { verifyDataIntegrityProof } from './verify-data-integrity-proof.js';

const seed = new Uint8Array(createHash('sha256').update('microcred/interop-test').digest());
const did = didKeyFromPublicKey(generateEd25519KeyPair(seed).publicKey);
const key = createEd25519SigningKey({
  secretKey: seed,
  id: `${did}#${did.slice('did:key:'.length)}`,
  controller: did,
});
const now = new Date('2026-11-23T00:00:00Z');

/** The fixtures' unsigned bodies, re-issued by `issuer` (the signature must be the issuer's own). */
function unsignedFixture(file: string, issuer: string): JsonObject {
  const { proof: _proof, ...document } = readSharedJson<JsonObject>(`fixtures/${file}`);
  const profile = document.issuer as JsonObject;
  return { ...document, issuer: { ...profile, id: issuer } };
}

const FILES = [
  'valid/01-minimal.json',
  'valid/02-full-results-alignments-evidence.json',
  'valid/03-bitstring-status-not-revoked.json',
  'valid/05-unicode-names.json',
];

describe('interop with the reference stack (@digitalbazaar/vc + eddsa-rdfc-2022-cryptosuite)', () => {
  for (const file of FILES) {
    it(`a credential we sign (${file}) verifies in the reference stack`, async () => {
      const signed = await addDataIntegrityProof({
        document: unsignedFixture(file, did),
        key,
        created: '2026-01-01T00:00:00Z',
      });
      const result = await verifyWithReferenceStack(signed, now);
      expect(result.error).toBeUndefined();
      expect(result.verified).toBe(true);
    });

    it(`a credential the reference stack signs (${file}) verifies in ours, and tampering breaks it`, async () => {
      const signer = await createReferenceSigner(seed);
      const signed = await signer.sign(unsignedFixture(file, signer.did), '2026-01-01T00:00:00Z');
      const [proof] = proofsOf(signed);
      const ours = await verifyDataIntegrityProof({
        document: signed,
        proof,
        fetcher: refuseAllFetcher,
        now,
      });
      expect(ours.verified).toBe(true);
      const tampered = { ...signed, name: `${String(signed.name)} (edited)` };
      const broken = await verifyDataIntegrityProof({
        document: tampered,
        proof,
        fetcher: refuseAllFetcher,
        now,
      });
      expect(broken.verified).toBe(false);
    });
  }

  it('a credential we sign with an embedded endorsement (signed by another issuer) verifies in the reference stack and in ours', async () => {
    const endorserSeed = new Uint8Array(createHash('sha256').update('microcred/interop-endorser').digest());
    const endorserDid = didKeyFromPublicKey(generateEd25519KeyPair(endorserSeed).publicKey);
    const endorserKey = createEd25519SigningKey({
      secretKey: endorserSeed,
      id: `${endorserDid}#${endorserDid.slice(8)}`,
      controller: endorserDid,
    });
    const unsignedEndorsement = buildEndorsementCredential({
      id: 'urn:uuid:3f0e8a52-6a1c-4c55-9a43-2b2f8e0a7d11',
      issuer: buildProfile({ id: endorserDid, name: 'Professional Body of Data Analysts' }),
      name: 'Endorsement of the Data Cleaning micro-credential',
      validFrom: '2026-01-01T00:00:00Z',
      subject: {
        id: 'https://example.edu/achievements/data-cleaning',
        endorsementComment: 'Meets our *practitioner* standard.',
      },
    }) as unknown as JsonObject;
    const endorsement = await addDataIntegrityProof({
      document: unsignedEndorsement,
      key: endorserKey,
      created: '2026-01-01T00:00:00Z',
    });
    expect((await verifyWithReferenceStack(endorsement, now)).verified).toBe(true);

    const document = { ...unsignedFixture('valid/05-unicode-names.json', did), endorsement: [endorsement] };
    const signed = await addDataIntegrityProof({ document, key, created: '2026-01-01T00:00:00Z' });
    const reference = await verifyWithReferenceStack(signed, now);
    expect(reference.error).toBeUndefined();
    expect(reference.verified).toBe(true);
    const ours = await verifyCredential(signed, { now });
    expect(ours.checks.filter((check) => !check.ok)).toEqual([]);
    expect(ours.checks.find((check) => check.id === 'endorsements')?.ok).toBe(true);
  });

  it('signs byte-identically to the reference stack for the same key, document and time', async () => {
    const signer = await createReferenceSigner(seed);
    const document = unsignedFixture('valid/02-full-results-alignments-evidence.json', did);
    const theirs = proofsOf(await signer.sign(document, '2026-01-01T00:00:00Z'))[0];
    const ours = proofsOf(await addDataIntegrityProof({ document, key, created: '2026-01-01T00:00:00Z' }))[0];
    expect(ours?.proofValue).toBe(theirs?.proofValue);
  });
});
