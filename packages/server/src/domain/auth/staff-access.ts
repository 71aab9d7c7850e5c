import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { verifiedAddressesOf } from '../identity/verified-addresses.js';
import type { PlatformContext } from '../platform-context.js';
import type { MembershipRole } from '../ports/index.js';
import type { Actor } from './actor.js';
import { resourceNotFound } from './resource-not-found.js';

/** An issuer a signed-in person may work for in the console, and as what. */
export interface Workspace {
  readonly issuerId: string;
  readonly slug: string;
  readonly name: string;
  /** `owner` for the administrator on every issuer. */
  readonly role: MembershipRole;
}

/** What a signed-in person may do in the console. */
export interface StaffAccess {
  /** The verified address that made them staff (the first, for the administrator), for the history. */
  readonly email: string | null;
  readonly isAdmin: boolean;
  /** Every issuer they are a member of; for the administrator, every issuer. Sorted by name. */
  readonly workspaces: readonly Workspace[];
}

const ADMIN_ISSUER_LIMIT = 500;

/**
 * The console access of the person behind an account: issuer members are found by the verified
 * addresses of their account (a member is invited by email; whoever proves that address by the sign-in
 * link is that member), and an address in the configured administrator list makes them administrator.
 */
export async function staffAccessOf(context: PlatformContext, accountId: string): Promise<StaffAccess> {
  const addresses = await verifiedAddressesOf(context, accountId);
  const adminEmail = addresses.find((address) => context.adminEmails.includes(address));
  if (adminEmail !== undefined) {
    const issuers = await context.storage.issuers.list({ limit: ADMIN_ISSUER_LIMIT });
    return {
      email: adminEmail,
      isAdmin: true,
      workspaces: issuers
        .map((issuer) => ({
          issuerId: issuer.id,
          slug: issuer.slug,
          name: issuer.name,
          role: 'owner' as const,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }
  const workspaces = new Map<string, Workspace>();
  let memberEmail: string | null = null;
  for (const address of addresses) {
    const user = await context.storage.users.findByEmail({ email: address });
    if (user === null) continue;
    for (const membership of await context.storage.users.listMemberships({ userId: user.id })) {
      const issuer = await context.storage.issuers.findById({ id: membership.issuerId });
      if (issuer === null || workspaces.has(issuer.id)) continue;
      memberEmail ??= address;
      workspaces.set(issuer.id, {
        issuerId: issuer.id,
        slug: issuer.slug,
        name: issuer.name,
        role: membership.role,
      });
    }
  }
  return {
    email: memberEmail,
    isAdmin: false,
    workspaces: [...workspaces.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * The actor for one console request on the issuer `slug`: the administrator, or the member with their
 * role there. Someone who is not a member gets NOT_FOUND, as for an issuer that does not exist.
 */
export function consoleActor(access: StaffAccess, slug: string): { actor: Actor; workspace: Workspace } {
  const workspace = access.workspaces.find((candidate) => candidate.slug === slug);
  if (workspace === undefined) throw resourceNotFound('issuer');
  const label = access.email ?? undefined;
  const actor: Actor = access.isAdmin
    ? { kind: 'admin', ...(label === undefined ? {} : { label }) }
    : {
        kind: 'member',
        issuerId: workspace.issuerId,
        role: workspace.role,
        ...(label === undefined ? {} : { label }),
      };
  return { actor, workspace };
}

/** The administrator's actor for platform-wide console pages (creating issuers). */
export function consoleAdminActor(access: StaffAccess): Actor {
  if (!access.isAdmin) {
    throw new ServerError(ServerErrorCode.FORBIDDEN, 'only the platform administrator may do this');
  }
  return { kind: 'admin', ...(access.email === null ? {} : { label: access.email }) };
}
