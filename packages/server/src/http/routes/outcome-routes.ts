import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AchievementOutcomes } from '../../domain/outcomes/achievement-outcomes.js';
import type { Platform } from '../../domain/platform.js';
import { OUTCOMES } from '../../domain/ports/index.js';
import type { ApiEnv } from '../app-env.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import { BEARER_SECURITY, IdParamsSchema, jsonContent } from './common-schemas.js';

const OutcomeFigureSchema = z
  .object({
    outcome: z.enum(OUTCOMES),
    count: z.number().int().openapi({ description: 'Respondents who reported it in any wave.' }),
    share: z.number().openapi({ description: '`count / respondents`, 0 to 1.' }),
    interval: z
      .object({ lower: z.number(), upper: z.number() })
      .openapi({ description: 'The 95% Wilson score interval of `share`.' }),
  })
  .openapi('OutcomeFigure');

const AchievementOutcomesSchema = z
  .object({
    achievementId: z.uuid(),
    asked: z.number().int().openapi({ description: 'Distinct earners asked at least once.' }),
    respondents: z.number().int().openapi({ description: 'Distinct earners who answered at least once.' }),
    responseRate: z
      .number()
      .nullable()
      .openapi({ description: '`respondents / asked`; null when nobody was asked.' }),
    minRespondents: z.number().int().openapi({ example: 5 }),
    figures: z.array(OutcomeFigureSchema).nullable().openapi({
      description: 'Null, never partial, while fewer than `minRespondents` earners answered (k-anonymity).',
    }),
  })
  .openapi('AchievementOutcomes');

const getOutcomes = createRoute({
  method: 'get',
  path: '/achievements/{id}/outcomes',
  tags: ['Achievements'],
  summary: 'Career outcomes reported by an achievement’s earners',
  description:
    'Earners who consented are asked 3, 6 and 12 months after their credential whether they got a promotion, a new job, a raise, new responsibilities, or none. Shares are of respondents, with 95% Wilson intervals, and only from 5 respondents. Another issuer’s achievement answers 404.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(AchievementOutcomesSchema, 'The aggregated outcomes'),
    ...problemResponses(400, 401, 403, 404),
  },
});

function present(outcomes: AchievementOutcomes): z.infer<typeof AchievementOutcomesSchema> {
  return {
    ...outcomes,
    figures: outcomes.figures === null ? null : outcomes.figures.map((figure) => ({ ...figure })),
  };
}

/** `/achievements/{id}/outcomes`: the career outcomes survey, aggregated for the issuer. */
export function outcomeRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const router = createRouter<ApiEnv>();
  router.openapi(getOutcomes, async (c) => {
    const outcomes = await platform.outcomes.forAchievement(c.get('actor'), c.req.valid('param').id);
    return c.json(present(outcomes), 200);
  });
  return router;
}
