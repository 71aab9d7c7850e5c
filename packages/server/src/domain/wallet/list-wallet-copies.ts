import type { Actor } from '../auth/actor.js';
import { getCredential } from '../credential/manage-credentials.js';
import type { PlatformContext } from '../platform-context.js';
import type { WalletCopy } from '../ports/index.js';

/**
 * The holder-bound copies made of one of an issuer's credentials (viewer role), oldest first: when, and for
 * which wallet DID. The console shows them under the credential, which stays the one award it counts.
 */
export async function listWalletCopies(
  context: PlatformContext,
  actor: Actor,
  credentialId: string,
): Promise<WalletCopy[]> {
  const record = await getCredential(context, actor, credentialId);
  return context.storage.wallet.listCopies({ originalId: record.id });
}
