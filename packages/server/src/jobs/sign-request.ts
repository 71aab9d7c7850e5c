import type { ErrorCode, JsonObject } from '@microcred/vc';

/** The formats a credential is signed in: an embedded Data Integrity proof, or an enveloping VC-JWT. */
export const SIGN_FORMATS = ['di', 'jwt'] as const;
export type SignFormat = (typeof SIGN_FORMATS)[number];

/** An Ed25519 key as the key store hands it out: the raw seed and the verification method it signs as. */
export interface SeedSigningKey {
  /** The 32-byte RFC 8032 seed. */
  readonly secretKey: Uint8Array;
  /** The verification method URL, e.g. `did:web:example.org:issuers:acme#key-1`. */
  readonly id: string;
  readonly controller: string;
}

/** One credential to sign. */
export interface SignRequest {
  /** The unsigned credential; it is signed as JSON (what `JSON.stringify` keeps of it). */
  readonly document: JsonObject;
  readonly key: SeedSigningKey;
  readonly format: SignFormat;
  /** The Data Integrity proof's `created`; a VC-JWT takes its `nbf` from the credential's `validFrom`. */
  readonly created: string;
}

/** Why one credential could not be signed; `code` is one of the stable codes of `@microcred/vc`. */
export interface SignError {
  readonly code: ErrorCode;
  readonly message: string;
}

/** The signed credential (`di`), the compact JWS (`jwt`), or why that one item failed. */
export type SignResult =
  | { readonly document: JsonObject }
  | { readonly jwt: string }
  | { readonly error: SignError };
