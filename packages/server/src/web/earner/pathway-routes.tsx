import type { Context, Hono } from 'hono';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { Platform } from '../../domain/platform.js';
import type { PathwayWithVersion } from '../../domain/ports/index.js';
import { readForm, requireEarner } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { PathwayPage, PathwaysPage } from './pathway-pages.js';

function achievementNames(platform: Platform, pathway: PathwayWithVersion): Promise<Map<string, string>> {
  return platform.achievements.names([
    ...pathway.version.requiredAchievementIds,
    ...pathway.version.milestoneAchievementIds,
  ]);
}

/** The pathway pages are the earner's own: progress reveals every credential, public or not. */
function ownerOf(c: Context<WebEnv>, handle: string) {
  const earner = requireEarner(c);
  if (earner.handle !== handle.toLowerCase())
    throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such page');
  return earner;
}

/** Issue #5's learner view: the pathways an earner is on, and each one's progress diagram. */
export function mountPathwayRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/u/:handle/pathways', async (c) => {
    const earner = ownerOf(c, c.req.param('handle'));
    const [mine, all] = await Promise.all([
      platform.earners.pathways(earner.id),
      platform.earners.followablePathways(),
    ]);
    return c.html(<PathwaysPage c={c} handle={c.req.param('handle')} mine={mine} all={all} />);
  });

  web.get('/u/:handle/pathways/:id', async (c) => {
    const earner = ownerOf(c, c.req.param('handle'));
    const item = await platform.earners.pathway(earner.id, c.req.param('id'));
    const names = await achievementNames(platform, item.pathway);
    return c.html(<PathwayPage c={c} handle={c.req.param('handle')} item={item} names={names} />);
  });

  for (const action of ['follow', 'unfollow'] as const) {
    web.post(`/account/pathways/:id/${action}`, async (c) => {
      const earner = requireEarner(c);
      await readForm(c);
      const id = c.req.param('id');
      await platform.pathways.document(null, id);
      if (action === 'follow') await platform.earners.follow(earner.id, id);
      else await platform.earners.unfollow(earner.id, id);
      return c.redirect(earner.handle === null ? '/account' : `/u/${earner.handle}/pathways/${id}`, 303);
    });
  }
}
