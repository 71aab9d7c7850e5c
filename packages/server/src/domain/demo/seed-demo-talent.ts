import { type Actor, requireAdmin } from '../auth/actor.js';
import { earnerForAddress } from '../earner/earner-sessions.js';
import { normalizeEmail } from '../identity/normalize-email.js';
import type { PlatformContext } from '../platform-context.js';
import { giveConsent } from '../talent/talent-consents.js';
import { refreshTalentEvidence } from '../talent/talent-evidence.js';

export const DEMO_EMPLOYER_SLUG = 'demo-employer';
export const DEMO_EMPLOYER_NAME = 'Demo Employer';
/** The demo employer's owner: signs in like anyone, through /dev/mailbox. */
export const DEMO_EMPLOYER_EMAIL = 'employer@example.com';
/** A demo earner who accepted "SQL for Analysts" and consented to the public talent directory. */
export const DEMO_TALENT_EMAIL = 'jordan@example.com';
export const DEMO_TALENT_NAME = 'Jordan Rivera';

/**
 * The employer side of the demo: "Demo Employer" with its owner, and Jordan, an earner whose account has
 * an accepted credential (`credentialId`, issued to Jordan's address) and a consent to the public talent
 * directory, so that a search for SQL finds someone. Administrator only; idempotent (nothing is added once
 * the demo employer exists).
 */
export async function seedDemoTalent(
  context: PlatformContext,
  actor: Actor,
  input: { readonly credentialId: string },
): Promise<void> {
  requireAdmin(actor);
  if ((await context.storage.employers.findBySlug({ slug: DEMO_EMPLOYER_SLUG })) !== null) return;
  const earnerId = await context.storage.transaction(async (repositories) => {
    const employer = await repositories.employers.create({
      slug: DEMO_EMPLOYER_SLUG,
      name: DEMO_EMPLOYER_NAME,
      description: 'A demonstration employer: it searches the talent directory by verified skills.',
      website: 'https://employer.example.com',
    });
    await repositories.employers.putMember({
      employerId: employer.id,
      email: normalizeEmail(DEMO_EMPLOYER_EMAIL),
      role: 'owner',
    });
    // As if Jordan had followed the claim link: the address is proven and the credential accepted.
    const earner = await earnerForAddress(repositories, context, {
      email: normalizeEmail(DEMO_TALENT_EMAIL),
      locale: 'en',
      preferred: null,
    });
    await repositories.earners.update({ id: earner, displayName: DEMO_TALENT_NAME });
    await repositories.portfolios.putChoice({
      credentialId: input.credentialId,
      earnerId: earner,
      choice: 'accepted',
      visibility: 'public',
      at: context.now(),
    });
    return earner;
  });
  await refreshTalentEvidence(context, earnerId);
  await giveConsent(context, earnerId, {
    employerId: null,
    showName: true,
    showContact: true,
    credentialIds: null,
    location: 'Lyon, France',
  });
}
