import type { Hono } from 'hono';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { mountAccountRoutes } from './account-routes.js';
import { mountClaimRoutes } from './claim-routes.js';
import { mountImportRoutes } from './import-routes.js';
import { mountPathwayRoutes } from './pathway-routes.js';
import { mountSettingsRoutes } from './settings-routes.js';
import { mountSkillsRoutes } from './skills-routes.js';

/** The earner's own pages: claiming, their credentials and imports, settings, their pathways. */
export function mountEarnerRoutes(web: Hono<WebEnv>, deps: WebDeps): void {
  mountClaimRoutes(web, deps);
  mountAccountRoutes(web, deps);
  mountImportRoutes(web, deps);
  mountSettingsRoutes(web, deps);
  mountSkillsRoutes(web, deps);
  mountPathwayRoutes(web, deps);
}
