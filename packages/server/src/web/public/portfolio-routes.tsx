import type { Hono } from 'hono';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { PublicPortfolioPage } from './portfolio-page.js';

/** `/u/{handle}`: an earner's public portfolio. */
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
}
