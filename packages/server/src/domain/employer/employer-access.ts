import type { Actor } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { verifiedAddressesOf } from '../identity/verified-addresses.js';
import type { PlatformContext } from '../platform-context.js';
import type { EmployerRole } from '../ports/index.js';

/** An employer a signed-in person may work for, and as what. */
export interface EmployerWorkspace {
  readonly employerId: string;
  readonly slug: string;
  readonly name: string;
  /** `owner` for the administrator on every employer. */
  readonly role: EmployerRole;
  /** The verified address that makes them staff here (the administrator's, for the administrator). */
  readonly email: string;
}

export interface EmployerAccess {
  /** The verified address that made them staff, to name them in what they do. */
  readonly email: string | null;
  readonly isAdmin: boolean;
  /** Sorted by name. */
  readonly workspaces: readonly EmployerWorkspace[];
}

const ADMIN_EMPLOYER_LIMIT = 500;
const RANK: Record<EmployerRole, number> = { viewer: 0, recruiter: 1, owner: 2 };

/**
 * The employer workspaces of the person behind an account, found as issuer staff are: by the verified
 * addresses of the account (whoever proves the invited address is that member); an administrator
 * address reaches every employer.
 */
export async function employerAccessOf(context: PlatformContext, accountId: string): Promise<EmployerAccess> {
  const addresses = await verifiedAddressesOf(context, accountId);
  const adminEmail = addresses.find((address) => context.adminEmails.includes(address));
  if (adminEmail !== undefined) {
    const employers = await context.storage.employers.list({ limit: ADMIN_EMPLOYER_LIMIT });
    return {
      email: adminEmail,
      isAdmin: true,
      workspaces: employers.map((employer) => ({
        employerId: employer.id,
        slug: employer.slug,
        name: employer.name,
        role: 'owner' as const,
        email: adminEmail,
      })),
    };
  }
  const memberships = await context.storage.employers.listMembershipsOf({ emails: addresses });
  const workspaces = new Map<string, EmployerWorkspace>();
  for (const membership of memberships) {
    if (workspaces.has(membership.employerId)) continue;
    const employer = await context.storage.employers.findById({ id: membership.employerId });
    if (employer === null) continue;
    workspaces.set(employer.id, {
      employerId: employer.id,
      slug: employer.slug,
      name: employer.name,
      role: membership.role,
      email: membership.email,
    });
  }
  return {
    email: memberships[0]?.email ?? null,
    isAdmin: false,
    workspaces: [...workspaces.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * The actor for one request on the employer `slug`: the administrator (acting as that employer's owner,
 * so that search sees what the employer's own staff would), or the member with their role there. Someone
 * who is not a member gets NOT_FOUND, as for an employer that does not exist.
 */
export function employerActor(
  access: EmployerAccess,
  slug: string,
): { readonly actor: Actor; readonly workspace: EmployerWorkspace } {
  const workspace = access.workspaces.find((candidate) => candidate.slug === slug);
  if (workspace === undefined) throw resourceNotFound('employer');
  return {
    actor: {
      kind: 'employer',
      employerId: workspace.employerId,
      role: workspace.role,
      label: workspace.email,
    },
    workspace,
  };
}

/**
 * Throws unless `actor` may act for `employerId` with at least `role`. Another employer's resources, and
 * every employer resource for an issuer's actor, answer NOT_FOUND: an employer's roles and candidates are
 * nobody else's business.
 */
export function authorizeEmployer(actor: Actor, employerId: string, role: EmployerRole): void {
  if (actor.kind === 'admin') return;
  if (actor.kind !== 'employer' || actor.employerId !== employerId) throw resourceNotFound('employer');
  if (RANK[actor.role] < RANK[role]) {
    throw new ServerError(
      ServerErrorCode.FORBIDDEN,
      `the role ${actor.role} may not do this; it needs ${role}`,
    );
  }
}

/** The employer whose consents a search reads: the actor's own; none for the administrator (directory only). */
export function searchingEmployer(actor: Actor): string | null {
  if (actor.kind === 'employer') return actor.employerId;
  if (actor.kind === 'admin') return null;
  throw new ServerError(ServerErrorCode.FORBIDDEN, 'only employers and the administrator search talent');
}
