import { PRE_AUTHORIZED_CODE_GRANT } from '@microcred/vc';
import { hashSecret, newSecret } from '../earner/email-links.js';
import type { PlatformContext } from '../platform-context.js';
import { hashTxCode } from './create-credential-offer.js';
import { OpenIdError } from './openid-error.js';
import { MAX_TX_CODE_FAILURES, WALLET_LIFETIMES_MS } from './wallet-lifetimes.js';

/** The token endpoint's parameters, as the form body gives them (RFC 6749 §4.1.3, OpenID4VCI 1.0 §6.1). */
export interface TokenRequest {
  readonly grant_type?: string | undefined;
  readonly 'pre-authorized_code'?: string | undefined;
  readonly tx_code?: string | undefined;
}

/**
 * The token endpoint of the pre-authorized code flow: a code that is known, unexpired and not yet used
 * (and its transaction code, when the offer has one) buys a short-lived access token for the credential
 * endpoint. The code is taken in the same statement that checks it, so it works once across processes.
 * A wrong transaction code counts against the offer; after `MAX_TX_CODE_FAILURES` the code is dead.
 */
export async function exchangePreAuthorizedCode(context: PlatformContext, request: TokenRequest) {
  if (request.grant_type !== PRE_AUTHORIZED_CODE_GRANT) {
    throw new OpenIdError(
      'unsupported_grant_type',
      `only the ${PRE_AUTHORIZED_CODE_GRANT} grant is supported`,
    );
  }
  const code = request['pre-authorized_code'];
  if (code === undefined || code === '')
    throw new OpenIdError('invalid_request', 'pre-authorized_code is missing');
  const offer = await context.storage.wallet.findOfferByCode({ preAuthorizedCode: code });
  const at = context.now();
  if (offer === null || offer.redeemedAt !== null || offer.expiresAt <= at) {
    throw new OpenIdError(
      'invalid_grant',
      'the pre-authorized code is unknown, was already used, or has expired',
    );
  }
  const txCode = request.tx_code;
  if (offer.txCodeHash !== null && (txCode === undefined || txCode === '')) {
    // §6.3: a missing transaction code is an invalid request, not a wrong code: nothing is counted.
    throw new OpenIdError(
      'invalid_request',
      'this offer needs the transaction code (tx_code) that was mailed',
    );
  }
  if (offer.txCodeHash === null && txCode !== undefined) {
    throw new OpenIdError('invalid_request', 'this offer has no transaction code: send no tx_code');
  }
  const accessToken = newSecret();
  const expiresIn = WALLET_LIFETIMES_MS.accessToken / 1000;
  const redeemed = await context.storage.wallet.redeemOffer({
    preAuthorizedCode: code,
    txCodeHash: txCode === undefined ? null : hashTxCode(context, offer.id, txCode),
    maxTxCodeFailures: MAX_TX_CODE_FAILURES,
    at,
    accessTokenHash: hashSecret(accessToken),
    accessExpiresAt: new Date(at.getTime() + WALLET_LIFETIMES_MS.accessToken),
  });
  if (redeemed === null) {
    if (txCode !== undefined) await context.storage.wallet.countTxCodeFailure({ id: offer.id });
    throw new OpenIdError(
      'invalid_grant',
      txCode === undefined
        ? 'the pre-authorized code was already used or has expired'
        : 'the transaction code is wrong, or the pre-authorized code was already used',
    );
  }
  return {
    access_token: accessToken,
    token_type: 'Bearer' as const,
    expires_in: expiresIn,
  };
}
