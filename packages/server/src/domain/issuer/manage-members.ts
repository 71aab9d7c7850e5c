import { z } from 'zod';
import { type Actor, authorize } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { staffInvitationMail } from '../earner/earner-mails.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { normalizeEmail } from '../identity/normalize-email.js';
import type { PlatformContext } from '../platform-context.js';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../ports/index.js';

export const MemberInputSchema = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(MEMBERSHIP_ROLES),
});

/** A person who works for an issuer, with their role there. */
export interface Member {
  readonly userId: string;
  readonly email: string;
  readonly name: string | null;
  readonly role: MembershipRole;
  readonly since: Date;
}

async function assertIssuer(context: PlatformContext, actor: Actor, issuerId: string, role: MembershipRole) {
  authorize(actor, issuerId, role, { notFound: 'issuer' });
  if ((await context.storage.issuers.findById({ id: issuerId })) === null) {
    throw resourceNotFound('issuer');
  }
}

/** Adds a person (by email, creating their user on first sight) to an issuer, or changes their role. */
export async function addMember(
  context: PlatformContext,
  actor: Actor,
  issuerId: string,
  raw: z.input<typeof MemberInputSchema>,
): Promise<Member> {
  return putMember(context, actor, issuerId, raw, null);
}

/**
 * `addMember` from the console: the person also gets a mail, in the same transaction, that tells them
 * they can sign in to the issuer's console with this address.
 */
export async function inviteMember(
  context: PlatformContext,
  actor: Actor,
  issuerId: string,
  raw: z.input<typeof MemberInputSchema>,
  options: { readonly locale: string },
): Promise<Member> {
  return putMember(context, actor, issuerId, raw, options);
}

async function putMember(
  context: PlatformContext,
  actor: Actor,
  issuerId: string,
  raw: z.input<typeof MemberInputSchema>,
  invitation: { readonly locale: string } | null,
): Promise<Member> {
  const input = MemberInputSchema.parse(raw);
  await assertIssuer(context, actor, issuerId, 'owner');
  const issuer = await context.storage.issuers.findById({ id: issuerId });
  if (issuer === null) throw resourceNotFound('issuer');
  return context.storage.transaction(async (repositories) => {
    const email = normalizeEmail(input.email);
    const user =
      (await repositories.users.findByEmail({ email })) ??
      (await repositories.users.create({
        email,
        ...(input.name === undefined ? {} : { name: input.name }),
      }));
    const memberships = await repositories.users.listMemberships({ issuerId });
    const current = memberships.find((membership) => membership.userId === user.id);
    if (
      current?.role === 'owner' &&
      input.role !== 'owner' &&
      memberships.filter((membership) => membership.role === 'owner').length === 1
    ) {
      throw new ServerError(ServerErrorCode.CONFLICT, 'the last owner of an issuer must stay an owner');
    }
    const membership = await repositories.users.setMembership({
      issuerId,
      userId: user.id,
      role: input.role,
    });
    if (invitation !== null) {
      await repositories.mailOutbox.enqueue([
        staffInvitationMail({
          to: email,
          locale: invitation.locale,
          issuerName: issuer.name,
          role: input.role,
          link: `${context.publicUrl}/console`,
        }),
      ]);
    }
    return {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: membership.role,
      since: membership.createdAt,
    };
  });
}

export async function listMembers(
  context: PlatformContext,
  actor: Actor,
  issuerId: string,
): Promise<Member[]> {
  await assertIssuer(context, actor, issuerId, 'viewer');
  const memberships = await context.storage.users.listMemberships({ issuerId });
  const members: Member[] = [];
  for (const membership of memberships) {
    const user = await context.storage.users.findById({ id: membership.userId });
    if (user !== null) {
      members.push({
        userId: user.id,
        email: user.email,
        name: user.name,
        role: membership.role,
        since: membership.createdAt,
      });
    }
  }
  return members;
}

/** Removes a person from an issuer; the last owner cannot be removed, so an issuer is never orphaned. */
export async function removeMember(
  context: PlatformContext,
  actor: Actor,
  issuerId: string,
  userId: string,
): Promise<void> {
  await assertIssuer(context, actor, issuerId, 'owner');
  const memberships = await context.storage.users.listMemberships({ issuerId });
  const target = memberships.find((membership) => membership.userId === userId);
  if (target === undefined) throw resourceNotFound('member');
  if (
    target.role === 'owner' &&
    memberships.filter((membership) => membership.role === 'owner').length === 1
  ) {
    throw new ServerError(ServerErrorCode.CONFLICT, 'the last owner of an issuer cannot be removed');
  }
  await context.storage.users.removeMembership({ issuerId, userId });
}
