import { type Canonizer, rdfcFastCanonizer } from '../../canon/index.js';
import { bundledDocumentLoader, type DocumentLoader } from '../../contexts/index.js';
import type { SigningKey } from '../../did/index.js';
import { encodeBase58btc } from '../../encoding/index.js';
import { ErrorCode, MicrocredError } from '../../error/index.js';
import type { JsonObject } from '../../json/index.js';
import { getCryptosuite, type SigningCryptosuite } from './cryptosuite.js';
import { toXsdDateTime } from './xsd-date-time.js';

export interface AddDataIntegrityProofOptions {
  readonly document: JsonObject;
  readonly key: SigningKey;
  /** Defaults to eddsa-rdfc-2022, the only embedded proof OB 3.0 certification accepts. */
  readonly cryptosuite?: SigningCryptosuite;
  /** The proof's `created`; passed in so that signing is reproducible. */
  readonly created: Date | string;
  readonly proofPurpose?: string;
  /** Proof chains (Data Integrity §2.1.2): the ids of proofs this one endorses. */
  readonly previousProof?: string | readonly string[];
  readonly proofId?: string;
  /**
   * RDFC-1.0 canonicalization for the RDF suites; defaults to `rdfcFastCanonizer`, which produces the
   * reference's N-Quads and hands it whatever it does not implement. `rdfcReferenceCanonizer` is the
   * reference path itself.
   */
  readonly canonizer?: Canonizer;
  readonly documentLoader?: DocumentLoader;
}

export function proofsOf(document: JsonObject): JsonObject[] {
  const proof = document.proof;
  if (proof === undefined || proof === null) return [];
  return (Array.isArray(proof) ? proof : [proof]) as JsonObject[];
}

/** The document as a proof signs it: without `proof`, except the proofs a chained proof names. */
export function unsecuredDocumentFor(document: JsonObject, previousProof: unknown): JsonObject {
  const { proof: _proof, ...unsecured } = document;
  if (previousProof === undefined) return unsecured;
  const wanted = new Set(Array.isArray(previousProof) ? previousProof : [previousProof]);
  const previous = proofsOf(document).filter((candidate) => wanted.has(candidate.id));
  if (previous.length !== wanted.size) {
    throw new MicrocredError(
      ErrorCode.MALFORMED_VALUE_ERROR,
      'previousProof names a proof that is not present',
    );
  }
  return { ...unsecured, proof: previous.length === 1 ? previous[0] : previous };
}

/**
 * Signs `document` with a Data Integrity proof and returns a new document whose `proof` is an array
 * (OB 3.0 canonical form) holding any existing proofs followed by the new one (a proof set).
 */
export async function addDataIntegrityProof(options: AddDataIntegrityProofOptions): Promise<JsonObject> {
  const suite = getCryptosuite(options.cryptosuite ?? 'eddsa-rdfc-2022');
  if (!Array.isArray(options.document['@context']) && typeof options.document['@context'] !== 'string') {
    throw new MicrocredError(ErrorCode.PROOF_GENERATION_ERROR, 'the document has no @context');
  }
  const proofOptions: JsonObject = {
    ...(options.proofId === undefined ? {} : { id: options.proofId }),
    type: suite.proofType,
    cryptosuite: suite.name,
    created: toXsdDateTime(options.created),
    verificationMethod: options.key.id,
    proofPurpose: options.proofPurpose ?? 'assertionMethod',
    ...(options.previousProof === undefined ? {} : { previousProof: options.previousProof }),
  };
  const unsecured = unsecuredDocumentFor(options.document, options.previousProof);
  const { verifyData } = await suite.createVerifyData(unsecured, proofOptions, {
    canonizer: options.canonizer ?? rdfcFastCanonizer,
    documentLoader: options.documentLoader ?? bundledDocumentLoader,
  });
  const signature = await options.key.sign(verifyData);
  // eddsa-jcs-2022 §3.3.1 step 2: keeping @context in the emitted proof is "strongly advised".
  const context = suite.name === 'eddsa-jcs-2022' ? { '@context': options.document['@context'] } : {};
  const proof = { ...proofOptions, ...context, proofValue: encodeBase58btc(signature) };
  return { ...options.document, proof: [...proofsOf(options.document), proof] };
}
