import { z } from 'zod';
import { type Actor, requireAdmin } from '../auth/actor.js';
import { generateApiToken, withoutHash } from '../auth/api-tokens.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { employerInvitationMail } from '../earner/earner-mails.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { normalizeEmail } from '../identity/normalize-email.js';
import type { PlatformContext } from '../platform-context.js';
import { type ApiKey, EMPLOYER_ROLES, type Employer, type EmployerMember } from '../ports/index.js';
import { authorizeEmployer } from './employer-access.js';

export const EmployerInputSchema = z.strictObject({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, { error: 'lower-case letters, digits and hyphens' }),
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).optional(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  /** Invited as the first owner, by mail. */
  ownerEmail: z.email().max(320).optional(),
});

export const EmployerMemberInputSchema = z.strictObject({
  email: z.email().max(320),
  role: z.enum(EMPLOYER_ROLES),
});

export const EmployerApiKeyInputSchema = z.strictObject({ name: z.string().trim().min(1).max(200) });

async function existingEmployer(context: PlatformContext, employerId: string): Promise<Employer> {
  const employer = await context.storage.employers.findById({ id: employerId });
  if (employer === null) throw resourceNotFound('employer');
  return employer;
}

/** The administrator registers an employer and, when given, invites its first owner. */
export async function createEmployer(
  context: PlatformContext,
  actor: Actor,
  raw: z.input<typeof EmployerInputSchema>,
  options: { readonly locale: string } = { locale: 'en' },
): Promise<Employer> {
  requireAdmin(actor);
  const input = EmployerInputSchema.parse(raw);
  return context.storage.transaction(async (repositories) => {
    const employer = await repositories.employers.create({
      slug: input.slug,
      name: input.name,
      description: input.description ?? null,
      website: input.website ?? null,
    });
    if (input.ownerEmail !== undefined) {
      const email = normalizeEmail(input.ownerEmail);
      await repositories.employers.putMember({ employerId: employer.id, email, role: 'owner' });
      await repositories.mailOutbox.enqueue([
        employerInvitationMail({
          to: email,
          locale: options.locale,
          employerName: employer.name,
          role: 'owner',
          link: `${context.publicUrl}/employer`,
        }),
      ]);
    }
    return employer;
  });
}

export async function findEmployerBySlug(context: PlatformContext, slug: string): Promise<Employer | null> {
  return context.storage.employers.findBySlug({ slug });
}

export async function listEmployers(context: PlatformContext, actor: Actor): Promise<Employer[]> {
  requireAdmin(actor);
  return context.storage.employers.list({ limit: 500 });
}

/** An owner invites a colleague (or changes their role); they get a mail saying how to sign in. */
export async function inviteEmployerMember(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
  raw: z.input<typeof EmployerMemberInputSchema>,
  options: { readonly locale: string; readonly mail?: boolean } = { locale: 'en' },
): Promise<EmployerMember> {
  authorizeEmployer(actor, employerId, 'owner');
  const input = EmployerMemberInputSchema.parse(raw);
  const employer = await existingEmployer(context, employerId);
  const email = normalizeEmail(input.email);
  return context.storage.transaction(async (repositories) => {
    const members = await repositories.employers.listMembers({ employerId });
    const owners = members.filter((member) => member.role === 'owner');
    if (input.role !== 'owner' && owners.length === 1 && owners[0]?.email === email) {
      throw new ServerError(ServerErrorCode.CONFLICT, 'the last owner of an employer must stay an owner');
    }
    const member = await repositories.employers.putMember({ employerId, email, role: input.role });
    if (options.mail !== false) {
      await repositories.mailOutbox.enqueue([
        employerInvitationMail({
          to: email,
          locale: options.locale,
          employerName: employer.name,
          role: input.role,
          link: `${context.publicUrl}/employer`,
        }),
      ]);
    }
    return member;
  });
}

export async function listEmployerMembers(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
): Promise<EmployerMember[]> {
  authorizeEmployer(actor, employerId, 'viewer');
  await existingEmployer(context, employerId);
  return context.storage.employers.listMembers({ employerId });
}

/** Removes a member; the last owner stays (CONFLICT), so that an employer is never left unmanaged. */
export async function removeEmployerMember(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
  rawEmail: string,
): Promise<void> {
  authorizeEmployer(actor, employerId, 'owner');
  const email = normalizeEmail(rawEmail);
  await context.storage.transaction(async (repositories) => {
    const members = await repositories.employers.listMembers({ employerId });
    const target = members.find((member) => member.email === email);
    if (target === undefined) throw resourceNotFound('member');
    if (target.role === 'owner' && members.filter((member) => member.role === 'owner').length === 1) {
      throw new ServerError(ServerErrorCode.CONFLICT, 'the last owner of an employer cannot be removed');
    }
    await repositories.employers.removeMember({ employerId, email });
  });
}

/** An API key for the employer's own systems (an ATS): talent search and role matching. Shown once. */
export async function createEmployerApiKey(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
  raw: z.input<typeof EmployerApiKeyInputSchema>,
): Promise<{ readonly apiKey: Omit<ApiKey, 'hash'>; readonly token: string }> {
  authorizeEmployer(actor, employerId, 'owner');
  const input = EmployerApiKeyInputSchema.parse(raw);
  await existingEmployer(context, employerId);
  const { token, prefix, hash } = generateApiToken();
  const apiKey = await context.storage.apiKeys.create({
    issuerId: null,
    employerId,
    name: input.name,
    prefix,
    hash,
    role: 'employer',
  });
  return { apiKey: withoutHash(apiKey), token };
}

export async function listEmployerApiKeys(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
): Promise<Omit<ApiKey, 'hash'>[]> {
  authorizeEmployer(actor, employerId, 'owner');
  return (await context.storage.apiKeys.list({ employerId })).map(withoutHash);
}

export async function revokeEmployerApiKey(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
  keyId: string,
): Promise<void> {
  authorizeEmployer(actor, employerId, 'owner');
  const keys = await context.storage.apiKeys.list({ employerId });
  if (!keys.some((key) => key.id === keyId)) throw resourceNotFound('API key');
  await context.storage.apiKeys.revoke({ id: keyId, at: context.now() });
}
