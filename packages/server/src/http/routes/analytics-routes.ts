import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { analyticsCsv } from '../../domain/analytics/analytics-csv.js';
import type { IssuerAnalytics } from '../../domain/analytics/issuer-analytics.js';
import { issuerScope } from '../../domain/auth/actor.js';
import type { Platform } from '../../domain/platform.js';
import type { ApiEnv } from '../app-env.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import { BEARER_SECURITY, isoOrNull, timestamp } from './common-schemas.js';

const count = z.number().int().min(0);

const ActivitySchema = {
  issued: count.openapi({ description: 'Credentials issued' }),
  claimed: count.openapi({ description: 'Credentials claimed (accepted) by their earner' }),
  views: count.openapi({ description: 'Credential page views, once per visitor per day, bots excluded' }),
  shares: count.openapi({ description: 'Share buttons used and embeds copied' }),
  linkedinAdds: count.openapi({ description: 'LinkedIn add-to-profile clicks' }),
  downloads: count.openapi({ description: 'Downloads, every format' }),
  verifications: count.openapi({ description: 'Verifications (page, VC API, batch), passed or not' }),
  revocations: count,
};

const AnalyticsSchema = z
  .object({
    issuerId: z.uuid(),
    achievementId: z.uuid().nullable(),
    from: timestamp.nullable().openapi({ description: 'Start of the period; null: since the first event' }),
    to: timestamp.nullable().openapi({ description: 'End of the period (exclusive); null: until now' }),
    ...ActivitySchema,
    uniqueRecipients: count.openapi({
      description: 'Distinct recipients of the credentials issued in the period',
    }),
    claimRate: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .openapi({ description: 'Of the credentials issued in the period, the share claimed by its end' }),
    medianSecondsToClaim: z.number().nullable(),
    sharesByChannel: z.record(z.string(), count),
    downloadsByFormat: z.record(z.string(), count),
    funnel: z.object({ issued: count, claimed: count, shared: count, verified: count }).openapi({
      description:
        'Of the credentials issued in the period, how many were claimed, shared (or added to LinkedIn) and verified by its end',
    }),
    bucket: z.enum(['day', 'week', 'month']),
    series: z.array(z.object({ start: timestamp, ...ActivitySchema })),
    topAchievements: z.array(z.object({ achievementId: z.uuid(), name: z.string(), ...ActivitySchema })),
  })
  .openapi('IssuerAnalytics');

const AnalyticsQuerySchema = z.object({
  issuerId: z
    .uuid()
    .optional()
    .openapi({ description: "The issuer (an issuer's key may leave it out: its own)" }),
  achievementId: z.uuid().optional().openapi({ description: 'Only this achievement' }),
  from: z.string().optional().openapi({
    description: 'A UTC day (YYYY-MM-DD, from its start) or an ISO 8601 date-time',
    example: '2026-01-01',
  }),
  to: z.string().optional().openapi({
    description: 'A UTC day (up to its end) or an ISO 8601 date-time (exclusive)',
    example: '2026-03-31',
  }),
  format: z.enum(['json', 'csv']).optional().openapi({ description: '`csv`: the same as /analytics.csv' }),
});

const CSV_CONTENT = {
  'text/csv': {
    schema: z.string().openapi({
      description:
        'RFC 4180 with a header line: period_start, achievement_id, issued, claimed, views, shares, linkedin_adds, downloads, verifications, revocations; one line per bucket and achievement',
    }),
  },
};

const getAnalytics = createRoute({
  method: 'get',
  path: '/analytics',
  tags: ['Analytics'],
  summary: "An issuer's analytics over a period (all time by default)",
  description:
    "Counts of what happened to the issuer's credentials in the period, what became of those issued in it (funnel, claim rate, median time to claim), a time series (days up to three months, weeks up to two years, months beyond) and the top achievements. Any member may read them; another issuer's answers 404.",
  security: BEARER_SECURITY,
  request: { query: AnalyticsQuerySchema },
  responses: {
    200: {
      description: 'The analytics (JSON, or CSV with `format=csv`)',
      content: { 'application/json': { schema: AnalyticsSchema }, ...CSV_CONTENT },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const getAnalyticsCsv = createRoute({
  method: 'get',
  path: '/analytics.csv',
  tags: ['Analytics'],
  summary: 'The counts under the analytics, as CSV',
  security: BEARER_SECURITY,
  request: { query: AnalyticsQuerySchema.omit({ format: true }) },
  responses: {
    200: { description: 'One line per bucket and achievement', content: CSV_CONTENT },
    ...problemResponses(400, 401, 403, 404),
  },
});

function presentAnalytics(analytics: IssuerAnalytics): z.infer<typeof AnalyticsSchema> {
  return {
    issuerId: analytics.issuerId,
    achievementId: analytics.achievementId,
    from: isoOrNull(analytics.from),
    to: isoOrNull(analytics.to),
    issued: analytics.issued,
    claimed: analytics.claimed,
    views: analytics.views,
    shares: analytics.shares,
    linkedinAdds: analytics.linkedinAdds,
    downloads: analytics.downloads,
    verifications: analytics.verifications,
    revocations: analytics.revocations,
    uniqueRecipients: analytics.uniqueRecipients,
    claimRate: analytics.claimRate,
    medianSecondsToClaim: analytics.medianSecondsToClaim,
    sharesByChannel: { ...analytics.sharesByChannel },
    downloadsByFormat: { ...analytics.downloadsByFormat },
    funnel: { ...analytics.funnel },
    bucket: analytics.bucket,
    series: analytics.series.map(({ start, ...activity }) => ({ start: start.toISOString(), ...activity })),
    topAchievements: analytics.topAchievements.map((top) => ({ ...top })),
  };
}

/** The CSV download, named after the period so two exports do not overwrite each other. */
export function csvResponse(c: Context, analytics: IssuerAnalytics): Response {
  const day = (date: Date | null) => (date === null ? 'all' : date.toISOString().slice(0, 10));
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header(
    'Content-Disposition',
    `attachment; filename="analytics-${day(analytics.from)}-${day(analytics.to)}.csv"`,
  );
  c.header('Cache-Control', 'no-store');
  return c.body(analyticsCsv(analytics), 200);
}

/** `/analytics` and `/analytics.csv`: an issuer's analytics for its members and the administrator. */
export function analyticsRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const router = createRouter<ApiEnv>();

  async function read(c: Context<ApiEnv>, query: Omit<z.infer<typeof AnalyticsQuerySchema>, 'format'>) {
    const actor = c.get('actor');
    const { issuerId, ...period } = query;
    return platform.analytics.issuer(actor, {
      ...period,
      // Left out by an issuer's key: its own issuer. The administrator must name one (a 400 otherwise).
      issuerId: issuerId ?? issuerScope(actor) ?? '',
    });
  }

  router.openapi(getAnalytics, async (c) => {
    const { format, ...query } = c.req.valid('query');
    const analytics = await read(c, query);
    if (format === 'csv') return csvResponse(c, analytics) as never;
    c.header('Cache-Control', 'no-store');
    return c.json(presentAnalytics(analytics), 200);
  });

  router.openapi(getAnalyticsCsv, async (c) => csvResponse(c, await read(c, c.req.valid('query'))) as never);

  return router;
}
