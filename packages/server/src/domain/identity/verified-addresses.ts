import type { PlatformContext } from '../platform-context.js';
import { normalizeEmail } from './normalize-email.js';

/**
 * The addresses an account has proven (by a sign-in or confirmation link), normalised: what makes its
 * holder an issuer's or an employer's member, an employee invited by mail, or the administrator.
 */
export async function verifiedAddressesOf(
  context: Pick<PlatformContext, 'storage'>,
  accountId: string,
): Promise<string[]> {
  return (await context.storage.earnerEmails.list({ earnerId: accountId }))
    .filter((address) => address.verifiedAt !== null)
    .map((address) => normalizeEmail(address.email));
}
