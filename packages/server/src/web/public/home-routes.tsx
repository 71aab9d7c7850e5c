import type { Hono } from 'hono';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { HomePage } from './home-page.js';

/** `/`: the home page, with the issuers that list themselves publicly. */
export function mountHomeRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/', async (c) => {
    const issuers = await platform.issuers.listPublic({ limit: 50 });
    return c.html(<HomePage c={c} issuers={issuers} />);
  });
}
