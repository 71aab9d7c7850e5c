import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { Actor } from './actor.js';

/** What a scope is about; each has a `:read` and a `:write` scope. */
export const API_SCOPE_AREAS = ['issuers', 'achievements', 'credentials', 'bulk', 'pathways'] as const;
export type ApiScopeArea = (typeof API_SCOPE_AREAS)[number];
export type ApiScope = `${ApiScopeArea}:${'read' | 'write'}`;
export const API_SCOPES: readonly ApiScope[] = API_SCOPE_AREAS.flatMap(
  (area) => [`${area}:read`, `${area}:write`] as const,
);

const AREA_OF_SEGMENT: Readonly<Record<string, ApiScopeArea>> = {
  issuers: 'issuers',
  achievements: 'achievements',
  credentials: 'credentials',
  'bulk-jobs': 'bulk',
  pathways: 'pathways',
  partnerships: 'pathways',
  verifications: 'credentials',
  'verification-jobs': 'credentials',
  // The event feed tells what happened to credentials.
  events: 'credentials',
  // Analytics count what happened to credentials.
  analytics: 'credentials',
  'analytics.csv': 'credentials',
};

// Verifying reads credentials, whatever the method: a key that may read credentials may verify them.
const READING_SEGMENTS: ReadonlySet<string> = new Set(['verifications', 'verification-jobs']);

/**
 * The scope a request needs: its area from the first path segment (`/api/v1/credentials/…`, or the VC API's
 * `/credentials/issue`), `read` for GET and HEAD and `write` for anything else.
 */
export function requiredScope(options: { path: string; method: string }): ApiScope {
  const segment =
    options.path
      .replace(/^\/api\/v1/, '')
      .split('/')
      .find((part) => part !== '') ?? '';
  const area = AREA_OF_SEGMENT[segment] ?? 'issuers';
  const reads = options.method === 'GET' || options.method === 'HEAD' || READING_SEGMENTS.has(segment);
  return `${area}:${reads ? 'read' : 'write'}`;
}

/**
 * Scopes narrow what a key's role allows (a CI key that may only issue: `credentials:write`); a key without
 * scopes may do all its role allows. They never widen a role: the use cases still check it.
 */
export function assertScope(actor: Actor, scope: ApiScope): void {
  // Employer keys have no scopes: their role reaches only the employer routes, which check it.
  if (actor.kind === 'employer' || actor.scopes === undefined || actor.scopes.includes(scope)) return;
  throw new ServerError(
    ServerErrorCode.FORBIDDEN,
    `this API key's scopes (${actor.scopes.join(', ')}) do not include ${scope}`,
  );
}
