import { resolveVerificationMethod } from '../did/resolve-verification-method.js';
import { isRecord, type JsonObject } from '../json/index.js';
import { verifyDataIntegrityProof } from '../proof/data-integrity/verify-data-integrity-proof.js';
import { refuseAllFetcher } from '../resource/resource-fetcher.js';

/** A DID-authentication presentation that checks out: the holder it authenticates. */
export type DidAuthResult =
  | { readonly ok: true; readonly holderDid: string }
  | { readonly ok: false; readonly description: string };

/**
 * Checks a wallet's DID authentication (VC-API exchanges, the Learner Credential Wallet): a
 * VerifiablePresentation whose one proof, by an `authentication` key of a did:key, signs `challenge`
 * (Ed25519Signature2020 or eddsa-rdfc-2022), with `holder` (when present) being that DID. Only did:key:
 * nothing is fetched. Never throws for a bad presentation.
 */
export async function checkDidAuthPresentation(options: {
  readonly presentation: unknown;
  readonly challenge: string;
  readonly now: Date;
}): Promise<DidAuthResult> {
  const { presentation } = options;
  if (!isRecord(presentation)) return { ok: false, description: 'the presentation must be a JSON object' };
  const types = [presentation.type].flat();
  if (!types.includes('VerifiablePresentation')) {
    return { ok: false, description: 'the presentation must be a VerifiablePresentation' };
  }
  const proofs = [presentation.proof].flat().filter((proof) => proof !== undefined);
  if (proofs.length !== 1 || !isRecord(proofs[0])) {
    return { ok: false, description: 'the presentation must carry exactly one proof' };
  }
  const proof = proofs[0];
  // Compared before any signature work: a replayed or foreign presentation costs nothing.
  if (proof.challenge !== options.challenge) {
    return { ok: false, description: 'the presentation does not sign this exchange’s challenge' };
  }
  const method = typeof proof.verificationMethod === 'string' ? proof.verificationMethod : '';
  if (!method.startsWith('did:key:')) return { ok: false, description: 'only did:key holders are supported' };
  const holderDid = method.split('#')[0] ?? '';
  if (presentation.holder !== undefined) {
    const holder = isRecord(presentation.holder) ? presentation.holder.id : presentation.holder;
    if (holder !== holderDid)
      return { ok: false, description: 'the presentation’s holder is not the DID that signed it' };
  }
  const verified = await verifyDataIntegrityProof({
    document: presentation as JsonObject,
    proof,
    fetcher: refuseAllFetcher,
    expectedProofPurpose: 'authentication',
    now: options.now,
    resolveKey: (verificationMethod) =>
      resolveVerificationMethod(verificationMethod, { fetcher: refuseAllFetcher, purpose: 'authentication' }),
  });
  if (!verified.verified) return { ok: false, description: verified.error.message };
  return { ok: true, holderDid };
}
