import { createHmac } from 'node:crypto';
import { normalizeEmail } from '../identity/normalize-email.js';

/**
 * A keyed hash of the recipient's email, so the platform can find a person's credentials by address without
 * storing the address. Keyed (HMAC with a server-side pepper) so a leaked table cannot be reversed with a
 * list of addresses, unlike the salted hash inside the credential, whose salt is public.
 */
export function recipientLookupHash(pepper: Uint8Array, email: string): string {
  return createHmac('sha256', pepper).update(normalizeEmail(email), 'utf8').digest('hex');
}
