import type { Hono } from 'hono';
import { etag } from 'hono/etag';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import { parsePhotoFile, photoResponse } from '../shared/photo-file.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { PublicPortfolioPage } from './portfolio-page.js';

/** `/u/{handle}`: an earner's public portfolio, and the photo in its header. */
export function mountPortfolioRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/u/:handle', async (c) => {
    const portfolio = await platform.earners.publicPortfolio(c.req.param('handle'));
    return c.html(
      <PublicPortfolioPage
        c={c}
        portfolio={portfolio}
        pageUrl={`${platform.publicUrl}/u/${portfolio.earner.handle}`}
        now={platform.now()}
      />,
    );
  });

  // A new photo has a new address, so each may be cached for good; a photo replaced or removed, or whose
  // portfolio is no longer public, answers 404 (caches that kept it keep only what was public).
  web.use('/u/:handle/photo/:file', etag());
  web.get('/u/:handle/photo/:file', async (c) => {
    const photo = parsePhotoFile(c.req.param('file'));
    if (photo === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such photo');
    const bytes = await platform.earners.publicPhotoBytes(c.req.param('handle'), photo);
    return photoResponse(c, bytes, photo, 'public, max-age=31536000, immutable');
  });
}
