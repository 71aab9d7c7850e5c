import type { Hono } from 'hono';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { mountCatalogueRoutes } from './catalogue-routes.js';
import { mountCredentialRoutes } from './credential-routes.js';
import { mountDownloadRoutes } from './download-routes.js';
import { mountEndorsementRoutes } from './endorsement-routes.js';
import { mountHomeRoutes } from './home-routes.js';
import { mountIssuerRoutes } from './issuer-routes.js';
import { mountMailboxRoutes } from './mailbox-routes.js';
import { mountOutcomeAnswerRoutes } from './outcome-answer-routes.js';
import { mountPortfolioRoutes } from './portfolio-routes.js';
import { mountPrivacyRoutes } from './privacy-routes.js';
import { mountShareCardRoutes } from './share-card-routes.js';
import { mountSharedVerificationRoutes } from './shared-verification-routes.js';
import { mountSkillRoutes } from './skill-routes.js';
import { mountUnsubscribeRoutes } from './unsubscribe-routes.js';
import { mountVerifyRoutes } from './verify-routes.js';

/** The pages anyone may open, signed in or not: what is public, and the checks anyone may run. */
export function mountPublicRoutes(web: Hono<WebEnv>, deps: WebDeps): void {
  mountHomeRoutes(web, deps);
  mountCredentialRoutes(web, deps);
  mountDownloadRoutes(web, deps);
  mountVerifyRoutes(web, deps);
  mountSharedVerificationRoutes(web, deps);
  mountCatalogueRoutes(web, deps);
  mountSkillRoutes(web, deps);
  mountIssuerRoutes(web, deps);
  mountEndorsementRoutes(web, deps);
  mountPortfolioRoutes(web, deps);
  mountShareCardRoutes(web, deps);
  mountMailboxRoutes(web, deps);
  mountUnsubscribeRoutes(web, deps);
  mountOutcomeAnswerRoutes(web, deps);
  mountPrivacyRoutes(web, deps);
}
