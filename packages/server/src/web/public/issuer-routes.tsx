import type { Hono } from 'hono';
import { wantsPage } from '../shared/wants-html.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { AchievementPage, IssuerPage } from './issuer-pages.js';

/** `/issuers/{slug}` and, for browsers, `/achievements/{id}`: who issues, and what they award (and who endorses each). */
export function mountIssuerRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/achievements/:id', async (c, next) => {
    if (!wantsPage(c)) return next();
    const { achievement, issuer, earners, pathways } = await platform.achievements.viewPublic(
      c.req.param('id'),
    );
    const endorsements = await platform.endorsements.list({ achievementId: achievement.id });
    c.header('Vary', 'Accept');
    return c.html(
      <AchievementPage
        c={c}
        achievement={achievement}
        issuer={issuer}
        earners={earners}
        pathways={pathways}
        endorsements={endorsements}
        pageUrl={`${platform.publicUrl}/achievements/${achievement.id}`}
      />,
    );
  });

  web.get('/issuers/:slug', async (c) => {
    const { issuer, did, achievements } = await platform.issuers.viewPublic(c.req.param('slug'));
    const endorsements = await platform.endorsements.list({ issuerId: issuer.id });
    return c.html(
      <IssuerPage c={c} issuer={issuer} did={did} achievements={achievements} endorsements={endorsements} />,
    );
  });
}
