import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret for a link or a session cookie: 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps of a secret. A plain hash suffices: the secret is 256 random bits, so there is
 * nothing to guess, and a leaked table holds no usable link or session.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export const LINK_LIFETIMES_MS = {
  // Sign-in links are short-lived: they are the whole credential for the session they open.
  'sign-in': 30 * 60 * 1000,
  // Recipients may read the mail weeks later; the credential is theirs regardless, the link only attaches it.
  claim: 60 * 24 * 60 * 60 * 1000,
  'verify-email': 24 * 60 * 60 * 1000,
} as const;

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
