import type { Context, Hono } from 'hono';
import { analyticsCsv } from '../../../domain/analytics/analytics-csv.js';
import type { WebDeps, WebEnv } from '../../shared/web-env.js';
import { consoleWorkspace } from '../console-context.js';
import { type AnalyticsFilter, AnalyticsPage } from './analytics-page.js';

function filterOf(c: Context<WebEnv>): AnalyticsFilter {
  return {
    from: c.req.query('from')?.trim() ?? '',
    to: c.req.query('to')?.trim() ?? '',
    achievementId: c.req.query('achievement')?.trim() ?? '',
  };
}

/**
 * `/console/{slug}/analytics` (any member, through the same use case as `GET /api/v1/analytics`) and
 * `/console/{slug}/analytics.csv`, its counts as a download. The period picker is a plain GET form.
 */
export function mountConsoleAnalyticsRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  async function read(c: Context<WebEnv>) {
    const { actor, workspace } = consoleWorkspace(c);
    const filter = filterOf(c);
    const analytics = await platform.analytics.issuer(actor, {
      issuerId: workspace.issuerId,
      ...(filter.from === '' ? {} : { from: filter.from }),
      ...(filter.to === '' ? {} : { to: filter.to }),
      ...(filter.achievementId === '' ? {} : { achievementId: filter.achievementId }),
    });
    return { actor, workspace, filter, analytics };
  }

  web.get('/console/:slug/analytics', async (c) => {
    const { actor, workspace, filter, analytics } = await read(c);
    const achievements = await platform.achievements.list(actor, {
      issuerId: workspace.issuerId,
      limit: 500,
    });
    c.header('Cache-Control', 'no-store');
    return c.html(
      <AnalyticsPage
        c={c}
        workspace={workspace}
        analytics={analytics}
        achievements={achievements}
        filter={filter}
      />,
    );
  });

  web.get('/console/:slug/analytics.csv', async (c) => {
    const { workspace, analytics } = await read(c);
    const day = (date: Date | null) => (date === null ? 'all' : date.toISOString().slice(0, 10));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="${workspace.slug}-analytics-${day(analytics.from)}-${day(analytics.to)}.csv"`,
    );
    c.header('Cache-Control', 'no-store');
    return c.body(analyticsCsv(analytics));
  });
}
