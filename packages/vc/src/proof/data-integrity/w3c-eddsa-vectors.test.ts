import { describe, expect, it } from 'vitest';
import { readSharedJson, readSharedText, TEST_CONTEXTS } from '../../../test/support/shared-data.js';
import { fastPathOnlyCanonizer } from '../../canon/fast-path-only.test-support.js';
import { rdfcFastCanonizer, rdfcReferenceCanonizer } from '../../canon/index.js';
import { createDocumentLoader } from '../../contexts/index.js';
import {
  createEd25519SigningKey,
  decodeMultikeySecret,
  didKeyFromPublicKey,
  generateEd25519KeyPair,
} from '../../did/index.js';
import type { JsonObject } from '../../json/index.js';
import { refuseAllFetcher } from '../../resource/index.js';
import { addDataIntegrityProof } from './add-data-integrity-proof.js';
import { getCryptosuite } from './cryptosuite.js';
import { verifyDataIntegrityProof } from './verify-data-integrity-proof.js';

const VECTORS = 'data/w3c/vc-di-eddsa/TestVectors';
const documentLoader = createDocumentLoader({ extraDocuments: TEST_CONTEXTS });
const keyPair = readSharedJson<{ publicKeyMultibase: string; privateKeyMultibase: string }>(
  `${VECTORS}/keyPair.json`,
);
const seed = decodeMultikeySecret(keyPair.privateKeyMultibase);
const did = didKeyFromPublicKey(generateEd25519KeyPair(seed).publicKey);
const key = createEd25519SigningKey({
  secretKey: seed,
  id: `${did}#${keyPair.publicKeyMultibase}`,
  controller: did,
});

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const text = (path: string) => readSharedText(`${VECTORS}/${path}`).trim();

const cases = [
  { suite: 'eddsa-rdfc-2022', dir: 'eddsa-rdfc-2022', tag: 'DataInt', unsigned: 'unsigned.json' },
  { suite: 'eddsa-jcs-2022', dir: 'eddsa-jcs-2022', tag: 'JCS', unsigned: 'unsigned.json' },
  { suite: 'Ed25519Signature2020', dir: 'Ed25519Signature2020', tag: 'EdSig', unsigned: 'unsigned.json' },
] as const;

it('derives the W3C vector key pair from its secretKeyMultibase', () => {
  expect(key.publicKeyMultibase).toBe(keyPair.publicKeyMultibase);
});

// Every vector runs through the reference canonizer and through the fast path alone (no fallback).
for (const canonizer of [fastPathOnlyCanonizer, rdfcReferenceCanonizer]) {
  const context = { canonizer, documentLoader };

  describe(`W3C vc-di-eddsa test vectors (${canonizer.name})`, () => {
    for (const vector of cases) {
      describe(`${vector.dir}`, () => {
        const proofConfig = readSharedJson<JsonObject>(
          `${VECTORS}/${vector.dir}/proofConfig${vector.tag}.json`,
        );
        const signed = readSharedJson<JsonObject>(`${VECTORS}/${vector.dir}/signed${vector.tag}.json`);
        // Ed25519Signature2020 signers add the suite's context to the document, so sign what was signed.
        const { proof: _proof, ...signedWithoutProof } = signed;
        const unsigned =
          vector.suite === 'Ed25519Signature2020'
            ? signedWithoutProof
            : readSharedJson<JsonObject>(`${VECTORS}/${vector.unsigned}`);

        it('reproduces the canonical document, canonical proof config and their hashes byte for byte', async () => {
          const data = await getCryptosuite(vector.suite).createVerifyData(unsigned, proofConfig, context);
          expect(data.canonicalDocument.trim()).toBe(text(`${vector.dir}/canonDoc${vector.tag}.txt`));
          expect(data.canonicalProofConfig.trim()).toBe(text(`${vector.dir}/proofCanon${vector.tag}.txt`));
          expect(hex(data.documentHash)).toBe(text(`${vector.dir}/docHash${vector.tag}.txt`));
          expect(hex(data.proofHash)).toBe(text(`${vector.dir}/proofHash${vector.tag}.txt`));
          expect(hex(data.verifyData)).toBe(text(`${vector.dir}/combinedHash${vector.tag}.txt`));
        });

        it('verifies the published signed document', async () => {
          const proof = Array.isArray(signed.proof) ? signed.proof[0] : signed.proof;
          const result = await verifyDataIntegrityProof({
            document: signed,
            proof,
            fetcher: refuseAllFetcher,
            documentLoader,
            canonizer,
          });
          expect(result).toMatchObject({ verified: true, cryptosuite: vector.suite });
        });

        if (vector.suite !== 'Ed25519Signature2020') {
          it('signs to the published proofValue', async () => {
            const secured = await addDataIntegrityProof({
              document: unsigned,
              key,
              cryptosuite: vector.suite,
              created: proofConfig.created as string,
              documentLoader,
              canonizer,
            });
            const [proof] = secured.proof as JsonObject[];
            expect(proof?.proofValue).toBe(text(`${vector.dir}/sigBTC58${vector.tag}.txt`));
            const published = Array.isArray(signed.proof) ? signed.proof[0] : signed.proof;
            expect(proof).toEqual(published);
          });
        }
      });
    }
    for (const name of ['signedProofSet2.json', 'signedProofChain2.json']) {
      it(`verifies every proof of the published ${name}`, async () => {
        const document = readSharedJson<JsonObject>(`${VECTORS}/proof-set-chain/${name}`);
        const proofs = document.proof as JsonObject[];
        expect(proofs.length).toBeGreaterThanOrEqual(2);
        for (const proof of proofs) {
          const result = await verifyDataIntegrityProof({
            document,
            proof,
            fetcher: refuseAllFetcher,
            documentLoader,
            canonizer,
          });
          expect(result.verified, `${name} ${String(proof.id ?? proof.verificationMethod)}`).toBe(true);
        }
      });
    }
  });
}

// The default canonizer and the reference fail alike for a context that is not bundled.
for (const canonizer of [rdfcFastCanonizer, rdfcReferenceCanonizer]) {
  describe(`W3C vc-di-eddsa employment vector (${canonizer.name})`, () => {
    it('refuses the employment vector because its citizenship context is not bundled, naming the URL', async () => {
      const signed = readSharedJson<JsonObject>(`${VECTORS}/eddsa-rdfc-2022/employ/signedDataInt.json`);
      const result = await verifyDataIntegrityProof({
        document: signed,
        proof: signed.proof,
        fetcher: refuseAllFetcher,
        documentLoader,
        canonizer,
      });
      expect(result.verified).toBe(false);
      expect(result.verified ? undefined : result.error.code).toBe('UNKNOWN_CONTEXT');
      expect(result.verified ? '' : result.error.message).toContain('https://w3id.org/citizenship/v4rc1');
    });
  });
}
