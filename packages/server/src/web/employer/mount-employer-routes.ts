import type { Hono } from 'hono';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { mountEndorsementRequestRoutes } from './endorsement-request-routes.js';
import { mountEndorsementRoutes } from './endorsement-routes.js';
import { mountEmployerHomeRoutes } from './home-routes.js';
import { mountRoleRoutes } from './role-routes.js';
import { mountSavedRoleRoutes } from './saved-role-routes.js';
import { mountTalentRoutes } from './talent-routes.js';
import { mountTeamRoutes } from './team-routes.js';
import { mountWorkforceRoutes } from './workforce-routes.js';

/**
 * The employer workspace, for employers' staff and the administrator: every page is under
 * `/employer/{slug}` and acts through the same use cases as the API, with the member's role there
 * (see employer-context.ts).
 */
export function mountEmployerRoutes(web: Hono<WebEnv>, deps: WebDeps): void {
  mountEmployerHomeRoutes(web, deps);
  mountRoleRoutes(web, deps);
  mountTalentRoutes(web, deps);
  mountSavedRoleRoutes(web, deps);
  mountWorkforceRoutes(web, deps);
  mountEndorsementRoutes(web, deps);
  mountEndorsementRequestRoutes(web, deps);
  mountTeamRoutes(web, deps);
}
