import { ErrorCode, MicrocredError } from '@microcred/vc';
import { z } from 'zod';
import { type Actor, authorize } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import type { PlatformContext } from '../platform-context.js';
import type { Partnership } from '../ports/index.js';

export const PartnershipInputSchema = z.strictObject({
  /** The issuer whose pathways may count this issuer's published achievements. */
  issuerId: z.uuid(),
});
export type PartnershipInput = z.input<typeof PartnershipInputSchema>;

/**
 * Consent (owner role of the granting issuer): the other issuer's pathways may require this issuer's
 * published achievements, e.g. an employer's badge counting toward a university certificate. Granting
 * again is harmless.
 */
export async function grantPartnership(
  context: PlatformContext,
  actor: Actor,
  grantorIssuerId: string,
  raw: PartnershipInput,
): Promise<Partnership> {
  const { issuerId } = PartnershipInputSchema.parse(raw);
  authorize(actor, grantorIssuerId, 'owner', { notFound: 'issuer' });
  if (issuerId === grantorIssuerId) {
    throw new MicrocredError(ErrorCode.VALIDATION_ERROR, 'an issuer needs no partnership with itself', {
      details: { errors: [{ path: 'issuerId', in: 'body', message: 'another issuer' }] },
    });
  }
  for (const id of [grantorIssuerId, issuerId]) {
    if ((await context.storage.issuers.findById({ id })) === null) {
      throw resourceNotFound('issuer');
    }
  }
  return context.storage.partnerships.grant({ grantorIssuerId, granteeIssuerId: issuerId });
}

/**
 * Withdraws consent (owner role). Versions already published keep counting the achievements (their
 * rules are fixed); new versions and new pathways can no longer require them.
 */
export async function withdrawPartnership(
  context: PlatformContext,
  actor: Actor,
  grantorIssuerId: string,
  granteeIssuerId: string,
): Promise<void> {
  authorize(actor, grantorIssuerId, 'owner', { notFound: 'issuer' });
  const withdrawn = await context.storage.partnerships.withdraw({ grantorIssuerId, granteeIssuerId });
  if (!withdrawn) throw resourceNotFound('partnership');
}

/** The consents an issuer gave and received (viewer role). */
export async function listPartnerships(
  context: PlatformContext,
  actor: Actor,
  issuerId: string,
): Promise<Partnership[]> {
  authorize(actor, issuerId, 'viewer', { notFound: 'issuer' });
  if ((await context.storage.issuers.findById({ id: issuerId })) === null) {
    throw resourceNotFound('issuer');
  }
  return context.storage.partnerships.list({ issuerId });
}
