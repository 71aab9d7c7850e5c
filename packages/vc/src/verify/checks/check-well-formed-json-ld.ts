import { bundledDocumentLoader } from '../../contexts/index.js';
import { ErrorCode } from '../../error/index.js';
import { checkJsonLd } from '../check-json-ld.js';
import type { CredentialStep } from '../verification-context.js';

// A check that already says the document is not well-formed JSON-LD; no need to say it twice.
const JSON_LD_CODES = new Set<string>([ErrorCode.UNKNOWN_CONTEXT, ErrorCode.UNDEFINED_TERM]);

/**
 * The credential is well-formed JSON-LD in safe mode (see checkJsonLd). After an RDF-canonicalized proof
 * verified, only the proof set is left to expand: the proof already expanded the rest.
 */
export const checkWellFormedJsonLd: CredentialStep = async ({
  checks,
  credential,
  options,
  rdfProofVerified,
}) => {
  if (checks.some((check) => check.code !== undefined && JSON_LD_CODES.has(check.code))) return {};
  return {
    checks: [
      await checkJsonLd({
        document: credential,
        documentLoader: options.documentLoader ?? bundledDocumentLoader,
        scope: rdfProofVerified === true ? 'proof-set' : 'document',
      }),
    ],
  };
};
