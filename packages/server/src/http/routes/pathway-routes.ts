import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Platform } from '../../domain/platform.js';
import { PathwaySchema, presentPathway } from '../../presenters/present-pathway.js';
import { ProgressSchema, presentProgress } from '../../presenters/present-progress.js';
import type { ApiEnv } from '../app-env.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import { BEARER_SECURITY, IdParamsSchema, jsonBody, jsonContent } from './common-schemas.js';
import {
  ClrRequestBodySchema,
  IssuedClrSchema,
  PathwayCreateSchema,
  PathwayImportSchema,
  PathwayQuerySchema,
  PathwayUpdateSchema,
  ProgressQuerySchema,
} from './pathway-schemas.js';

const TAG = 'Pathways';
const anyJson = z.record(z.string(), z.unknown());

const listPathways = createRoute({
  method: 'get',
  path: '/pathways',
  tags: [TAG],
  summary: 'List pathways, with the achievements each requires',
  description: "An issuer API key sees its own issuer's pathways, drafts included.",
  security: BEARER_SECURITY,
  request: { query: PathwayQuerySchema },
  responses: {
    200: jsonContent(z.array(PathwaySchema), 'The pathways, newest first'),
    ...problemResponses(400, 401),
  },
});

const createPathway = createRoute({
  method: 'post',
  path: '/pathways',
  tags: [TAG],
  summary: 'Define a stackable pathway (issuer role)',
  description:
    'A tree of requirements over achievements whose completion earns `completionAchievementId` automatically. ' +
    'Published at once unless `"status": "draft"`. Refused with the offending node path when the tree has a ' +
    'cycle, an n-of with n above its children, an unknown achievement (400), or an unpublished achievement, or ' +
    "another issuer's without a partnership (409).",
  security: BEARER_SECURITY,
  request: { body: jsonBody(PathwayCreateSchema) },
  responses: {
    201: jsonContent(PathwaySchema, 'The new pathway'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const getPathway = createRoute({
  method: 'get',
  path: '/pathways/{id}',
  tags: [TAG],
  summary: 'Get a pathway',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: { 200: jsonContent(PathwaySchema, 'The pathway'), ...problemResponses(400, 401, 404) },
});

const updatePathway = createRoute({
  method: 'patch',
  path: '/pathways/{id}',
  tags: [TAG],
  summary: 'Edit a pathway (issuer role): a published one gets a new version',
  description:
    'A draft changes in place. A new `requirement` for a published pathway becomes a new version: new earners ' +
    'follow it, earners who started on an earlier version keep theirs unless the new one is no stricter for ' +
    'them (they are at least as far along on it). Send `expectedVersion` to refuse the edit (409) when another ' +
    'came first. The completion achievement of a published pathway cannot change.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(PathwayUpdateSchema) },
  responses: {
    200: jsonContent(PathwaySchema, 'The pathway'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const publishPathway = createRoute({
  method: 'post',
  path: '/pathways/{id}/publish',
  tags: [TAG],
  summary: 'Publish a draft pathway (issuer role)',
  description: 'Every achievement it names must be published. Earners who already qualify are awarded.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: { 200: jsonContent(PathwaySchema, 'The pathway'), ...problemResponses(400, 401, 403, 404, 409) },
});

const exportPathway = createRoute({
  method: 'get',
  path: '/pathways/{id}/export',
  tags: [TAG],
  summary: 'Export a pathway as its portable document',
  description:
    'The same JSON a published pathway serves at its `url`: the completion Achievement and every achievement it ' +
    'names, CLR 2.0 Associations between them, and the exact `requirement` with achievements by URL.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: { 200: jsonContent(anyJson, 'The pathway document'), ...problemResponses(400, 401, 404) },
});

const importPathway = createRoute({
  method: 'post',
  path: '/pathways/import',
  tags: [TAG],
  summary: 'Import a pathway document (issuer role)',
  description:
    "Every achievement URL must be one of this platform's achievements; the import is refused naming each URL " +
    'that is not. A document with only Associations becomes all of the achievements its completion isParentOf.',
  security: BEARER_SECURITY,
  request: { body: jsonBody(PathwayImportSchema) },
  responses: {
    201: jsonContent(PathwaySchema, 'The new pathway'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const getProgress = createRoute({
  method: 'get',
  path: '/pathways/{id}/progress',
  tags: [TAG],
  summary: "An earner's progress on a pathway",
  description:
    'Per requirement node: met or not, percent, what is missing and which achievement would complete it, on ' +
    'the version the earner is held to; with the stacked credentials awarded. Revoked, suspended and expired ' +
    'credentials do not count.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, query: ProgressQuerySchema },
  responses: { 200: jsonContent(ProgressSchema, 'The progress'), ...problemResponses(400, 401, 404) },
});

const issueClr = createRoute({
  method: 'post',
  path: '/pathways/{id}/clr',
  tags: [TAG],
  summary: 'Issue a CLR 2.0 credential for a completed pathway (issuer role)',
  description:
    "A signed ClrCredential, published by the pathway's issuer, bundling the stacked credential and every " +
    'credential it was awarded for (each with its own proof), with the pathway as `achievement[]` and ' +
    '`association[]`. 409 when the earner holds no standing completion credential.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(ClrRequestBodySchema) },
  responses: {
    201: jsonContent(IssuedClrSchema, 'The signed CLR'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

/** `/pathways`: stackable pathways, earners' progress, CLRs. */
export function pathwayRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const publicUrl = platform.publicUrl;
  const router = createRouter<ApiEnv>();

  router.openapi(listPathways, async (c) => {
    const found = await platform.pathways.list(c.get('actor'), c.req.valid('query'));
    return c.json(
      found.map((item) => presentPathway(publicUrl, item)),
      200,
    );
  });

  router.openapi(createPathway, async (c) => {
    const created = await platform.pathways.create(c.get('actor'), c.req.valid('json'));
    return c.json(presentPathway(publicUrl, created), 201);
  });

  router.openapi(importPathway, async (c) => {
    const created = await platform.pathways.import(c.get('actor'), c.req.valid('json'));
    return c.json(presentPathway(publicUrl, created), 201);
  });

  router.openapi(getPathway, async (c) => {
    const found = await platform.pathways.get(c.get('actor'), c.req.valid('param').id);
    return c.json(presentPathway(publicUrl, found), 200);
  });

  router.openapi(updatePathway, async (c) => {
    const updated = await platform.pathways.update(
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json') as Parameters<Platform['pathways']['update']>[2],
    );
    return c.json(presentPathway(publicUrl, updated), 200);
  });

  router.openapi(publishPathway, async (c) => {
    const published = await platform.pathways.publish(c.get('actor'), c.req.valid('param').id);
    return c.json(presentPathway(publicUrl, published), 200);
  });

  router.openapi(exportPathway, async (c) =>
    c.json(await platform.pathways.document(c.get('actor'), c.req.valid('param').id), 200),
  );

  router.openapi(getProgress, async (c) => {
    const progress = await platform.pathways.progress(
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('query'),
    );
    return c.json(presentProgress(progress), 200);
  });

  router.openapi(issueClr, async (c) => {
    const issued = await platform.pathways.issueClr(
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ credential: issued.credential, partial: !issued.complete }, 201);
  });

  return router;
}
