import { addDataIntegrityProof, signCredentialJwt } from '@microcred/vc';
import type { IssuerSigningKey } from '../issuer/issuer-keys.js';
import type { CredentialFormat, JsonObject } from '../ports/index.js';

export interface SignRequest {
  readonly document: JsonObject;
  readonly signingKey: IssuerSigningKey;
  readonly format: CredentialFormat;
  /** The proof's `created`, whole seconds. */
  readonly created: Date;
}

export type SignedCredential = { readonly document: JsonObject; readonly jwt: string | null };

/**
 * Signs credentials. In-process by default; bulk issuance swaps in a worker-thread pool behind the same
 * port, because signing (canonicalization) is CPU-bound and one core is not enough for thousands.
 */
export interface CredentialSigner {
  sign(request: SignRequest): Promise<SignedCredential>;
  /** Signs a batch; a failed item is an Error in its place, so one bad row never sinks the others. */
  signMany(requests: readonly SignRequest[]): Promise<(SignedCredential | Error)[]>;
}

async function signInProcess({
  document,
  signingKey,
  format,
  created,
}: SignRequest): Promise<SignedCredential> {
  if (format === 'jwt') {
    const jwt = await signCredentialJwt({ alg: 'EdDSA', key: signingKey.key, credential: document });
    return { document, jwt };
  }
  return { document: await addDataIntegrityProof({ document, key: signingKey.key, created }), jwt: null };
}

export const inProcessSigner: CredentialSigner = {
  sign: signInProcess,
  async signMany(requests) {
    const results: (SignedCredential | Error)[] = [];
    for (const request of requests) {
      results.push(
        await signInProcess(request).catch((error: unknown) =>
          error instanceof Error ? error : new Error(String(error)),
        ),
      );
    }
    return results;
  },
};
