import type { Hono } from 'hono';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { HomePage } from './home-page.js';

/** `/`: the home page, with the issuers that list themselves publicly and the instance's figures. */
export function mountHomeRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/', async (c) => {
    const [issuers, figures] = await Promise.all([
      platform.issuers.listPublic({ limit: 50 }),
      platform.analytics.instance(),
    ]);
    return c.html(<HomePage c={c} issuers={issuers} figures={figures} />);
  });
}
