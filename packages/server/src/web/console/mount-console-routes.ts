import type { Hono } from 'hono';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { mountConsoleAchievementRoutes } from './achievements/achievement-routes.js';
import { mountAdminRoutes } from './admin-routes.js';
import { mountAdminTrustRoutes } from './admin-trust-routes.js';
import { mountConsoleAnalyticsRoutes } from './analytics/analytics-routes.js';
import { mountConsoleBulkRoutes } from './bulk/bulk-routes.js';
import { mountConsoleCredentialsRoutes } from './credentials/mount-console-credentials-routes.js';
import { mountDashboardRoutes } from './dashboard-routes.js';
import { mountConsoleEndorsementRequestRoutes } from './endorsement-requests/endorsement-request-routes.js';
import { mountConsoleEndorsementRoutes } from './endorsements/endorsement-routes.js';
import { mountConsoleOrganisationRoutes } from './organisation/mount-organisation-routes.js';
import { mountConsolePathwayRoutes } from './pathways/pathway-routes.js';

/**
 * The issuer console, for issuer staff: every page is under `/console/{slug}` and acts through the same
 * use cases as the API, with the signed-in member's role there (see console-context.ts).
 */
export function mountConsoleRoutes(web: Hono<WebEnv>, deps: WebDeps): void {
  // Fixed paths first: `/console/admin/…` must not be read as an issuer's slug.
  mountAdminRoutes(web, deps);
  mountAdminTrustRoutes(web, deps);
  mountDashboardRoutes(web, deps);
  mountConsoleAchievementRoutes(web, deps);
  mountConsoleBulkRoutes(web, deps);
  mountConsoleCredentialsRoutes(web, deps);
  mountConsoleOrganisationRoutes(web, deps);
  mountConsolePathwayRoutes(web, deps);
  mountConsoleEndorsementRequestRoutes(web, deps);
  mountConsoleEndorsementRoutes(web, deps);
  mountConsoleAnalyticsRoutes(web, deps);
}
