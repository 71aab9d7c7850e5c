import type { ErrorCode } from '../error/index.js';
import { JWT_CHECK_IDS } from '../proof/jwt/jwt-check.js';

/** The named steps of the verification pipeline, in the order they run (OB 3.0 §Verification). */
export const CheckId = {
  PARSE: 'parse',
  JWT: 'jwt',
  CONTEXT: 'context',
  TYPE: 'type',
  OPEN_BADGE: 'open-badge',
  SCHEMA: 'schema',
  SUBJECT: 'subject',
  PROOF: 'proof',
  JSON_LD: 'json-ld',
  ISSUER: 'issuer',
  VALID_FROM: 'valid-from',
  VALID_UNTIL: 'valid-until',
  STATUS: 'status',
  ENDORSEMENTS: 'endorsements',
  NESTED_CREDENTIALS: 'nested-credentials',
  /** Whether the issuer is known: vetted by a registry the verifier trusts, domain-linked, or unknown. */
  ISSUER_TRUST: 'issuer-trust',
  /** Whether the credential was issued to a given person (asked for only when an email is given). */
  RECIPIENT: 'recipient',
  /** A status list that names another issuer but is signed with the credential's own key (a warning). */
  STATUS_LIST_ISSUER: 'status-list-issuer',
  /** A status list shorter than the 131,072 entries the specification asks (a warning). */
  STATUS_LIST_LENGTH: 'status-list-length',
  /** Checks a caller appends to an OB 2.0 report (trust, recipient) that could not run. */
  APPENDED: 'appended',
  /** Whether a transparency log the verifier pins proves the credential was logged (asked for with its key and a proof). */
  TRANSPARENCY_LOG: 'transparency-log',
} as const;

export type CheckId = (typeof CheckId)[keyof typeof CheckId] | (string & {});

/** Every check id a report of this verifier can hold: a page that words checks must word each of these. */
export const VERIFIER_CHECK_IDS: readonly string[] = [...Object.values(CheckId), ...JWT_CHECK_IDS];

/** One named check. `ok: true, warning: true` passed with a caveat the viewer should see. */
export interface VerificationCheck {
  readonly id: CheckId;
  readonly ok: boolean;
  readonly code?: ErrorCode;
  readonly message: string;
  readonly warning?: boolean;
}

export type InputFormat = 'json' | 'jwt' | 'png' | 'svg';

/**
 * Who vouches for an issuer, as far as the verifier's trust sources say. `unknown` is not a failure of
 * `verified` (authorship can be proven for an issuer nobody vouches for), but it is never shown as vetted.
 */
export interface IssuerTrust {
  readonly level: 'vetted' | 'domain-linked' | 'unknown';
  /** The registry that lists the issuer (`vetted`). */
  readonly registry?: string;
  /** The issuer's name as that registry lists it (`vetted`). */
  readonly name?: string;
  /** The web origin the issuer's DID is linked to by a Domain Linkage Credential (`domain-linked`). */
  readonly domain?: string;
}

/** Looks up what the configured trust sources say of an issuer (its id, and the profile the credential carries). */
export type IssuerTrustResolver = (issuer: {
  readonly id: string;
  readonly profile?: Readonly<Record<string, unknown>>;
}) => Promise<IssuerTrust>;

/** What every surface (CLI, API, web page) shows: one report, never an exception. */
export interface VerificationReport {
  readonly verified: boolean;
  readonly format?: InputFormat;
  readonly checks: readonly VerificationCheck[];
  /** The credential that was checked (decoded from a JWT or unbaked from an image), when one was found. */
  readonly credential?: Record<string, unknown>;
  /** The key whose proof verified (Data Integrity proofs), with the controller that lists it. */
  readonly signer?: {
    readonly verificationMethod: string;
    readonly controller: string;
    readonly publicKeyMultibase: string;
  };
  /** Reports of embedded endorsements and CLR-nested credentials, in document order. */
  readonly nested?: readonly { readonly path: string; readonly report: VerificationReport }[];
  /**
   * `unproven` when the report relied on a concession of the `1edtech` compatibility mode (a VC-JWT key
   * that no document binds to the issuer; a key read from a verification method's fragment that no
   * controller document confirmed), here or in a nested report. The signature then proves integrity, not
   * who signed: no surface may present such a report as "Verified".
   */
  readonly authorship?: 'unproven';
  /** Why authorship is unproven (the first concession, with the nested path when it is not this one). */
  readonly authorshipReason?: string;
  /** What the trust sources say of the issuer (set when the verifier was given an `issuerTrust` resolver). */
  readonly issuerTrust?: IssuerTrust;
}

const VC_ERROR_TYPES: Partial<Record<ErrorCode, string>> = {
  PARSING_ERROR: 'https://www.w3.org/TR/vc-data-model#PARSING_ERROR',
  CRYPTOGRAPHIC_SECURITY_ERROR: 'https://www.w3.org/TR/vc-data-model#CRYPTOGRAPHIC_SECURITY_ERROR',
  MALFORMED_VALUE_ERROR: 'https://www.w3.org/TR/vc-data-model#MALFORMED_VALUE_ERROR',
  RANGE_ERROR: 'https://www.w3.org/TR/vc-data-model#RANGE_ERROR',
  STATUS_RETRIEVAL_ERROR: 'https://www.w3.org/ns/credentials/status-list#STATUS_RETRIEVAL_ERROR',
  STATUS_VERIFICATION_ERROR: 'https://www.w3.org/ns/credentials/status-list#STATUS_VERIFICATION_ERROR',
  STATUS_LIST_LENGTH_ERROR: 'https://www.w3.org/ns/credentials/status-list#STATUS_LIST_LENGTH_ERROR',
};

// Our finer codes fold into the four VC 2.0 §7.2 error types, so any VC consumer can act on them.
const VC_ERROR_FAMILY: Partial<Record<ErrorCode, ErrorCode>> = {
  UNKNOWN_CONTEXT: 'PARSING_ERROR',
  UNDEFINED_TERM: 'MALFORMED_VALUE_ERROR',
  SCHEMA_VALIDATION_ERROR: 'MALFORMED_VALUE_ERROR',
  VALIDATION_ERROR: 'MALFORMED_VALUE_ERROR',
  BAKE_ERROR: 'PARSING_ERROR',
  UNSUPPORTED_CRYPTOSUITE: 'CRYPTOGRAPHIC_SECURITY_ERROR',
  PROOF_VERIFICATION_ERROR: 'CRYPTOGRAPHIC_SECURITY_ERROR',
  INVALID_KEY: 'CRYPTOGRAPHIC_SECURITY_ERROR',
  DID_RESOLUTION_ERROR: 'CRYPTOGRAPHIC_SECURITY_ERROR',
  UNBOUND_KEY: 'CRYPTOGRAPHIC_SECURITY_ERROR',
  // Only the status check reports it: a list the verifier would not fetch is a list it could not retrieve.
  FETCH_REFUSED: 'STATUS_RETRIEVAL_ERROR',
};

/** The VC 2.0 (§7.2) or Bitstring Status List problem type URL for a failed check's code. */
export function problemTypeOf(code: ErrorCode): string {
  const direct = VC_ERROR_TYPES[code];
  if (direct !== undefined) return direct;
  const family = VC_ERROR_FAMILY[code];
  return (
    (family === undefined ? undefined : VC_ERROR_TYPES[family]) ?? VC_ERROR_TYPES.MALFORMED_VALUE_ERROR ?? ''
  );
}
