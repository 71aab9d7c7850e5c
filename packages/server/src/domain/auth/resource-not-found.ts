import { ServerError, ServerErrorCode } from '../error/server-error.js';

/** What an API resource is called in a NOT_FOUND answer. */
export type ResourceKind =
  | 'issuer'
  | 'achievement'
  | 'credential'
  | 'bulk job'
  | 'pathway'
  | 'partnership'
  | 'API key'
  | 'member'
  | 'skill'
  | 'occupation'
  | 'employer'
  | 'candidate'
  | 'role'
  | 'employee'
  | 'invitation'
  | 'endorsement'
  | 'endorsement request'
  | 'verification';

/**
 * The NOT_FOUND answer for a `kind` of resource. The one builder both for an id that does not exist and
 * for one that belongs to another issuer (see `authorize`): the two answers cannot drift apart, so they
 * tell a key nothing about what exists elsewhere (ADVERSARIAL I12).
 */
export function resourceNotFound(kind: ResourceKind): ServerError {
  return new ServerError(ServerErrorCode.NOT_FOUND, `no such ${kind}`);
}
