import { ErrorCode, MicrocredError, type SigningCryptosuite } from '@microcred/vc';
import type { CredentialFormat, JsonObject } from '../ports/index.js';
import { createSigningKeyCache } from './signing-key-cache.js';
import { fromSigningOutcome, runSigningTask, toSigningTask } from './signing-task.js';

/** An Ed25519 key as a signer takes it: the raw seed and the verification method it signs as. */
export interface SeedSigningKey {
  /** The 32-byte RFC 8032 seed; it only ever crosses to worker threads in memory. */
  readonly secretKey: Uint8Array;
  /** The verification method URL, a fragment of `controller`, e.g. `did:web:example.org:issuers:acme#key-1`. */
  readonly id: string;
  readonly controller: string;
}

/** One credential to sign. */
export interface SignRequest {
  /** The unsigned credential; it is signed as JSON (what `JSON.stringify` keeps of it). */
  readonly document: JsonObject;
  readonly signingKey: SeedSigningKey;
  readonly format: CredentialFormat;
  /** For `di` only; default eddsa-rdfc-2022, the one embedded proof OB 3.0 certification accepts. */
  readonly cryptosuite?: SigningCryptosuite;
  /** The Data Integrity proof's `created`, whole seconds; a VC-JWT takes `nbf` from `validFrom`. */
  readonly created: Date;
}

/** `jwt` is the compact JWS for the `jwt` format (then `document` is the credential it secures), else null. */
export type SignedCredential = { readonly document: JsonObject; readonly jwt: string | null };

/**
 * Signs credentials. In-process by default; the server swaps in a worker-thread pool behind the same
 * port, because signing (canonicalization) is CPU-bound and one core is not enough for thousands.
 * Both implementations run the same code (`signing-task.ts`), so they sign byte for byte alike and fail
 * with the same MicrocredError codes.
 */
export interface CredentialSigner {
  /** Rejects with a MicrocredError: INVALID_KEY, MALFORMED_VALUE_ERROR, UNDEFINED_TERM, INTERNAL... */
  sign(request: SignRequest): Promise<SignedCredential>;
  /** Signs a batch, in order; a failed item is a MicrocredError in its place, so one bad row never sinks the others. */
  signMany(requests: readonly SignRequest[]): Promise<(SignedCredential | Error)[]>;
}

/** A signer that holds resources: after `close`, every request is rejected with INTERNAL. */
export interface ClosableCredentialSigner extends CredentialSigner {
  close(): Promise<void>;
}

export const signerClosedError = () =>
  new MicrocredError(ErrorCode.INTERNAL, 'the signer was closed before this credential was signed');

/** Signs in this thread, one credential at a time. */
export function createInProcessSigner(): ClosableCredentialSigner {
  const keys = createSigningKeyCache();
  let closed = false;
  async function sign(request: SignRequest): Promise<SignedCredential> {
    if (closed) throw signerClosedError();
    return fromSigningOutcome(request, await runSigningTask(toSigningTask(request), keys));
  }
  return {
    sign,
    async signMany(requests) {
      const results: (SignedCredential | Error)[] = [];
      for (const request of requests) {
        results.push(await sign(request).catch((error: unknown) => asError(error)));
      }
      return results;
    },
    async close() {
      closed = true;
    },
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new MicrocredError(ErrorCode.INTERNAL, String(error));
}

/** The platform's default signer (tests, the CLI's one-off commands); never closed. */
export const inProcessSigner: CredentialSigner = createInProcessSigner();
