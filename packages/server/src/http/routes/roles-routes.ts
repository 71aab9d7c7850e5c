import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '../../domain/platform.js';
import { RoleMatchSchema } from '../../domain/skills/match-role-skills.js';
import { SkillGapSchema } from '../../domain/skills/skill-gap.js';
import type { ApiEnv } from '../app-env.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import { BEARER_SECURITY, jsonBody, jsonContent } from './common-schemas.js';

const skillId = z.string().openapi({ description: 'The ESCO URI of the skill' });

const RoleMatchResultSchema = z
  .object({
    skills: z.array(
      z.object({
        id: skillId,
        label: z.string(),
        score: z
          .number()
          .openapi({ description: 'Relevance (BM25 over the labels); only the order is meaningful' }),
      }),
    ),
  })
  .openapi('RoleSkills');

const SkillGapResultSchema = z
  .object({
    have: z.array(
      z.object({
        id: skillId,
        label: z.string(),
        evidence: z
          .array(z.string())
          .openapi({ description: 'The credentials that prove it (ids on this platform, or of imports)' }),
      }),
    ),
    missing: z.array(z.object({ id: skillId, label: z.string() })),
    recommendations: z.array(
      z.object({
        achievementId: z.uuid(),
        name: z.string(),
        covers: z.array(z.string()).openapi({ description: 'The missing skills (ESCO URIs) it aligns to' }),
        hours: z.number().nullable(),
      }),
    ),
  })
  .openapi('SkillGap');

const matchRole = createRoute({
  method: 'post',
  path: '/roles/match',
  tags: ['Employers'],
  summary: 'The ESCO skills a job description speaks of (employer or administrator)',
  description:
    'Lexical matching of the text against the preferred and alternative labels of ESCO skills and knowledge ' +
    '(BM25, whole labels found as phrases weigh more), best first, at most 30, to review. English text; ' +
    'another language mostly finds nothing. At most 20,000 characters.',
  security: BEARER_SECURITY,
  request: { body: jsonBody(RoleMatchSchema.openapi('RoleMatchInput')) },
  responses: {
    200: jsonContent(RoleMatchResultSchema, 'The matching skills, best first'),
    ...problemResponses(400, 401, 403, 413, 415),
  },
});

const skillGap = createRoute({
  method: 'post',
  path: '/gap',
  tags: ['Employers'],
  summary:
    'The skills a person proves and lacks, and the micro-credentials that close the gap (administrator)',
  description:
    'Evidence comes from the verified, unexpired, unrevoked credentials of the earner account that verified ' +
    'the address. Recommendations are published achievements aligned to missing skills, those covering more ' +
    'first, then fewer hours.',
  security: BEARER_SECURITY,
  request: { body: jsonBody(SkillGapSchema.openapi('SkillGapInput')) },
  responses: {
    200: jsonContent(SkillGapResultSchema, 'What the person has, what is missing, what would close it'),
    ...problemResponses(400, 401, 403, 413, 415),
  },
});

/** `/roles/match` and `/gap`: a role's skills from its description, a person's gap against them. */
export function rolesRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const router = createRouter<ApiEnv>();
  router.openapi(matchRole, async (c) => {
    const matches = await platform.skills.matchRole(c.get('actor'), c.req.valid('json'));
    return c.json({ skills: matches.map(({ uri, label, score }) => ({ id: uri, label, score })) }, 200);
  });
  router.openapi(skillGap, async (c) => {
    const gap = await platform.skills.gap(c.get('actor'), c.req.valid('json'));
    return c.json(
      {
        have: gap.have.map((skill) => ({ id: skill.id, label: skill.label, evidence: [...skill.evidence] })),
        missing: gap.missing.map((skill) => ({ id: skill.id, label: skill.label })),
        recommendations: gap.recommendations.map((item) => ({
          achievementId: item.achievementId,
          name: item.name,
          covers: [...item.covers],
          hours: item.hours,
        })),
      },
      200,
    );
  });
  return router;
}
