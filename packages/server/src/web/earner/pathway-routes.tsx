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

/** Where an earner's own pathway pages live, public handle or not (a notification mail links here). */
const OWN_PATHWAYS = '/account/pathways';

/** The pathway pages are the earner's own: progress reveals every credential, public or not. */
function ownerOf(c: Context<WebEnv>, handle: string) {
  const earner = requireEarner(c);
  if (earner.handle !== handle.toLowerCase())
    throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such page');
  return earner;
}

/**
 * Issue #5's learner view: the pathways an earner is on, and each one's progress diagram. Each page
 * answers at `/account/pathways` for every signed-in earner and, for one with a public handle, at
 * `/u/{handle}/pathways` too (still theirs alone: a visitor gets the same 404 as for no such page).
 */
export function mountPathwayRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  const showList = async (c: Context<WebEnv>, earnerId: string, base: string) => {
    const [mine, all] = await Promise.all([
      platform.earners.pathways(earnerId),
      platform.earners.followablePathways(),
    ]);
    return c.html(<PathwaysPage c={c} base={base} mine={mine} all={all} />);
  };
  const showOne = async (c: Context<WebEnv>, earnerId: string, base: string) => {
    const item = await platform.earners.pathway(earnerId, c.req.param('id') ?? '');
    const names = await achievementNames(platform, item.pathway);
    return c.html(<PathwayPage c={c} base={base} item={item} names={names} />);
  };

  web.get(OWN_PATHWAYS, (c) => showList(c, requireEarner(c).id, OWN_PATHWAYS));
  web.get(`${OWN_PATHWAYS}/:id`, (c) => showOne(c, requireEarner(c).id, OWN_PATHWAYS));

  web.get('/u/:handle/pathways', (c) => {
    const handle = c.req.param('handle');
    return showList(c, ownerOf(c, handle).id, `/u/${handle}/pathways`);
  });
  web.get('/u/:handle/pathways/:id', (c) => {
    const handle = c.req.param('handle');
    return showOne(c, ownerOf(c, handle).id, `/u/${handle}/pathways`);
  });

  for (const action of ['follow', 'unfollow'] as const) {
    web.post(`${OWN_PATHWAYS}/:id/${action}`, async (c) => {
      const earner = requireEarner(c);
      await readForm(c);
      const id = c.req.param('id');
      await platform.pathways.document(null, id);
      if (action === 'follow') await platform.earners.follow(earner.id, id);
      else await platform.earners.unfollow(earner.id, id);
      return c.redirect(`${OWN_PATHWAYS}/${id}`, 303);
    });
  }
}
