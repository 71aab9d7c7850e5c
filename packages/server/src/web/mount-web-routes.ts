import { Hono, type MiddlewareHandler } from 'hono';
import type { PublicEnv } from '../edge/public-env.js';
import { mountConsoleRoutes } from './console/mount-console-routes.js';
import { mountEarnerRoutes } from './earner/mount-earner-routes.js';
import { mountEmployerRoutes } from './employer/mount-employer-routes.js';
import { mountPublicRoutes } from './public/mount-public-routes.js';
import { mountSessionRoutes } from './session/mount-session-routes.js';
import { mountAssetRoutes } from './shared/asset-routes.js';
import { renderWebError } from './shared/render-web-error.js';
import { wantsHtml, wantsPage } from './shared/wants-html.js';
import { webContext } from './shared/web-context.js';
import type { WebDeps, WebEnv } from './shared/web-env.js';

/** Paths whose every answer is a page (the negotiated ones, /credentials/{id}, /achievements/{id} and /endorsements/{id}, are added per request). */
const PAGE_PATHS = [
  '/',
  '/signin',
  '/signin/*',
  '/signout',
  '/claim/*',
  '/account',
  '/account/*',
  '/u/*',
  '/verify',
  '/verify/*',
  '/verifications/*',
  '/achievements',
  '/skills/*',
  '/imported/*',
  '/issuers/:slug',
  '/dev/*',
  '/notifications/*',
  '/outcomes/*',
  '/console',
  '/console/*',
  '/employer',
  '/employer/*',
  '/privacy',
];

/** A portfolio's share card and header photo: images anyone may fetch, the same for everyone. */
const PUBLIC_IMAGE = /^\/u\/[^/]+\/(?:share-card\.png|photo\/[^/]+)$/;

/**
 * The web pages, every audience's (see README.md): server-rendered, the one script only enhances. Each
 * page request gets its language, session and form token first, and a page for an error.
 */
export function mountWebRoutes(app: Hono<PublicEnv>, deps: WebDeps): void {
  const web = new Hono<WebEnv>();
  const context = webContext(deps.platform, deps.options);
  // Before any route: a middleware registered after a route's handler would never run for it. Share
  // cards and photos under /u/* are public images: no session and no cookies on a cacheable answer.
  const page: MiddlewareHandler<WebEnv> = async (c, next) =>
    PUBLIC_IMAGE.test(c.req.path) ? next() : context(c, next);
  for (const path of PAGE_PATHS) web.use(path, page);
  const negotiated: MiddlewareHandler<WebEnv> = async (c, next) => (wantsHtml(c) ? context(c, next) : next());
  // Pages people share: crawlers and `*/*` get the page (see wantsPage).
  const shared: MiddlewareHandler<WebEnv> = async (c, next) => (wantsPage(c) ? context(c, next) : next());
  web.use('/credentials/:id', shared);
  web.use('/achievements/:id', shared);
  web.use('/endorsements/:id', negotiated);
  web.use('/endorsements/:id/endorsement.json', context);
  web.use('/credentials/:id/download/*', context);
  web.onError((error, c) => renderWebError(c, error));

  mountAssetRoutes(web);
  mountSessionRoutes(web, deps);
  mountPublicRoutes(web, deps);
  mountEarnerRoutes(web, deps);
  mountConsoleRoutes(web, deps);
  mountEmployerRoutes(web, deps);
  app.route('/', web);
}
