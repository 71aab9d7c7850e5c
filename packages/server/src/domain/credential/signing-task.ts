import {
  addDataIntegrityProof,
  ErrorCode,
  isMicrocredError,
  MicrocredError,
  SIGNING_CRYPTOSUITES,
  type SigningCryptosuite,
  signCredentialJwt,
  toXsdDateTime,
} from '@microcred/vc';
import { CREDENTIAL_FORMATS, type CredentialFormat, type JsonObject } from '../ports/index.js';
import type { SeedSigningKey, SignedCredential, SignRequest } from './credential-signer.js';
import type { SigningKeyCache } from './signing-key-cache.js';

/**
 * A SignRequest as plain, structured-cloneable data: what crosses to a signing worker thread, and what the
 * in-process signer signs too, so that both produce the same bytes. The document travels as JSON text:
 * what gets signed is exactly what `JSON.stringify` keeps, and an unserializable document fails alone,
 * before it costs a round trip. Only the key's three fields cross, never the caller's key record.
 */
export interface SigningTask {
  readonly document: string;
  readonly key: SeedSigningKey;
  readonly format: CredentialFormat;
  readonly cryptosuite: SigningCryptosuite;
  readonly created: string;
}

/** The signed credential (`di`), the compact JWS (`jwt`), or why it failed (a MicrocredError's fields). */
export type SigningOutcome =
  | { readonly document: JsonObject }
  | { readonly jwt: string }
  | { readonly error: { readonly code: ErrorCode; readonly message: string } };

/** Checks a request and serializes it; throws the MicrocredError the signer rejects it with. */
export function toSigningTask(request: SignRequest): SigningTask {
  const fail = (code: ErrorCode, message: string) => new MicrocredError(code, message);
  if (!CREDENTIAL_FORMATS.includes(request.format)) {
    throw fail(ErrorCode.MALFORMED_VALUE_ERROR, `format must be one of ${CREDENTIAL_FORMATS.join(', ')}`);
  }
  const cryptosuite = request.cryptosuite ?? 'eddsa-rdfc-2022';
  if (!SIGNING_CRYPTOSUITES.includes(cryptosuite)) {
    throw fail(
      ErrorCode.UNSUPPORTED_CRYPTOSUITE,
      `cryptosuite must be one of ${SIGNING_CRYPTOSUITES.join(', ')}`,
    );
  }
  const { secretKey, id, controller } = request.signingKey;
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== 32) {
    throw fail(ErrorCode.INVALID_KEY, 'the key must be a 32-byte Ed25519 seed');
  }
  // A proof whose verification method is not its controller's could never verify as the issuer's.
  if (typeof controller !== 'string' || typeof id !== 'string' || !id.startsWith(`${controller}#`)) {
    throw fail(ErrorCode.INVALID_KEY, 'the key needs a verification method id under its controller');
  }
  const { document } = request;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw fail(ErrorCode.MALFORMED_VALUE_ERROR, 'the document must be a JSON object');
  }
  let json: string;
  try {
    json = JSON.stringify(document);
  } catch (error) {
    throw fail(ErrorCode.MALFORMED_VALUE_ERROR, `the document is not JSON: ${messageOf(error)}`);
  }
  return {
    document: json,
    key: { secretKey, id, controller },
    format: request.format,
    cryptosuite,
    created: toXsdDateTime(request.created),
  };
}

/** Signs one task in this thread with a key from `keys`. Never throws: a failure is the outcome's `error`. */
export async function runSigningTask(task: SigningTask, keys: SigningKeyCache): Promise<SigningOutcome> {
  try {
    const key = keys.keyFor(task.key);
    const document = JSON.parse(task.document) as JsonObject;
    if (task.format === 'jwt')
      return { jwt: await signCredentialJwt({ alg: 'EdDSA', key, credential: document }) };
    const { cryptosuite, created } = task;
    return { document: await addDataIntegrityProof({ document, key, cryptosuite, created }) };
  } catch (error) {
    if (isMicrocredError(error)) return { error: { code: error.code, message: error.message } };
    // jsonld and node:crypto throw plain errors for documents they cannot process.
    return { error: { code: ErrorCode.PROOF_GENERATION_ERROR, message: messageOf(error) } };
  }
}

/** The outcome as the port returns it; throws the outcome's error as a MicrocredError. */
export function fromSigningOutcome(request: SignRequest, outcome: SigningOutcome): SignedCredential {
  if ('error' in outcome) throw new MicrocredError(outcome.error.code, outcome.error.message);
  if ('jwt' in outcome) return { document: request.document, jwt: outcome.jwt };
  return { document: outcome.document, jwt: null };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
