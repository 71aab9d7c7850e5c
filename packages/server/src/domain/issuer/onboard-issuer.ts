import { z } from 'zod';
import { type Actor, requireAdmin } from '../auth/actor.js';
import type { PlatformContext } from '../platform-context.js';
import { createIssuer, IssuerInputSchema } from './manage-issuers.js';
import { inviteMember } from './manage-members.js';

export const OnboardIssuerSchema = z.strictObject({
  issuer: IssuerInputSchema,
  ownerEmail: z.email().max(320),
});

/**
 * The administrator's way to add an organisation: the issuer, and its first owner invited by mail. Both
 * inputs are checked before anything is created, so a bad address leaves no issuer without an owner.
 */
export async function onboardIssuer(
  context: PlatformContext,
  actor: Actor,
  raw: z.input<typeof OnboardIssuerSchema>,
  options: { readonly locale: string },
) {
  requireAdmin(actor);
  const input = OnboardIssuerSchema.parse(raw);
  const issuer = await createIssuer(context, actor, input.issuer);
  const owner = await inviteMember(
    context,
    actor,
    issuer.id,
    { email: input.ownerEmail, role: 'owner' },
    options,
  );
  return { issuer, owner };
}
