import type { Hono } from 'hono';
import { requireEarner } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { ESCO_OCCUPATION, MAX_ROLE_QUERY, RolePage, RolesPage } from './roles-page.js';

/** `/account/roles`: the signed-in earner's own skill gap for an ESCO occupation (issue #13). */
export function mountRolesRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/account/roles', async (c) => {
    requireEarner(c);
    const q = (c.req.query('q') ?? '').trim();
    const occupations =
      q === '' || q.length > MAX_ROLE_QUERY ? [] : await platform.skills.searchOccupations({ q });
    return c.html(<RolesPage c={c} q={q} occupations={occupations} />);
  });

  web.get('/account/roles/:id', async (c) => {
    const earner = requireEarner(c);
    const gap = await platform.earners.roleGap(earner.id, `${ESCO_OCCUPATION}${c.req.param('id')}`);
    return c.html(<RolePage c={c} gap={gap} />);
  });
}
