import type { Context } from 'hono';
import type { Actor } from '../../domain/auth/actor.js';
import {
  type EmployerAccess,
  type EmployerWorkspace,
  employerActor,
} from '../../domain/employer/employer-access.js';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { WebEnv } from '../shared/web-env.js';

/** The signed-in person's employer workspaces, or a redirect to sign in. */
export function requireEmployerAccess(c: Context<WebEnv>): EmployerAccess {
  const access = c.get('employer');
  if (c.get('earner') === null || access === null) {
    throw new ServerError(ServerErrorCode.UNAUTHORIZED, 'sign in to continue');
  }
  return access;
}

/**
 * The employer of an `/employer/{slug}/…` page and who acts on it: every action goes through the same use
 * cases (and role checks) as the API, with this actor. Not a member: NOT_FOUND.
 */
export function employerWorkspace(c: Context<WebEnv>): {
  readonly actor: Actor;
  readonly workspace: EmployerWorkspace;
} {
  return employerActor(requireEmployerAccess(c), c.req.param('slug') ?? '');
}

/** Where a workspace page of `workspace` lives. */
export function employerPath(workspace: Pick<EmployerWorkspace, 'slug'>, rest = ''): string {
  return `/employer/${workspace.slug}${rest}`;
}
