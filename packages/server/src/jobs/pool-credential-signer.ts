import { ErrorCode, MicrocredError } from '@microcred/vc';
import type {
  CredentialSigner,
  SignedCredential,
  SignRequest,
} from '../domain/credential/credential-signer.js';
import type { SignResult } from './sign-request.js';
import type { SigningPool } from './signing-pool.js';

function toPoolRequest(request: SignRequest) {
  const { key, secretKey } = request.signingKey;
  return {
    document: request.document,
    key: { secretKey, id: key.id, controller: key.controller },
    format: request.format,
    created: request.created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

function fromPoolResult(request: SignRequest, result: SignResult | undefined): SignedCredential | Error {
  if (result === undefined)
    return new MicrocredError(ErrorCode.INTERNAL, 'the signing pool returned no result');
  if ('error' in result) return new MicrocredError(ErrorCode.PROOF_GENERATION_ERROR, result.error.message);
  if ('jwt' in result) return { document: request.document, jwt: result.jwt };
  return { document: result.document, jwt: null };
}

/**
 * The domain's signer port over the worker-thread pool: signing (canonicalization) runs on every core and
 * off the event loop, so HTTP requests stay responsive while a bulk job signs thousands.
 */
export function poolCredentialSigner(pool: SigningPool): CredentialSigner {
  return {
    async sign(request) {
      const result = fromPoolResult(request, await pool.sign(toPoolRequest(request)));
      if (result instanceof Error) throw result;
      return result;
    },
    async signMany(requests) {
      const results = await pool.signMany(requests.map(toPoolRequest));
      return requests.map((request, index) => fromPoolResult(request, results[index]));
    },
  };
}
