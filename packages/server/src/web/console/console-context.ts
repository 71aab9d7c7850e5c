import type { Context } from 'hono';
import type { Actor } from '../../domain/auth/actor.js';
import { consoleActor, type StaffAccess, type Workspace } from '../../domain/auth/staff-access.js';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { WebEnv } from '../shared/web-env.js';

/** The signed-in person's console access, or a redirect to sign in. */
export function requireStaff(c: Context<WebEnv>): StaffAccess {
  const staff = c.get('staff');
  if (c.get('earner') === null || staff === null) {
    throw new ServerError(ServerErrorCode.UNAUTHORIZED, 'sign in to continue');
  }
  return staff;
}

/**
 * The issuer of a `/console/{slug}/…` page and who acts on it: every console action goes through the
 * same use cases (and role checks) as the API, with this actor. Not a member: NOT_FOUND.
 */
export function consoleWorkspace(c: Context<WebEnv>): {
  readonly actor: Actor;
  readonly workspace: Workspace;
} {
  return consoleActor(requireStaff(c), c.req.param('slug') ?? '');
}

/** Where a console page of `workspace` lives. */
export function consolePath(workspace: Pick<Workspace, 'slug'>, rest = ''): string {
  return `/console/${workspace.slug}${rest}`;
}
