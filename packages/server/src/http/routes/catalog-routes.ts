import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { CatalogQuerySchema } from '../../domain/achievement/search-catalog.js';
import type { Platform } from '../../domain/platform.js';
import { DELIVERY_MODES } from '../../domain/ports/index.js';
import { SkillSearchSchema } from '../../domain/skills/manage-skills.js';
import type { PublicEnv } from '../../edge/public-env.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import { jsonContent } from './common-schemas.js';

/** Paths under the API prefix that answer without a token. */
export const PUBLIC_API_PATHS: readonly string[] = ['/catalog', '/skills'];

const CatalogEntrySchema = z
  .object({
    id: z.uuid(),
    url: z.url().openapi({ description: 'The public OB 3.0 Achievement document and page' }),
    name: z.string(),
    description: z.string(),
    achievementType: z.string(),
    skills: z.array(
      z.object({ name: z.string(), url: z.string().optional(), framework: z.string().optional() }),
    ),
    tags: z.array(z.string()),
    level: z.string().nullable(),
    hours: z.number().nullable(),
    credits: z.number().nullable(),
    deliveryMode: z.enum(DELIVERY_MODES).nullable(),
    industry: z.string().nullable(),
    language: z.string().nullable(),
    issuer: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  })
  .openapi('CatalogEntry');

const CatalogSchema = z
  .object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    achievements: z.array(CatalogEntrySchema),
  })
  .openapi('Catalog');

const searchCatalog = createRoute({
  method: 'get',
  path: '/catalog',
  tags: ['Catalogue'],
  summary: 'Search the public catalogue of published achievements (no token)',
  description:
    '`q` finds words (prefixes too) in the name, description, skills and tags, best match first; the other ' +
    'parameters filter: `skill` (a framework URL or a skill name), `level`, `deliveryMode`, `industry`, ' +
    '`issuer` (slug), `minHours`, `maxHours`, `endorsedBy` (an issuer’s or an employer’s id: what it endorses, ' +
    'endorsements in force only).',
  request: { query: CatalogQuerySchema },
  responses: { 200: jsonContent(CatalogSchema, 'One page of matches'), ...problemResponses(400) },
});

const SkillSchema = z
  .object({
    id: z
      .string()
      .openapi({ description: 'The skill’s URI in its framework (an ESCO URI): align achievements to it' }),
    label: z.string(),
    kind: z.enum(['skill', 'knowledge']),
    altLabels: z.array(z.string()),
    description: z.string().nullable(),
    occupations: z.number().int().openapi({ description: 'How many of the framework’s occupations need it' }),
    page: z.url().openapi({ description: 'Its public page on this platform' }),
  })
  .openapi('Skill');

const searchSkills = createRoute({
  method: 'get',
  path: '/skills',
  tags: ['Catalogue'],
  summary: 'Find skills of the ESCO framework by label (no token)',
  description:
    'Skills and knowledge whose preferred or alternative label contains `q`, exact and prefix matches first. ' +
    'This service uses the ESCO classification of the European Commission (ESCO v1.1.1, CC BY 4.0).',
  request: { query: SkillSearchSchema },
  responses: {
    200: jsonContent(
      z.object({ skills: z.array(SkillSchema), attribution: z.string() }).openapi('SkillSearch'),
      'The best matches first',
    ),
    ...problemResponses(400),
  },
});

/** The public page of a framework skill: ESCO URIs end with the id the page is named by. */
export function skillPageUrl(publicUrl: string, uri: string): string {
  return `${publicUrl}/skills/${encodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1))}`;
}

/** The public part of `/api/v1`: mounted before bearer authentication. */
export function catalogRoutes(options: { readonly platform: Platform }): OpenAPIHono<PublicEnv> {
  const { platform } = options;
  const router = createRouter<PublicEnv>();
  router.openapi(searchCatalog, async (c) => {
    const result = await platform.achievements.searchCatalog(c.req.valid('query'));
    return c.json(
      {
        total: result.total,
        limit: result.limit,
        offset: result.offset,
        achievements: result.entries.map(({ achievement, issuer }) => ({
          id: achievement.id,
          url: String(achievement.document.id),
          name: achievement.name,
          description: String(achievement.document.description ?? ''),
          achievementType: achievement.achievementType,
          skills: achievement.skills.map((skill) => ({
            name: skill.name,
            ...(skill.url === undefined ? {} : { url: skill.url }),
            ...(skill.framework === undefined ? {} : { framework: skill.framework }),
          })),
          tags: [...achievement.tags],
          level: achievement.level,
          hours: achievement.hours,
          credits: achievement.credits,
          deliveryMode: achievement.deliveryMode,
          industry: achievement.industry,
          language: achievement.language,
          issuer,
        })),
      },
      200,
    );
  });
  router.openapi(searchSkills, async (c) => {
    const skills = await platform.skills.search(c.req.valid('query'));
    const framework = await platform.skills.framework('esco');
    return c.json(
      {
        skills: skills.map((skill) => ({
          id: skill.uri,
          label: skill.label,
          kind: skill.kind === 'knowledge' ? ('knowledge' as const) : ('skill' as const),
          altLabels: [...skill.altLabels],
          description: skill.description,
          occupations: skill.occupationCount,
          page: skillPageUrl(platform.publicUrl, skill.uri),
        })),
        attribution: framework?.attribution ?? '',
      },
      200,
    );
  });
  return router;
}
