import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { EmployerRole, MembershipRole } from '../ports/index.js';
import { type ResourceKind, resourceNotFound } from './resource-not-found.js';

/**
 * Who is asking: the platform administrator, or a member of one issuer — an API key, or a person signed
 * in to the console. `label` names them in a credential's history ("ana@uni.example", "API key CI").
 */
export type Actor =
  | {
      readonly kind: 'admin';
      readonly apiKeyId?: string;
      readonly scopes?: readonly string[];
      readonly label?: string;
    }
  | {
      readonly kind: 'member';
      readonly issuerId: string;
      readonly role: MembershipRole;
      readonly label?: string;
      readonly apiKeyId?: string;
      /** When set, the only API scopes this key may use (see api-scopes.ts); unset: all its role allows. */
      readonly scopes?: readonly string[];
    }
  | {
      /** Staff of an employer (or its API key): reads consenting candidates, never an issuer's records. */
      readonly kind: 'employer';
      readonly employerId: string;
      readonly role: EmployerRole;
      readonly label?: string;
      readonly apiKeyId?: string;
    };

const RANK: Record<MembershipRole, number> = { viewer: 0, issuer: 1, owner: 2 };

/**
 * Throws unless `actor` may act on `issuerId` with at least `role`. Another issuer's resources answer
 * NOT_FOUND, not FORBIDDEN, so that a key cannot probe which ids exist elsewhere (ADVERSARIAL I12): the
 * same answer as for an id that does not exist (`notFound` names the resource, see `resourceNotFound`).
 */
export function authorize(
  actor: Actor,
  issuerId: string,
  role: MembershipRole,
  options: { readonly notFound: ResourceKind },
): void {
  if (actor.kind === 'admin') return;
  // An employer has no issuer: every issuer's resources are, to it, resources that do not exist.
  if (actor.kind === 'employer' || actor.issuerId !== issuerId) throw resourceNotFound(options.notFound);
  if (RANK[actor.role] < RANK[role]) {
    throw new ServerError(
      ServerErrorCode.FORBIDDEN,
      `the role ${actor.role} may not do this; it needs ${role}`,
    );
  }
}

/** How a credential's history names who acted. */
export function actorLabel(actor: Actor): string {
  if (actor.label !== undefined) return actor.label;
  if (actor.kind === 'admin') return 'administrator';
  return actor.kind === 'employer' ? `${actor.role} of an employer` : `${actor.role} of the issuer`;
}

/**
 * Whose issuer records a listing may show: a member's own issuer, every issuer (null) for the
 * administrator. An employer has none: listing issuers' credentials, achievements or pathways is refused.
 */
export function issuerScope(actor: Actor): string | null {
  if (actor.kind === 'member') return actor.issuerId;
  if (actor.kind === 'admin') return null;
  throw new ServerError(ServerErrorCode.FORBIDDEN, "an employer has no access to issuers' records");
}

export function requireAdmin(actor: Actor): void {
  if (actor.kind !== 'admin')
    throw new ServerError(ServerErrorCode.FORBIDDEN, 'only the platform administrator may do this');
}
