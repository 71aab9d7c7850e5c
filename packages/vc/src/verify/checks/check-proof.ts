import { ErrorCode } from '../../error/index.js';
import { proofsOf, verifyDataIntegrityProof } from '../../proof/data-integrity/index.js';
import { resolveIssuerKey } from '../resolve-issuer-key.js';
import type { CredentialStep } from '../verification-context.js';
import { CheckId } from '../verification-report.js';
import { failed, failedWith, passed } from './check-outcome.js';

// Suites whose verification expands the unsecured document in JSON-LD safe mode (canonicalization).
const RDF_SUITES = new Set(['eddsa-rdfc-2022', 'eddsa-2022', 'Ed25519Signature2020']);

/**
 * The Data Integrity proofs: one valid proof suffices (OB 3.0 §Verification step 2). A VC-JWT needs none
 * (the JWS is its proof); a JSON credential without one fails. What verified is handed on: the signer and
 * its controller for check-issuer and the status list, and whether the document was already expanded.
 */
export const checkProof: CredentialStep = async (context) => {
  const { credential, parsed, fetcher, now, compat, issuerId, options, components, loggedBy } = context;
  const proofs = proofsOf(credential);
  if (parsed.jwt !== undefined && proofs.length === 0) return {};
  if (proofs.length === 0) {
    return {
      checks: [failed(CheckId.PROOF, ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, 'the credential has no proof')],
    };
  }
  const resolver = components.resolveKey;
  const results = [];
  for (const proof of proofs) {
    const result = await verifyDataIntegrityProof({
      document: credential,
      proof,
      fetcher,
      now,
      ...(loggedBy === undefined ? {} : { loggedBy }),
      ...(options.canonizer === undefined ? {} : { canonizer: options.canonizer }),
      ...(options.documentLoader === undefined ? {} : { documentLoader: options.documentLoader }),
      resolveKey: (vm: string) =>
        resolver === undefined
          ? resolveIssuerKey({ verificationMethod: vm, fetcher, issuerId, compat })
          : resolver(vm, fetcher),
    });
    results.push(result);
    if (result.verified) break;
  }
  const good = results.find((result) => result.verified);
  if (good?.verified) {
    const { verificationMethod, revokedAfterLogging } = good;
    const logged =
      revokedAfterLogging === undefined
        ? ''
        : `; the key was revoked at ${revokedAfterLogging.revoked}, after a witnessed checkpoint of the ` +
          `transparency log proves the credential existed (${revokedAfterLogging.loggedBy.toISOString()})`;
    return {
      checks: [
        passed(CheckId.PROOF, `${good.cryptosuite} signature by ${verificationMethod.id} is valid${logged}`),
      ],
      learned: {
        controller: verificationMethod.controller,
        ...(verificationMethod.unconfirmed === undefined
          ? {}
          : { unconfirmedKey: verificationMethod.unconfirmed }),
        rdfProofVerified: RDF_SUITES.has(good.cryptosuite),
        signer: {
          verificationMethod: verificationMethod.id,
          controller: verificationMethod.controller,
          publicKeyMultibase: verificationMethod.publicKeyMultibase,
        },
      },
    };
  }
  const firstError = results.find((result) => !result.verified);
  return {
    checks: [
      firstError !== undefined && !firstError.verified
        ? failedWith(CheckId.PROOF, firstError.error)
        : failed(CheckId.PROOF, ErrorCode.CRYPTOGRAPHIC_SECURITY_ERROR, 'no proof verified'),
    ],
  };
};
