import type { Hono } from 'hono';
import { wantsHtml } from '../shared/wants-html.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { EndorsementPage } from './endorsement-pages.js';

/**
 * `/endorsements/{id}` for browsers (anyone else gets the signed JSON at the same URL, from the API), and
 * `/endorsements/{id}/endorsement.json`, the same document for a browser's link.
 */
export function mountEndorsementRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/endorsements/:id', async (c, next) => {
    if (!wantsHtml(c)) return next();
    const endorsement = await platform.endorsements.get(c.req.param('id'));
    return c.html(<EndorsementPage c={c} endorsement={endorsement} />);
  });

  web.get('/endorsements/:id/endorsement.json', async (c) => {
    const endorsement = await platform.endorsements.get(c.req.param('id'));
    return c.body(JSON.stringify(endorsement.document, null, 2), 200, {
      'Content-Type': 'application/vc+ld+json',
    });
  });
}
