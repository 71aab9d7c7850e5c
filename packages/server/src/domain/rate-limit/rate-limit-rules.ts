/**
 * The limits the platform enforces, each on one kind of key. `-address` limits count per email address,
 * `-client` limits per client network address, `-key` limits per API key (or the administrator token),
 * `-secret` limits per wallet secret presented (a pre-authorized code, an access token, an exchange id: each
 * belongs to one offer or exchange), `-oauth-client` limits per OAuth client id presented.
 */
export const RATE_LIMIT_NAMES = [
  'signin-address',
  'signin-client',
  'claim-client',
  'confirm-address',
  'confirm-client',
  'verify-client',
  'import-client',
  'photo-client',
  'api-key',
  'bulk-upload-key',
  'verify-items-key',
  'verify-job-items-key',
  'wallet-client',
  'wallet-secret',
  'ob-register-client',
  'ob-token-client',
  'ob-token-oauth-client',
] as const;

export type RateLimitName = (typeof RATE_LIMIT_NAMES)[number];

/** At most `limit` requests in any `windowMs` (approximately: see `decideRateLimit`). */
export interface RateLimitRule {
  readonly limit: number;
  readonly windowMs: number;
}

export type RateLimitRules = Readonly<Record<RateLimitName, RateLimitRule>>;

const MINUTE = 60_000;

/**
 * Generous enough for people and for scripts that behave; tight where a request costs someone else
 * something (a mail in their inbox) or costs us CPU (verification canonicalizes RDF).
 */
export const DEFAULT_RATE_LIMITS: RateLimitRules = Object.freeze({
  // Each sign-in or confirmation request sends a mail: at most 5 to one inbox per quarter hour.
  'signin-address': { limit: 5, windowMs: 15 * MINUTE },
  'signin-client': { limit: 30, windowMs: 15 * MINUTE },
  'claim-client': { limit: 60, windowMs: 15 * MINUTE },
  'confirm-address': { limit: 5, windowMs: 15 * MINUTE },
  'confirm-client': { limit: 30, windowMs: 15 * MINUTE },
  'verify-client': { limit: 60, windowMs: MINUTE },
  'import-client': { limit: 30, windowMs: 15 * MINUTE },
  // Each upload decodes a photo of up to 16 million pixels.
  'photo-client': { limit: 20, windowMs: 15 * MINUTE },
  'api-key': { limit: 3000, windowMs: MINUTE },
  'bulk-upload-key': { limit: 120, windowMs: 60 * MINUTE },
  // Batch verification counts credentials, not requests: ten full batches a minute, two full jobs an hour.
  'verify-items-key': { limit: 10_000, windowMs: MINUTE },
  'verify-job-items-key': { limit: 200_000, windowMs: 60 * MINUTE },
  // A wallet takes an offer in about five requests (offer, token, nonce, credential); a classroom behind one
  // address takes dozens at once. Codes, tokens and exchange ids are 256-bit: guessing them is hopeless
  // anyway, this bounds the work (proofs checked, presentations canonicalized) anyone can make us do.
  'wallet-client': { limit: 300, windowMs: 15 * MINUTE },
  // One offer's code or token, one exchange, retried: a wallet needs two or three tries, a script guessing a
  // transaction code gets ten (and the offer dies after three wrong codes regardless).
  'wallet-secret': { limit: 10, windowMs: 15 * MINUTE },
  // OB 3.0: a platform registers itself once; token and revocation requests are a client's few a session.
  'ob-register-client': { limit: 20, windowMs: 60 * MINUTE },
  'ob-token-client': { limit: 120, windowMs: 15 * MINUTE },
  // Per client id, from any address: bounds guessing one client's secret or refresh tokens from many.
  'ob-token-oauth-client': { limit: 120, windowMs: 15 * MINUTE },
});
