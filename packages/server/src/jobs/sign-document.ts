import {
  addDataIntegrityProof,
  ErrorCode,
  isMicrocredError,
  type JsonObject,
  type SigningKey,
  signCredentialJwt,
} from '@microcred/vc';
import type { SignError, SignFormat, SignResult } from './sign-request.js';

/** Signs one credential with a ready key, in this thread. Never throws: a failure is the item's `error`. */
export async function signDocument(options: {
  readonly document: JsonObject;
  readonly key: SigningKey;
  readonly format: SignFormat;
  readonly created: string;
}): Promise<SignResult> {
  const { document, key, format, created } = options;
  try {
    if (format === 'jwt')
      return { jwt: await signCredentialJwt({ alg: 'EdDSA', key, credential: document }) };
    return { document: await addDataIntegrityProof({ document, key, created }) };
  } catch (error) {
    return { error: toSignError(error) };
  }
}

/** A thrown value as a per-item error; anything but a MicrocredError is taken as a failed proof. */
export function toSignError(error: unknown): SignError {
  if (isMicrocredError(error)) return { code: error.code, message: error.message };
  // jsonld and node:crypto throw plain errors for documents they cannot process.
  const message = error instanceof Error ? error.message : String(error);
  return { code: ErrorCode.PROOF_GENERATION_ERROR, message };
}
