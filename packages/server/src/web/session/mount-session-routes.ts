import type { Hono } from 'hono';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { mountSignInRoutes } from './sign-in-routes.js';

/**
 * Signing in and out: one door for everyone with an account (earners today; issuer staff when the
 * console arrives), so that no audience owns it.
 */
export function mountSessionRoutes(web: Hono<WebEnv>, deps: WebDeps): void {
  mountSignInRoutes(web, deps);
}
