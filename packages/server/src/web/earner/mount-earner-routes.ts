import type { Hono } from 'hono';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { mountAccountRoutes } from './account-routes.js';
import { mountBackpackRoutes } from './backpack-routes.js';
import { mountClaimRoutes } from './claim-routes.js';
import { mountConnectedAppsRoutes } from './connected-apps-routes.js';
import { mountImportRoutes } from './import-routes.js';
import { mountOutcomeSurveyRoutes } from './outcome-survey-section.js';
import { mountPathwayRoutes } from './pathway-routes.js';
import { mountPhotoRoutes } from './photo-routes.js';
import { mountRolesRoutes } from './roles-routes.js';
import { mountSettingsRoutes } from './settings-routes.js';
import { mountSharingRoutes } from './sharing-routes.js';
import { mountSkillsRoutes } from './skills-routes.js';
import { mountWalletRoutes } from './wallet-routes.js';
import { mountWorkforceRoutes } from './workforce-routes.js';

/**
 * The earner's own pages: claiming, their credentials and imports, settings, the apps connected through
 * the OB 3.0 API, skills, roles, sharing (with employers' workforce invitations), pathways.
 */
export function mountEarnerRoutes(web: Hono<WebEnv>, deps: WebDeps): void {
  mountClaimRoutes(web, deps);
  mountAccountRoutes(web, deps);
  mountOutcomeSurveyRoutes(web, deps);
  mountImportRoutes(web, deps);
  mountSettingsRoutes(web, deps);
  mountConnectedAppsRoutes(web, deps);
  mountBackpackRoutes(web, deps);
  mountPhotoRoutes(web, deps);
  mountSkillsRoutes(web, deps);
  mountRolesRoutes(web, deps);
  mountSharingRoutes(web, deps);
  mountWorkforceRoutes(web, deps);
  mountPathwayRoutes(web, deps);
  mountWalletRoutes(web, deps);
}
