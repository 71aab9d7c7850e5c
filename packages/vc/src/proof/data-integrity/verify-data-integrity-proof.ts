import { type Canonizer, rdfcFastCanonizer } from '../../canon/index.js';
import { bundledDocumentLoader, type DocumentLoader } from '../../contexts/index.js';
import {
  ED25519_KEY_LENGTH,
  type ResolvedVerificationMethod,
  resolveVerificationMethod,
  verifyEd25519,
} from '../../did/index.js';
import { decodeBase58btc } from '../../encoding/index.js';
import { ErrorCode, MicrocredError } from '../../error/index.js';
import { isRecord, type JsonObject } from '../../json/index.js';
import type { ResourceFetcher } from '../../resource/index.js';
import { unsecuredDocumentFor } from './add-data-integrity-proof.js';
import { selectCryptosuite } from './cryptosuite.js';
import { isDateTimeStamp, isXsdDateTime } from './xsd-date-time.js';

export interface VerifyDataIntegrityProofOptions {
  /** The secured document (its `proof` is ignored except for proof chains). */
  readonly document: JsonObject;
  /** The one proof to check. */
  readonly proof: unknown;
  readonly fetcher: ResourceFetcher;
  readonly expectedProofPurpose?: string;
  readonly now?: Date;
  /**
   * RDFC-1.0 canonicalization for the RDF suites; defaults to `rdfcFastCanonizer`, which produces the
   * reference's N-Quads and hands it whatever it does not implement. `rdfcReferenceCanonizer` is the
   * reference path itself.
   */
  readonly canonizer?: Canonizer;
  readonly documentLoader?: DocumentLoader;
  /**
   * Resolves the verification method; defaults to did:key / did:web / https through `fetcher`. The
   * verifier swaps this for peers' conventions (e.g. 1EdTech's key-in-the-fragment URLs).
   */
  readonly resolveKey?: (verificationMethod: string) => Promise<ResolvedVerificationMethod>;
  /**
   * A time by which the document provably existed, from a transparency log checkpoint that a witness the
   * verifier trusts cosigned: a key revoked after it still verifies the proof (ADVERSARIAL V19). Never the
   * proof's `created`, which the key holder writes.
   */
  readonly loggedBy?: Date;
}

export type ProofVerification =
  | {
      readonly verified: true;
      readonly cryptosuite: string;
      readonly verificationMethod: ResolvedVerificationMethod;
      /** Set when the key was revoked no later than `created` but the log proves the document older. */
      readonly revokedAfterLogging?: { readonly revoked: string; readonly loggedBy: Date };
    }
  | {
      readonly verified: false;
      readonly cryptosuite?: string;
      readonly verificationMethod?: ResolvedVerificationMethod;
      readonly error: MicrocredError;
    };

function fail(code: MicrocredError['code'], message: string): never {
  throw new MicrocredError(code, message);
}

function startsWith(documentContext: unknown, proofContext: unknown): boolean {
  const doc = Array.isArray(documentContext) ? documentContext : [documentContext];
  const prefix = Array.isArray(proofContext) ? proofContext : [proofContext];
  return prefix.every((value, index) => JSON.stringify(value) === JSON.stringify(doc[index]));
}

/**
 * Verifies one Data Integrity proof (eddsa-rdfc-2022 §3.2.2, eddsa-jcs-2022 §3.3.2, and the legacy
 * eddsa-2022 / Ed25519Signature2020). Never throws for a bad proof: the reason is in `error`.
 */
