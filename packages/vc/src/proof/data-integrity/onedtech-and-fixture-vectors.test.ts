import { describe, expect, it } from 'vitest';
import { readSharedJson, readSharedText } from '../../../test/support/shared-data.js';
import { fastPathOnlyCanonizer } from '../../canon/fast-path-only.test-support.js';
import { rdfcReferenceCanonizer } from '../../canon/index.js';
import { bundledDocumentLoader } from '../../contexts/index.js';
import { createEd25519SigningKey, decodeMultikeyPublic } from '../../did/index.js';
import type { JsonObject } from '../../json/index.js';
import { refuseAllFetcher } from '../../resource/index.js';
import { addDataIntegrityProof, proofsOf } from './add-data-integrity-proof.js';
import { getCryptosuite } from './cryptosuite.js';
import { verifyDataIntegrityProof } from './verify-data-integrity-proof.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

interface OneEdTechVector {
  unsignedCredential: JsonObject;
  signedCredential: JsonObject;
  proofOptions?: JsonObject;
  documentHashHex: string;
  proofHashHex: string;
  dataToSignHex: string;
  proofValue: string;
}

// Every vector runs through the reference canonizer and through the fast path alone (no fallback).
for (const canonizer of [fastPathOnlyCanonizer, rdfcReferenceCanonizer]) {
  const context = { canonizer, documentLoader: bundledDocumentLoader };

  describe(`1EdTech OB 3.0 and CLR 2.0 eddsa-rdfc-2022 test vectors (${canonizer.name})`, () => {
    const ob = readSharedJson<
      OneEdTechVector & {
        privateKeyHex: string;
        publicKeyMultibase: string;
        verificationMethod: string;
        controller: string;
      }
    >('data/ob3/test-vectors/obv3p0/vector.json');
    const key = {
      id: ob.verificationMethod,
      type: 'Multikey',
      controller: ob.controller,
      publicKey: decodeMultikeyPublic(ob.publicKeyMultibase),
      publicKeyMultibase: ob.publicKeyMultibase,
    };

    for (const [name, folder] of [
      ['OpenBadgeCredential', 'obv3p0'],
      ['ClrCredential', 'clrv2p0'],
    ] as const) {
      it(`reproduces the ${name} canonical forms, hashes and proofValue byte for byte`, async () => {
        const vector = readSharedJson<OneEdTechVector>(`data/ob3/test-vectors/${folder}/vector.json`);
        const proofOptions =
          vector.proofOptions ??
          (() => {
            const { proofValue: _value, ...rest } = proofsOf(vector.signedCredential)[0] ?? {};
            return rest;
          })();
        const data = await getCryptosuite('eddsa-rdfc-2022').createVerifyData(
          vector.unsignedCredential,
          proofOptions,
          context,
        );
        expect(data.canonicalDocument).toBe(
          readSharedText(`data/ob3/test-vectors/${folder}/document-canon.txt`),
        );
        expect(data.canonicalProofConfig).toBe(
          readSharedText(`data/ob3/test-vectors/${folder}/proof-canon.txt`),
        );
        expect(hex(data.documentHash)).toBe(vector.documentHashHex);
        expect(hex(data.proofHash)).toBe(vector.proofHashHex);
        expect(hex(data.verifyData)).toBe(vector.dataToSignHex);

        const signer = createEd25519SigningKey({
          secretKey: new Uint8Array(Buffer.from(ob.privateKeyHex, 'hex').subarray(0, 32)),
          id: ob.verificationMethod,
          controller: ob.controller,
        });
        const secured = await addDataIntegrityProof({
          document: vector.unsignedCredential,
          key: signer,
          created: proofOptions.created as string,
          canonizer,
        });
        expect(proofsOf(secured)[0]?.proofValue).toBe(vector.proofValue);

        const result = await verifyDataIntegrityProof({
          document: vector.signedCredential,
          proof: proofsOf(vector.signedCredential)[0],
          fetcher: refuseAllFetcher,
          resolveKey: async () => key,
          canonizer,
        });
        expect(result.verified).toBe(true);
      });
    }
  });

  interface FixtureManifest {
    fixtures: {
      file: string;
      expected: string;
      c14n?: { document: string; proofConfig: string; verifyData: string };
    }[];
  }

  describe(`reference fixtures: canonical N-Quads (${canonizer.name})`, () => {
    const manifest = readSharedJson<FixtureManifest>('fixtures/manifest.json');
    const withC14n = manifest.fixtures.filter((fixture) => fixture.c14n !== undefined);

    it('covers every fixture that publishes its canonical form', () => {
      expect(withC14n.length).toBeGreaterThanOrEqual(7);
    });

    for (const fixture of withC14n) {
      it(`${fixture.file}: our canonical document and proof config match byte for byte`, async () => {
        const document = readSharedJson<JsonObject>(`fixtures/${fixture.file}`);
        const { proof: _proof, ...unsecured } = document;
        const [proof] = proofsOf(document);
        const data = await getCryptosuite('eddsa-rdfc-2022').createVerifyData(
          unsecured,
          proof ?? {},
          context,
        );
        expect(data.canonicalDocument).toBe(readSharedText(`fixtures/${fixture.c14n?.document}`));
        expect(data.canonicalProofConfig).toBe(readSharedText(`fixtures/${fixture.c14n?.proofConfig}`));
        expect(hex(data.verifyData)).toBe(fixture.c14n?.verifyData);
      });
    }
  });
}
