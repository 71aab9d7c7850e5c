import type { Hono } from 'hono';
import { type CatalogQueryInput, CatalogQuerySchema } from '../../domain/achievement/search-catalog.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { CataloguePage } from './catalogue-page.js';

const FIELDS = Object.keys(CatalogQuerySchema.shape) as (keyof CatalogQueryInput)[];

/**
 * `/achievements`: the public catalogue (the same search as `GET /api/v1/catalog`, `?endorsedBy=` included),
 * each card with who endorses it.
 */
export function mountCatalogueRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/achievements', async (c) => {
    // Empty fields are what a submitted form sends for "any": they filter nothing.
    const submitted = Object.fromEntries(
      FIELDS.map((name) => [name, (c.req.query(name) ?? '').trim()]),
    ) as Record<keyof CatalogQueryInput, string>;
    const query = Object.fromEntries(Object.entries(submitted).filter(([, value]) => value !== ''));
    const result = await platform.achievements.searchCatalog({ ...query, limit: 24 });
    // One query for the page's cards: each says who endorses it (endorsements in force only).
    const endorsements = await platform.endorsements.list({
      achievementIds: result.entries.map((entry) => entry.achievement.id),
    });
    return c.html(<CataloguePage c={c} query={submitted} result={result} endorsements={endorsements} />);
  });
}
