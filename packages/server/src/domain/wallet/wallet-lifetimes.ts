/** How long each single-use wallet secret lasts. Short: each is the whole authority for what it unlocks. */
export const WALLET_LIFETIMES_MS = {
  /** A credential offer and its pre-authorized code: time to scan a QR code or open a link. */
  offer: 10 * 60 * 1000,
  /** The access token the code is exchanged for: one or two credential requests follow at once. */
  accessToken: 5 * 60 * 1000,
  /** A `c_nonce`: fetched right before the proof that signs it. */
  nonce: 5 * 60 * 1000,
  /** A VC-API exchange and its challenge. */
  exchange: 10 * 60 * 1000,
} as const;

/** Wrong transaction codes an offer survives: a 6-digit code must not be guessable by retrying. */
export const MAX_TX_CODE_FAILURES = 3;
