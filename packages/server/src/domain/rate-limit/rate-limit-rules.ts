/**
 * The limits the platform enforces, each on one kind of key. `-address` limits count per email address,
 * `-client` limits per client network address, `-key` limits per API key (or the administrator token).
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
});
