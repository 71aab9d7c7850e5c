import { randomUUID } from 'node:crypto';
import { CREDENTIALS_V2_CONTEXT, checkDidAuthPresentation, isRecord, type JsonObject } from '@microcred/vc';
import { z } from 'zod';
import type { CredentialSigner } from '../credential/credential-signer.js';
import { ownCredential } from '../earner/claim-credential.js';
import { newSecret } from '../earner/email-links.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { ActiveSigningKey } from '../issuer/issuer-keys.js';
import type { PlatformContext } from '../platform-context.js';
import { CredentialNotDeliverable, holderBoundCopy } from './holder-bound-copy.js';
import { WALLET_LIFETIMES_MS } from './wallet-lifetimes.js';

export const WALLET_EXCHANGE_PATHS = { exchange: '/exchanges', interaction: '/interactions' } as const;

export const CreateExchangeInputSchema = z.strictObject({
  /** Sign a copy bound to the wallet's DID (proved by its DID authentication) instead of the issued one. */
  bindToHolder: z.boolean().default(false),
});

/** What the page shows for one exchange: the links a wallet follows. */
export interface WalletExchangeLinks {
  readonly exchangeUrl: string;
  /** VCALM interaction URL: answers `{"protocols":{"vcapi": exchangeUrl}}`. */
  readonly interactionUrl: string;
  /** The Learner Credential Wallet's deep link: it signs `challenge` and posts its DID authentication. */
  readonly lcwDeepLink: string;
  readonly expiresAt: Date;
}

function linksOf(
  publicUrl: string,
  exchange: { id: string; challenge: string; expiresAt: Date },
): WalletExchangeLinks {
  const exchangeUrl = `${publicUrl}${WALLET_EXCHANGE_PATHS.exchange}/${exchange.id}`;
  const deepLink = new URL('https://lcw.app/request.html');
  deepLink.searchParams.set('issuer', publicUrl);
  deepLink.searchParams.set('auth_type', 'bearer');
  deepLink.searchParams.set('challenge', exchange.challenge);
  deepLink.searchParams.set('vc_request_url', exchangeUrl);
  return {
    exchangeUrl,
    interactionUrl: `${publicUrl}${WALLET_EXCHANGE_PATHS.interaction}/${exchange.id}?iuv=1`,
    lcwDeepLink: deepLink.toString(),
    expiresAt: exchange.expiresAt,
  };
}

/**
 * A VC-API exchange for one of the earner's credentials: a fresh single-use challenge, valid
 * `WALLET_LIFETIMES_MS.exchange`. Only the earner who owns the credential may open one.
 */
export async function createWalletExchange(
  context: PlatformContext,
  earnerId: string,
  credentialId: string,
  raw: z.input<typeof CreateExchangeInputSchema>,
): Promise<WalletExchangeLinks & { readonly id: string }> {
  const input = CreateExchangeInputSchema.parse(raw);
  const record = await ownCredential(context, earnerId, credentialId);
  if (record.revokedAt !== null) throw new CredentialNotDeliverable('revoked');
  if (record.suspendedAt !== null) throw new CredentialNotDeliverable('suspended');
  const now = context.now();
  const exchange = {
    id: randomUUID(),
    credentialId: record.id,
    challenge: newSecret(),
    bindToHolder: input.bindToHolder,
    createdAt: now,
    expiresAt: new Date(now.getTime() + WALLET_LIFETIMES_MS.exchange),
  };
  await context.storage.wallet.createExchange(exchange);
  return { id: exchange.id, ...linksOf(context.publicUrl, exchange) };
}

/** The earner's own exchange, for the page that shows its links (NOT_FOUND for anyone else, or once over). */
export async function viewWalletExchange(
  context: PlatformContext,
  earnerId: string,
  credentialId: string,
  exchangeId: string,
): Promise<WalletExchangeLinks & { readonly bindToHolder: boolean; readonly completed: boolean }> {
  await ownCredential(context, earnerId, credentialId);
  const exchange = await context.storage.wallet.findExchange({ id: exchangeId });
  if (exchange === null || exchange.credentialId !== credentialId || exchange.expiresAt <= context.now()) {
    throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such exchange, or it has expired');
  }
  return {
    ...linksOf(context.publicUrl, exchange),
    bindToHolder: exchange.bindToHolder,
    completed: exchange.completedAt !== null,
  };
}

