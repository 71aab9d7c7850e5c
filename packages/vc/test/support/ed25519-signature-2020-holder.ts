import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import * as referenceVc from '@digitalbazaar/vc';
import { referenceDocumentLoader } from './reference-stack.js';

/** A wallet's did:key that authenticates the way the Learner Credential Wallet does today. */
export interface Ed25519Signature2020Holder {
  readonly did: string;
  readonly verificationMethod: string;
  /**
   * A VC 1.1 VerifiablePresentation whose Ed25519Signature2020 proof (proof purpose `authentication`, or
   * `proofPurpose` when given) signs `challenge`: signed by Digital Bazaar's own suite, not by our code.
   */
  authenticate(options: {
    readonly challenge: string;
    readonly holder?: string;
    readonly proofPurpose?: 'authentication' | 'assertionMethod';
  }): Promise<Record<string, unknown>>;
}

/**
 * A holder key on @digitalbazaar/ed25519-signature-2020 and ed25519-verification-key-2020, offline: the
 * contexts come from our bundled files through the reference stack's document loader (which adds the
 * Ed25519Signature2020 context the suite puts on the presentation), did:key is resolved locally.
 */
export async function createEd25519Signature2020Holder(
  seed: Uint8Array,
): Promise<Ed25519Signature2020Holder> {
  const generated = await Ed25519VerificationKey2020.generate({ seed });
  const did = `did:key:${generated.publicKeyMultibase}`;
  const verificationMethod = `${did}#${generated.publicKeyMultibase}`;
  generated.id = verificationMethod;
  generated.controller = did;
  return {
    did,
    verificationMethod,
    async authenticate(options) {
      const suite = new Ed25519Signature2020({ key: generated });
      const presentation = referenceVc.createPresentation({ holder: options.holder ?? did, version: 1.0 });
      const purpose = options.proofPurpose ?? 'authentication';
      return referenceVc.signPresentation({
        presentation,
        suite,
        // jsonld-signatures asks a purpose only to fill in the proof: this one is authentication's, with
        // the purpose named as asked (the library's own signs authentication only).
        purpose: {
          update: async (proof: Record<string, unknown>) =>
            Object.assign(proof, { proofPurpose: purpose, challenge: options.challenge }),
        },
        documentLoader: referenceDocumentLoader,
      });
    },
  };
}
