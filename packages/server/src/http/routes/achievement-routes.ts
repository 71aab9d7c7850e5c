import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '../../domain/platform.js';
import type { ApiEnv } from '../app-env.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import {
  AchievementCreateSchema,
  AchievementQuerySchema,
  AchievementSchema,
  AchievementUpdateSchema,
  presentAchievement,
} from './achievement-schemas.js';
import { BEARER_SECURITY, IdParamsSchema, jsonBody, jsonContent } from './common-schemas.js';

const listAchievements = createRoute({
  method: 'get',
  path: '/achievements',
  tags: ['Achievements'],
  summary: 'List achievements',
  description: "An issuer API key sees its own issuer's achievements, drafts included.",
  security: BEARER_SECURITY,
  request: { query: AchievementQuerySchema },
  responses: {
    200: jsonContent(z.array(AchievementSchema), 'The achievements, newest first'),
    ...problemResponses(400, 401),
  },
});

const createAchievement = createRoute({
  method: 'post',
  path: '/achievements',
  tags: ['Achievements'],
  summary: 'Define an achievement (issuer role)',
  description:
    'Published at once (its OB 3.0 document is public at `url`) unless the body says `"status": "draft"`.',
  security: BEARER_SECURITY,
  request: { body: jsonBody(AchievementCreateSchema) },
  responses: {
    201: jsonContent(AchievementSchema, 'The new achievement'),
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const getAchievement = createRoute({
  method: 'get',
  path: '/achievements/{id}',
  tags: ['Achievements'],
  summary: 'Get an achievement',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: { 200: jsonContent(AchievementSchema, 'The achievement'), ...problemResponses(400, 401, 404) },
});

const updateAchievement = createRoute({
  method: 'patch',
  path: '/achievements/{id}',
  tags: ['Achievements'],
  summary: 'Edit, publish or archive an achievement (issuer role)',
  description:
    'Fields left out stay as they are. Credentials already issued keep the achievement they were signed with.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(AchievementUpdateSchema) },
  responses: {
    200: jsonContent(AchievementSchema, 'The updated achievement'),
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

/** `/achievements`: micro-credential definitions. */
export function achievementRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const router = createRouter<ApiEnv>();

  router.openapi(listAchievements, async (c) => {
    const achievements = await platform.achievements.list(c.get('actor'), c.req.valid('query'));
    return c.json(achievements.map(presentAchievement), 200);
  });

  router.openapi(createAchievement, async (c) => {
    const achievement = await platform.achievements.create(c.get('actor'), c.req.valid('json'));
    return c.json(presentAchievement(achievement), 201);
  });

  router.openapi(getAchievement, async (c) => {
    const achievement = await platform.achievements.get(c.get('actor'), c.req.valid('param').id);
    return c.json(presentAchievement(achievement), 200);
  });

  router.openapi(updateAchievement, async (c) => {
    const { id } = c.req.valid('param');
    const achievement = await platform.achievements.update(c.get('actor'), id, c.req.valid('json'));
    return c.json(presentAchievement(achievement), 200);
  });

  return router;
}