async function liveExchange(context: PlatformContext, exchangeId: string) {
  const exchange = await context.storage.wallet.findExchange({ id: exchangeId });
  if (exchange === null || exchange.completedAt !== null || exchange.expiresAt <= context.now()) {
    throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such exchange, or it was completed or has expired');
  }
  return exchange;
}

/** The VCALM interaction answer: which protocols this exchange speaks, and where. */
export async function walletInteraction(context: PlatformContext, exchangeId: string) {
  const exchange = await liveExchange(context, exchangeId);
  return { protocols: { vcapi: linksOf(context.publicUrl, exchange).exchangeUrl } };
}

/**
 * One step of the VC-API exchange, and the last. With the wallet's DID authentication (a presentation
 * over the exchange's challenge), the credential is delivered, bound to that DID when the earner asked;
 * with an empty request (`{}`, the vcapi protocol's first message), the credential as issued is delivered
 * at once: asking for DID authentication first makes today's Learner Credential Wallet drop the offer.
 * Only when the earner asked for a bound copy is `{}` answered with a DID authentication request.
 * Either way the challenge is taken in the statement that completes the exchange: it works once.
 */
export async function participateInExchange(
  context: PlatformContext,
  dependencies: { readonly activeSigningKey: ActiveSigningKey; readonly signer: CredentialSigner },
  exchangeId: string,
  body: unknown,
): Promise<
  { readonly verifiablePresentation: JsonObject } | { readonly verifiablePresentationRequest: JsonObject }
> {
  const exchange = await liveExchange(context, exchangeId);
  const presentation = isRecord(body) ? body.verifiablePresentation : undefined;
  let holderDid: string | null = null;
  if (presentation !== undefined) {
    const checked = await checkDidAuthPresentation({
      presentation,
      challenge: exchange.challenge,
      now: context.now(),
    });
    if (!checked.ok) {
      throw new ServerError(
        ServerErrorCode.PROOF_VERIFICATION_ERROR,
        `DID authentication refused: ${checked.description}`,
      );
    }
    holderDid = checked.holderDid;
  } else if (!isRecord(body) || Object.keys(body).length > 0) {
    throw new ServerError(
      ServerErrorCode.MALFORMED_VALUE_ERROR,
      'send {} to start the exchange, or {"verifiablePresentation": …} with the DID authentication',
    );
  } else if (exchange.bindToHolder) {
    // The earner asked for a copy bound to the wallet: never hand over the unbound one instead. Asking
    // for DID authentication is the VC-API's way; the deep link (which signs at once) is LCW's.
    return {
      verifiablePresentationRequest: {
        query: [
          {
            type: 'DIDAuthentication',
            acceptedMethods: [{ method: 'key' }],
            acceptedCryptosuites: [
              { cryptosuite: 'eddsa-rdfc-2022' },
              { cryptosuite: 'Ed25519Signature2020' },
            ],
          },
        ],
        challenge: exchange.challenge,
        domain: new URL(context.publicUrl).host,
      },
    };
  }
  const original = await context.storage.credentials.findById({ id: exchange.credentialId });
  if (original === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'the credential no longer exists');
  if (original.revokedAt !== null) throw new CredentialNotDeliverable('revoked');
  if (original.suspendedAt !== null) throw new CredentialNotDeliverable('suspended');
  const delivered =
    exchange.bindToHolder && holderDid !== null
      ? await holderBoundCopy(context, dependencies, original, { did: holderDid, via: 'vc-api' })
      : original;
  if (
    !(await context.storage.wallet.completeExchange({
      id: exchange.id,
      challenge: exchange.challenge,
      at: context.now(),
    }))
  ) {
    throw new ServerError(ServerErrorCode.NOT_FOUND, 'this exchange was completed meanwhile');
  }
  return {
    verifiablePresentation: {
      '@context': [CREDENTIALS_V2_CONTEXT],
      type: ['VerifiablePresentation'],
      verifiableCredential: [delivered.document],
    },
  };
}
