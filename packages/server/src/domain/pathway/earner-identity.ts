import { ErrorCode, MicrocredError } from '@microcred/vc';
import { recipientLookupHash } from '../credential/recipient-lookup-hash.js';
import type { PlatformContext } from '../platform-context.js';
import type { CredentialRecord } from '../ports/index.js';

/**
 * How pathways name an earner: the keyed lookup hash of their email (hex), or their DID. The same values
 * credentials store, so an earner's credentials are found without ever keeping the address.
 */
export type Earner = string;

/** The earner a credential was issued to; null when it names neither an email nor a DID. */
export function earnerOf(
  record: Pick<CredentialRecord, 'recipientLookupHash' | 'recipientDid'>,
): Earner | null {
  return record.recipientLookupHash ?? record.recipientDid;
}

/** The earner for an email address or a DID as a caller gives it. */
export function earnerFromRecipient(
  context: Pick<PlatformContext, 'recipientPepper'>,
  recipient: string,
): Earner {
  const value = recipient.trim();
  if (value.startsWith('did:')) return value;
  if (!/^[^\s@]+@[^\s@]+$/.test(value)) {
    throw new MicrocredError(ErrorCode.VALIDATION_ERROR, 'the recipient is an email address or a DID', {
      details: { errors: [{ path: 'recipient', in: 'query', message: 'an email address or a DID' }] },
    });
  }
  return recipientLookupHash(context.recipientPepper, value);
}

/** The credential-list filter that finds an earner's credentials. */
export function earnerFilter(earner: Earner): { recipientDid: string } | { recipientLookupHash: string } {
  return earner.startsWith('did:') ? { recipientDid: earner } : { recipientLookupHash: earner };
}
