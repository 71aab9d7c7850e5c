import { type Actor, actorLabel, requireAdmin } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { type IssuerView, viewIssuer } from '../issuer/manage-issuers.js';
import type { PlatformContext } from '../platform-context.js';

/**
 * A platform administrator vets an issuer: it joins this platform's own trust registry, so reports of its
 * credentials say "vetted", with who vetted it and when kept for the record. Vetting again keeps the first
 * record (who answered for the issuer first).
 */
export async function vetIssuer(
  context: PlatformContext,
  actor: Actor,
  issuerId: string,
): Promise<IssuerView> {
  requireAdmin(actor);
  const issuer = await context.storage.issuers.findById({ id: issuerId });
  if (issuer === null || issuer.kind !== 'issuer') throw resourceNotFound('issuer');
  if (issuer.verified) return viewIssuer(context, issuer);
  const vetted = await context.storage.issuers.update({
    id: issuer.id,
    patch: { verified: true, verifiedBy: actorLabel(actor), verifiedAt: context.now() },
  });
  return viewIssuer(context, vetted);
}

/** Withdraws the vetting: the issuer's credentials still verify, but no report calls it vetted any more. */
export async function unvetIssuer(
  context: PlatformContext,
  actor: Actor,
  issuerId: string,
): Promise<IssuerView> {
  requireAdmin(actor);
  const issuer = await context.storage.issuers.findById({ id: issuerId });
  if (issuer === null || issuer.kind !== 'issuer') throw resourceNotFound('issuer');
  const unvetted = await context.storage.issuers.update({
    id: issuer.id,
    patch: { verified: false, verifiedBy: null, verifiedAt: null },
  });
  return viewIssuer(context, unvetted);
}
