import type { Hono } from 'hono';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { SkillPage } from './skill-page.js';

const ESCO_SKILL = 'http://data.europa.eu/esco/skill/';

/** `/skills/{id}`: the public page of an ESCO skill (`id` is the last segment of its URI). */
export function mountSkillRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/skills/:id', async (c) => {
    const uri = `${ESCO_SKILL}${c.req.param('id')}`;
    const view = await platform.skills.view(uri);
    const found = await platform.achievements.searchCatalog({ skill: uri, limit: 50 });
    const broaderPage =
      view.broader?.uri.startsWith(ESCO_SKILL) === true
        ? `/skills/${view.broader.uri.slice(ESCO_SKILL.length)}`
        : null;
    return c.html(<SkillPage c={c} view={view} achievements={found.entries} broaderPage={broaderPage} />);
  });
}
