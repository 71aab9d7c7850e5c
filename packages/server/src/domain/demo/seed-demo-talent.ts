import { type Actor, requireAdmin } from '../auth/actor.js';
import { earnerForAddress } from '../earner/earner-sessions.js';
import { recordCredentialEvent } from '../events/record-events.js';
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
/** Demo Employer's saved role, measured against its workforce, where Jordan works in Analytics. */
export const DEMO_ROLE_TITLE = 'Data analyst';
export const DEMO_TEAM = 'Analytics';
/** What Demo Employer says when it endorses "SQL for Analysts" (seed-demo-data.ts). */
export const DEMO_ENDORSEMENT_COMMENT =
  'We helped design this course and we hire analysts who hold it: its SQL assessment matches the work.';
/** Invited to Demo Employer's inventory, not connected yet (no account). */
export const DEMO_INVITED_EMAIL = 'sam@example.com';

const ESCO_SKILL = 'http://data.europa.eu/esco/skill/';
/** The demo achievements' skills (see seed-demo-data.ts): SQL, visual presentation, statistics, cleansing. */
const DEMO_ROLE_SKILLS = [
  { id: `${ESCO_SKILL}598de5b0-5b58-4ea7-8058-a4bc4d18c742`, label: 'SQL', essential: true, required: true },
  {
    id: `${ESCO_SKILL}c3e36d05-8ae8-447f-bb2b-6f9409f85389`,
    label: 'deliver visual presentation of data',
    essential: true,
    required: false,
  },
  {
    id: `${ESCO_SKILL}7ee4c2ea-b349-4bd2-81a3-ec31475d4833`,
    label: 'statistics',
    essential: true,
    required: false,
  },
  {
    id: `${ESCO_SKILL}50b100ea-74fd-4706-99db-3e4ca55e51b8`,
    label: 'perform data cleansing',
    essential: false,
    required: false,
  },
] as const;

/**
 * The employer side of the demo: "Demo Employer" with its owner, and Jordan, an earner whose account has
 * an accepted credential (`credentialId`, issued to Jordan's address) and a consent to the public talent
 * directory, so that a search for SQL finds someone; a saved role "Data analyst" and a workforce where
 * Jordan is connected in Analytics and Sam is invited. Administrator only; idempotent (nothing is added
 * once the demo employer exists).
 */
export async function seedDemoTalent(
  context: PlatformContext,
  actor: Actor,
  input: { readonly credentialId: string },
): Promise<void> {
  requireAdmin(actor);
  if ((await context.storage.employers.findBySlug({ slug: DEMO_EMPLOYER_SLUG })) !== null) return;
  const { earnerId, employerId } = await context.storage.transaction(async (repositories) => {
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
    const acceptedAt = context.now();
    await repositories.portfolios.putChoice({
      credentialId: input.credentialId,
      earnerId: earner,
      choice: 'accepted',
      visibility: 'public',
      at: acceptedAt,
    });
    // The demo's analytics count this acceptance as they would the real one.
    await recordCredentialEvent(repositories, {
      credentialId: input.credentialId,
      type: 'credential.claimed',
      at: acceptedAt,
    });
    await repositories.employerRoles.create({
      employerId: employer.id,
      title: DEMO_ROLE_TITLE,
      occupationUri: null,
      skills: DEMO_ROLE_SKILLS.map((skill) => ({ ...skill, weight: skill.essential ? 2 : 1 })),
      createdBy: normalizeEmail(DEMO_EMPLOYER_EMAIL),
    });
    for (const email of [DEMO_TALENT_EMAIL, DEMO_INVITED_EMAIL]) {
      await repositories.employees.invite({
        employerId: employer.id,
        email: normalizeEmail(email),
        team: DEMO_TEAM,
        invitedBy: normalizeEmail(DEMO_EMPLOYER_EMAIL),
      });
    }
    return { earnerId: earner, employerId: employer.id };
  });
  await refreshTalentEvidence(context, earnerId);
  await giveConsent(context, earnerId, {
    employerId: null,
    showName: true,
    showContact: true,
    credentialIds: null,
    location: 'Lyon, France',
  });
  const jordan = (await context.storage.employees.list({ employerId })).find(
    (employee) => employee.email === normalizeEmail(DEMO_TALENT_EMAIL),
  );
  // As if Jordan had accepted the invitation at /account/sharing, showing every credential.
  if (jordan !== undefined) {
    await context.storage.employees.connect({ id: jordan.id, earnerId, credentialIds: null });
  }
}
