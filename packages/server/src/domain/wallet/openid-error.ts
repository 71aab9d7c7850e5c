/**
 * The error codes of OAuth 2.0 (RFC 6749 §5.2, RFC 6750 §3.1) and OpenID4VCI 1.0 (§6.3, §7.3, §8.3.1.2)
 * that the wallet endpoints answer with. These protocols fix their own error body (`{"error": …}`), so
 * their endpoints answer in it rather than in problem+json.
 */
export const OPENID_ERRORS = {
  invalid_request: 400,
  invalid_grant: 400,
  unsupported_grant_type: 400,
  invalid_token: 401,
  invalid_credential_request: 400,
  unknown_credential_configuration: 400,
  invalid_proof: 400,
  invalid_nonce: 400,
  credential_request_denied: 400,
} as const;

export type OpenIdErrorCode = keyof typeof OPENID_ERRORS;

/** A refusal by a wallet protocol endpoint, in the protocol's own terms. */
export class OpenIdError extends Error {
  readonly error: OpenIdErrorCode;
  readonly status: (typeof OPENID_ERRORS)[OpenIdErrorCode];

  constructor(error: OpenIdErrorCode, description: string) {
    super(description);
    this.name = 'OpenIdError';
    this.error = error;
    this.status = OPENID_ERRORS[error];
  }
}
