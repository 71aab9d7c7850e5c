import type { Hono } from 'hono';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { mountApiKeyRoutes } from './api-key-routes.js';
import { mountDomainRoutes } from './domain-routes.js';
import { mountMemberRoutes } from './member-routes.js';
import { mountProfileRoutes } from './profile-routes.js';
import { mountSigningKeyRoutes } from './signing-key-routes.js';
import { mountWebhookRoutes } from './webhook-routes.js';

/**
 * `/console/{slug}/organisation/…`: the issuer's profile and branding, members, API keys and signing keys.
 * Every change goes through the same use cases as the API, which allow it to owners only.
 */
export function mountConsoleOrganisationRoutes(web: Hono<WebEnv>, deps: WebDeps): void {
  mountProfileRoutes(web, deps);
  mountMemberRoutes(web, deps);
  mountApiKeyRoutes(web, deps);
  mountSigningKeyRoutes(web, deps);
  mountDomainRoutes(web, deps);
  mountWebhookRoutes(web, deps);
}
