import jsonld from 'jsonld';
import { jsonLdToRdf, toCanonizeError } from '../canon/index.js';
import type { DocumentLoader } from '../contexts/index.js';
import { isRecord, type JsonObject } from '../json/index.js';
import { CheckId, type VerificationCheck } from './verification-report.js';

export interface CheckJsonLdOptions {
  readonly document: JsonObject;
  readonly documentLoader: DocumentLoader;
  /**
   * `proof-set`: only the proofs, under the document's contexts (the rest was already expanded in
   * safe mode when an RDF-canonicalized proof verified); `document`: the whole credential (VC-JWT,
   * eddsa-jcs-2022, or when no RDF proof got that far).
   */
  readonly scope: 'document' | 'proof-set';
}

/**
 * Safe-mode expansion: the fast path's JSON-LD to RDF conversion first (it succeeds only when every term
 * is defined), and jsonld.js for anything it does not handle, which also gives the exact error.
 */
async function expandSafely(input: object, documentLoader: DocumentLoader): Promise<void> {
  try {
    await jsonLdToRdf({ document: input, documentLoader });
    return;
  } catch {
    // Not within the fast path's subset (or invalid): the reference decides.
  }
  await jsonld.expand(input, { documentLoader, safe: true, base: null });
}

function proofLabel(proof: unknown, index: number): string {
  const type = isRecord(proof) ? proof.type : undefined;
  return `proof[${index}] (type ${JSON.stringify(type)?.slice(0, 80) ?? 'undefined'})`;
}

/**
 * The credential must be well-formed JSON-LD in safe mode: every context known, every term and type
 * defined. A term no context defines has no meaning, so a verifier cannot say what was claimed
 * (VC 2.0 §4.3, ADVERSARIAL V10/V11). This covers every proof of a proof set, not just the one that
 * verified: 1EdTech's JsonLDValidationProbe rejects a proof of the undefined type `SomeProofType`
 * next to a valid one, and so do we.
 */
export async function checkJsonLd(options: CheckJsonLdOptions): Promise<VerificationCheck> {
  const { document, documentLoader, scope } = options;
  let where = 'the credential';
  try {
    if (scope === 'document') {
      await expandSafely(document, documentLoader);
    } else {
      const proofs = Array.isArray(document.proof) ? document.proof : [document.proof];
      // One proof at a time, so the report names the one at fault. VC 2.0 defines `proof` in the
      // type-scoped context of VerifiableCredential, hence `type` too.
      for (const [index, proof] of proofs.entries()) {
        where = proofLabel(proof, index);
        await expandSafely({ '@context': document['@context'], type: document.type, proof }, documentLoader);
      }
    }
  } catch (error) {
    const cause = toCanonizeError(error);
    return { id: CheckId.JSON_LD, ok: false, code: cause.code, message: `${where}: ${cause.message}` };
  }
  return {
    id: CheckId.JSON_LD,
    ok: true,
    message:
      scope === 'document'
        ? 'well-formed JSON-LD: every context known, every term defined'
        : 'every proof of the proof set is well-formed JSON-LD',
  };
}
