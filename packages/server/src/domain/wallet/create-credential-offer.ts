import { createHmac, randomInt, randomUUID } from 'node:crypto';
import { buildCredentialOffer, credentialOfferByReference } from '@microcred/vc';
import { z } from 'zod';
import { type Actor, authorize } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { credentialUrl } from '../credential/issue-credential.js';
import { ownCredential } from '../earner/claim-credential.js';
import { composeMail } from '../earner/earner-mails.js';
import { newSecret } from '../earner/email-links.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { CredentialRecord } from '../ports/index.js';
import { CredentialNotDeliverable } from './holder-bound-copy.js';
import { CREDENTIAL_CONFIGURATIONS, OPENID4VCI_PATHS } from './issuer-metadata.js';
import { WALLET_LIFETIMES_MS } from './wallet-lifetimes.js';

export const CreateOfferInputSchema = z.strictObject({
  /** Ask for a transaction code, mailed to the address the credential was issued to. */
  txCode: z.boolean().default(false),
});

/** Who asks for an offer: the issuer (an API key that may issue its credentials) or the signed-in earner. */
export type OfferRequester = { readonly actor: Actor } | { readonly earnerId: string };

export interface CreatedOffer {
  readonly id: string;
  readonly offerUri: string;
  readonly expiresAt: Date;
  /** Whether the wallet will ask for the code that was mailed. */
  readonly txCode: boolean;
}

const TX_CODE_LENGTH = 6;

/** What the database keeps of a transaction code: keyed, so that 10⁶ guesses offline reveal nothing. */
export function hashTxCode(
  context: Pick<PlatformContext, 'recipientPepper'>,
  offerId: string,
  code: string,
): string {
  return createHmac('sha256', context.recipientPepper)
    .update(`wallet-tx-code:${offerId}:${code}`)
    .digest('hex');
}

async function credentialFor(context: PlatformContext, requester: OfferRequester, credentialId: string) {
  if ('earnerId' in requester) return ownCredential(context, requester.earnerId, credentialId);
  const record = await context.storage.credentials.findById({ id: credentialId });
  if (record === null) throw resourceNotFound('credential');
  authorize(requester.actor, record.issuerId, 'issuer', { notFound: 'credential' });
  return record;
}

/** The verified address, on the owner's account, that the credential was issued to; null when none is. */
async function recipientAddress(context: PlatformContext, record: CredentialRecord) {
  const owner = await context.storage.portfolios.findOwner({ credentialId: record.id });
  if (owner === null || record.recipientLookupHash === null) return null;
  const emails = await context.storage.earnerEmails.list({ earnerId: owner });
  const email = emails.find(
    (item) => item.lookupHash === record.recipientLookupHash && item.verifiedAt !== null,
  );
  const earner = await context.storage.earners.findById({ id: owner });
  return email === undefined || earner === null ? null : { email: email.email, locale: earner.locale };
}

/**
 * An OpenID4VCI credential offer for one credential (pre-authorized code flow), passed by reference. The
 * code is single-use and lasts `WALLET_LIFETIMES_MS.offer`. With `txCode`, a 6-digit code is mailed to the
 * address the credential was issued to, so that whoever sees the QR code alone cannot take the credential.
 */
export async function createCredentialOffer(
  context: PlatformContext,
  requester: OfferRequester,
  credentialId: string,
  raw: z.input<typeof CreateOfferInputSchema>,
): Promise<CreatedOffer> {
  const input = CreateOfferInputSchema.parse(raw);
  const record = await credentialFor(context, requester, credentialId);
  if (record.revokedAt !== null) throw new CredentialNotDeliverable('revoked');
  if (record.suspendedAt !== null) throw new CredentialNotDeliverable('suspended');
  const address = input.txCode ? await recipientAddress(context, record) : null;
  if (input.txCode && address === null) {
    throw new ServerError(
      ServerErrorCode.CONFLICT,
      'a transaction code is mailed to the address the credential was issued to, and no account has verified it yet',
    );
  }
  const id = randomUUID();
  const now = context.now();
  const expiresAt = new Date(now.getTime() + WALLET_LIFETIMES_MS.offer);
  const code = String(randomInt(0, 10 ** TX_CODE_LENGTH)).padStart(TX_CODE_LENGTH, '0');
  await context.storage.transaction(async (repositories) => {
    await repositories.wallet.createOffer({
      id,
      credentialId: record.id,
      preAuthorizedCode: newSecret(),
      txCodeHash: address === null ? null : hashTxCode(context, id, code),
      createdAt: now,
      expiresAt,
    });
    if (address !== null) {
      const [achievement, issuer] = await Promise.all([
        repositories.achievements.findById({ id: record.achievementId }),
        repositories.issuers.findById({ id: record.issuerId }),
      ]);
      await repositories.mailOutbox.enqueue([
        composeMail({
          to: address.email,
          locale: address.locale,
          subject: 'mail.walletCode.subject',
          body: 'mail.walletCode.body',
          action: 'mail.walletCode.action',
          note: 'mail.walletCode.note',
          params: { achievement: achievement?.name ?? '', issuer: issuer?.name ?? '', code },
          link: credentialUrl(context.publicUrl, record.id),
          brandColor: issuer?.brandColor ?? null,
        }),
      ]);
    }
  });
  return { id, offerUri: offerUriOf(context, id), expiresAt, txCode: address !== null };
}

function offerUriOf(context: Pick<PlatformContext, 'publicUrl'>, offerId: string): string {
  return credentialOfferByReference(`${context.publicUrl}${OPENID4VCI_PATHS.offer}/${offerId}`);
}

/** The earner's own live offer, for the page that shows it (NOT_FOUND for anyone else, or once used). */
export async function viewOwnOffer(
  context: PlatformContext,
  earnerId: string,
  credentialId: string,
  offerId: string,
): Promise<{ readonly offerUri: string; readonly txCode: boolean } | null> {
  await ownCredential(context, earnerId, credentialId);
  const offer = await context.storage.wallet.findOffer({ id: offerId });
  if (offer === null || offer.credentialId !== credentialId) return null;
  if (offer.redeemedAt !== null || offer.expiresAt <= context.now()) return null;
  return { offerUri: offerUriOf(context, offer.id), txCode: offer.txCodeHash !== null };
}

/** The Credential Offer a wallet fetches by reference; NOT_FOUND once it was redeemed or has expired. */
export async function viewCredentialOffer(context: PlatformContext, offerId: string) {
  const offer = await context.storage.wallet.findOffer({ id: offerId });
  if (offer === null || offer.redeemedAt !== null || offer.expiresAt <= context.now()) {
    throw new ServerError(
      ServerErrorCode.NOT_FOUND,
      'no such credential offer, or it was used or has expired',
    );
  }
  return buildCredentialOffer({
    credentialIssuer: context.publicUrl,
    configurationIds: Object.keys(CREDENTIAL_CONFIGURATIONS),
    preAuthorizedCode: offer.preAuthorizedCode,
    ...(offer.txCodeHash === null
      ? {}
      : {
          txCode: {
            length: TX_CODE_LENGTH,
            inputMode: 'numeric',
            description: 'The code mailed to the address this credential was issued to',
          },
        }),
  });
}