export async function verifyDataIntegrityProof(
  options: VerifyDataIntegrityProofOptions,
): Promise<ProofVerification> {
  let cryptosuite: string | undefined;
  let verificationMethod: ResolvedVerificationMethod | undefined;
  try {
    const proof = options.proof;
    if (!isRecord(proof)) fail(ErrorCode.MALFORMED_VALUE_ERROR, 'a proof must be a JSON object');
    const suite = selectCryptosuite(proof);
    cryptosuite = suite.name;
    const purpose = options.expectedProofPurpose ?? 'assertionMethod';
    if (proof.proofPurpose !== purpose) {
      fail(ErrorCode.PROOF_VERIFICATION_ERROR, `proofPurpose must be "${purpose}"`);
    }
    if (typeof proof.proofValue !== 'string')
      fail(ErrorCode.MALFORMED_VALUE_ERROR, 'the proof has no proofValue');
    const signature = decodeBase58btc(proof.proofValue);
    if (signature.length !== 64) {
      fail(
        ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR,
        `proofValue must hold a 64-byte signature, not ${signature.length}`,
      );
    }
    // Data Integrity §2.1: `created` and `expires` are dateTimeStamps (timezone required), so that every
    // verifier reads the same instant (ADVERSARIAL V8); the legacy Ed25519Signature2020 said dateTime.
    const wellFormed = suite.proofType === 'DataIntegrityProof' ? isDateTimeStamp : isXsdDateTime;
    if (proof.created !== undefined && !wellFormed(proof.created)) {
      fail(ErrorCode.MALFORMED_VALUE_ERROR, 'proof.created is not an XML Schema dateTimeStamp');
    }
    const now = options.now ?? new Date();
    if (proof.expires !== undefined) {
      if (!wellFormed(proof.expires))
        fail(ErrorCode.MALFORMED_VALUE_ERROR, 'proof.expires is not an XML Schema dateTimeStamp');
      if (Date.parse(proof.expires) <= now.getTime()) fail(ErrorCode.RANGE_ERROR, 'the proof has expired');
    }
    if (typeof proof.verificationMethod !== 'string') {
      fail(ErrorCode.MALFORMED_VALUE_ERROR, 'the proof has no verificationMethod');
    }

    const unsecured = unsecuredDocumentFor(options.document, proof.previousProof);
    if (suite.name === 'eddsa-jcs-2022' && proof['@context'] !== undefined) {
      // §3.3.2 step 4: the proof's context must be a prefix of the document's, in order.
      if (!startsWith(options.document['@context'], proof['@context'])) {
        fail(ErrorCode.PROOF_VERIFICATION_ERROR, "the proof's @context does not match the document's");
      }
      unsecured['@context'] = proof['@context'];
    }

    const resolveKey =
      options.resolveKey ??
      ((vm: string) =>
        resolveVerificationMethod(vm, { fetcher: options.fetcher, purpose: 'assertionMethod' }));
    verificationMethod = await resolveKey(proof.verificationMethod);
    if (verificationMethod.publicKey.length !== ED25519_KEY_LENGTH) {
      fail(ErrorCode.INVALID_KEY, 'the verification method is not an Ed25519 key');
    }
    let revokedAfterLogging: { revoked: string; loggedBy: Date } | undefined;
    if (verificationMethod.revoked !== undefined) {
      const created = typeof proof.created === 'string' ? Date.parse(proof.created) : now.getTime();
      const revoked = Date.parse(verificationMethod.revoked);
      if (revoked <= created) {
        const loggedBy = options.loggedBy;
        if (loggedBy === undefined || !(loggedBy.getTime() < revoked)) {
          fail(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, 'the key was revoked before this proof was created');
        }
        revokedAfterLogging = { revoked: verificationMethod.revoked, loggedBy };
      }
    }

    const { verifyData } = await suite.createVerifyData(unsecured, proof, {
      canonizer: options.canonizer ?? rdfcFastCanonizer,
      documentLoader: options.documentLoader ?? bundledDocumentLoader,
    });
    if (!verifyEd25519(verificationMethod.publicKey, verifyData, signature)) {
      fail(ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, 'the signature does not match the document');
    }
    return {
      verified: true,
      cryptosuite: suite.name,
      verificationMethod,
      ...(revokedAfterLogging === undefined ? {} : { revokedAfterLogging }),
    };
  } catch (cause) {
    const error =
      cause instanceof MicrocredError
        ? cause
        : new MicrocredError(
            ErrorCode.PROOF_VERIFICATION_ERROR,
            `proof verification failed: ${String(cause)}`,
            {
              cause,
            },
          );
    return {
      verified: false,
      ...(cryptosuite === undefined ? {} : { cryptosuite }),
      ...(verificationMethod === undefined ? {} : { verificationMethod }),
      error,
    };
  }
}
