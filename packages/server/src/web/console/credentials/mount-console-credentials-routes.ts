import type { Hono } from 'hono';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { mountCredentialRoutes } from './credentials-routes.js';
import { mountIssueRoutes } from './issue-routes.js';

/** The console's issuing to one recipient (`/issue`) and its credentials (`/credentials`). */
export function mountConsoleCredentialsRoutes(web: Hono<WebEnv>, deps: WebDeps): void {
  mountIssueRoutes(web, deps);
  mountCredentialRoutes(web, deps);
}
