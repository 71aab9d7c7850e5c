import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { recordCredentialEvent } from '../events/record-events.js';
import type { PlatformContext } from '../platform-context.js';
import type { CredentialRecord } from '../ports/index.js';
import { refreshTalentEvidence } from '../talent/talent-evidence.js';
import { earnerForAddress, linkUnusable } from './earner-sessions.js';
import { hashSecret } from './email-links.js';

export interface ClaimView {
  readonly credential: CredentialRecord;
  readonly email: string;
}

/** What a claim link offers, without using it (mail scanners open links; only a form post claims). */
export async function viewClaim(context: PlatformContext, secret: string): Promise<ClaimView> {
  const token = await context.storage.emailTokens.find({ tokenHash: hashSecret(secret) });
  if (
    token === null ||
    token.purpose !== 'claim' ||
    token.usedAt !== null ||
    token.expiresAt <= context.now() ||
    token.credentialId === null
  ) {
    throw linkUnusable();
  }
  const credential = await context.storage.credentials.findById({ id: token.credentialId });
  if (credential === null) throw linkUnusable();
  return { credential, email: token.email };
}

/**
 * Accepts a credential from its claim link: the address is verified on the account that owns it, or on
 * the signed-in earner's, or on a new account; the credential lands in that portfolio, public. Returns
 * the account, which the caller signs in.
 */
export async function acceptClaim(
  context: PlatformContext,
  input: { readonly secret: string; readonly signedIn: string | null; readonly locale: string },
): Promise<{ readonly earnerId: string; readonly credentialId: string }> {
  const accepted = await context.storage.transaction(async (repositories) => {
    const token = await repositories.emailTokens.use({
      tokenHash: hashSecret(input.secret),
      purpose: 'claim',
      at: context.now(),
    });
    if (token === null || token.credentialId === null) throw linkUnusable();
    const earnerId = await earnerForAddress(repositories, context, {
      email: token.email,
      locale: input.locale,
      preferred: input.signedIn,
    });
    await repositories.portfolios.putChoice({
      credentialId: token.credentialId,
      earnerId,
      choice: 'accepted',
      visibility: 'public',
      at: context.now(),
    });
    await recordCredentialEvent(repositories, {
      credentialId: token.credentialId,
      type: 'credential.claimed',
      at: context.now(),
    });
    return { earnerId, credentialId: token.credentialId };
  });
  await refreshTalentEvidence(context, accepted.earnerId);
  return accepted;
}

/** Declines a credential from its claim link; no account is needed or made. */
export async function declineClaim(
  context: PlatformContext,
  input: { readonly secret: string },
): Promise<void> {
  const owner = await context.storage.transaction(async (repositories) => {
    const token = await repositories.emailTokens.use({
      tokenHash: hashSecret(input.secret),
      purpose: 'claim',
      at: context.now(),
    });
    if (token === null || token.credentialId === null) throw linkUnusable();
    const owner = await repositories.portfolios.findOwner({ credentialId: token.credentialId });
    await repositories.portfolios.putChoice({
      credentialId: token.credentialId,
      earnerId: owner,
      choice: 'declined',
      visibility: 'private',
      at: context.now(),
    });
    await recordCredentialEvent(repositories, {
      credentialId: token.credentialId,
      type: 'credential.declined',
      at: context.now(),
    });
    return owner;
  });
  if (owner !== null) await refreshTalentEvidence(context, owner);
}

/** The credential, when it is in this earner's portfolio (NOT_FOUND otherwise: no one learns it exists). */
export async function ownCredential(
  context: PlatformContext,
  earnerId: string,
  credentialId: string,
): Promise<CredentialRecord> {
  const owner = await context.storage.portfolios.findOwner({ credentialId });
  const credential =
    owner === earnerId ? await context.storage.credentials.findById({ id: credentialId }) : null;
  if (credential === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such credential');
  return credential;
}
