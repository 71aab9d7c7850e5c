import type { JsonObject } from './common.js';

/**
 * A verification result someone chose to share by link. It keeps no credential content: the SHA-256 of
 * the credential that was checked, the outcome and its checks (words of the verifier, not of the
 * credential), and, when the credential is one this platform publishes, its id so the page can check it
 * again on every visit while its earner keeps it public.
 */
export interface SharedVerification {
  readonly id: string;
  /** Lower-case hex SHA-256 of the RFC 8785 (JCS) bytes of the checked credential. */
  readonly digest: string;
  readonly credentialId: string | null;
  readonly verified: boolean;
  /** The report without the credential: format, checks, signer, issuer trust, authorship. */
  readonly report: JsonObject;
  readonly checkedAt: Date;
}

export type NewSharedVerification = Omit<SharedVerification, 'id'>;

export interface SharedVerificationRepository {
  insert(input: NewSharedVerification): Promise<SharedVerification>;
  findById(options: { readonly id: string }): Promise<SharedVerification | null>;
}
