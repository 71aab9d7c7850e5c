import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { EmployerInputSchema, EmployerMemberInputSchema } from '../../domain/employer/manage-employers.js';
import type { Platform } from '../../domain/platform.js';
import {
  type ApiKey,
  EMPLOYER_ROLES,
  type Employer,
  type EmployerMember,
  type TalentProof,
} from '../../domain/ports/index.js';
import type { CandidateIdentity, TalentCandidate } from '../../domain/talent/search-talent.js';
import type { ApiEnv } from '../app-env.js';
import { createRouter } from '../create-router.js';
import { problemResponses } from '../problem/problem-details.js';
import {
  BEARER_SECURITY,
  IdParamsSchema,
  isoOrNull,
  jsonBody,
  jsonContent,
  timestamp,
} from './common-schemas.js';

const EmployerSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    website: z.string().nullable(),
    createdAt: timestamp,
  })
  .openapi('Employer');

const EmployerMemberSchema = z
  .object({ email: z.email(), role: z.enum(EMPLOYER_ROLES), since: timestamp })
  .openapi('EmployerMember');

const EmployerApiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
  })
  .openapi('EmployerApiKey');

const uriList = (description: string) =>
  z
    .string()
    .max(20_000)
    .optional()
    .openapi({ description: `${description}, comma-separated` });

const TalentQuerySchema = z.object({
  skills: z
    .string()
    .min(1)
    .max(20_000)
    .openapi({ description: 'The role’s essential skills (ESCO URIs, weight 2), comma-separated' }),
  optional: uriList('More skills of the role that weigh less (ESCO URIs, weight 1)'),
  required: uriList('Skills every candidate must prove (among the above)'),
  issuer: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Only credentials from an issuer whose name contains this' }),
  since: z.iso.date().optional().openapi({ description: 'Only credentials issued on or after this date' }),
  location: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'Only candidates whose location contains this' }),
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: '1–100, default 20' }),
  offset: z.coerce.number().int().min(0).max(10_000).optional(),
});

export const ProofSchema = z.object({
  credentialId: z.uuid().openapi({ description: 'A credential issued on this platform, or an import' }),
  kind: z.enum(['issued', 'imported']),
  achievement: z.string(),
  issuer: z.string(),
  issuerVetted: z.boolean().openapi({ description: 'Whether the platform has verified the issuer' }),
  issuedAt: timestamp,
});

const IdentitySchema = {
  id: z.uuid().openapi({ description: 'The candidate (the earner account); stable' }),
  reference: z
    .string()
    .openapi({ description: 'A short reference for this employer, shown when the name is not' }),
  name: z.string().nullable().openapi({ description: 'Null unless the candidate chose to show it' }),
  contact: z.email().nullable().openapi({ description: 'Null unless the candidate chose to show it' }),
  location: z.string().nullable(),
};

export const TalentResultSchema = z
  .object({
    total: z.number().int(),
    candidates: z.array(
      z.object({
        ...IdentitySchema,
        score: z.number().openapi({ description: 'The sum of the weights of the skills proven' }),
        coverage: z.object({
          matched: z.number().int(),
          asked: z.number().int(),
          essentialMatched: z.number().int(),
          essentialAsked: z.number().int(),
        }),
        matched: z.array(
          z.object({
            id: z.string().openapi({ description: 'The ESCO URI' }),
            label: z.string(),
            essential: z.boolean(),
            credentialIds: z.array(z.uuid()).openapi({ description: 'The credentials that prove it' }),
            evidence: z.array(ProofSchema),
          }),
        ),
      }),
    ),
  })
  .openapi('TalentResult');

export const CandidateSchema = z
  .object({
    ...IdentitySchema,
    have: z.array(z.object({ id: z.string(), label: z.string(), credentialIds: z.array(z.uuid()) })),
    missing: z.array(z.object({ id: z.string(), label: z.string() })),
    recommendations: z.array(
      z.object({
        achievementId: z.uuid(),
        name: z.string(),
        covers: z.array(z.string()),
        hours: z.number().nullable(),
      }),
    ),
    pathways: z.array(
      z.object({
        pathwayId: z.uuid(),
        name: z.string(),
        covers: z.array(z.string()),
        hours: z.number().nullable(),
      }),
    ),
  })
  .openapi('Candidate');

const searchTalent = createRoute({
  method: 'get',
  path: '/talent',
  tags: ['Employers'],
  summary: 'Candidates ranked by the verified skills they prove (employer or administrator)',
  description:
    'Only earners who consented (to this employer, or to the public talent directory; the administrator ' +
    'sees the directory only), only the credentials their consent shows, only verified, unexpired, ' +
    'unrevoked and unsuspended ones. Each match names the credentials that prove it.',
  security: BEARER_SECURITY,
  request: { query: TalentQuerySchema },
  responses: {
    200: jsonContent(TalentResultSchema, 'The candidates, best first'),
    ...problemResponses(400, 401, 403),
  },
});

const viewCandidate = createRoute({
  method: 'get',
  path: '/talent/{id}',
  tags: ['Employers'],
  summary:
    'One candidate’s proven and missing skills for a role, and the micro-credentials that close the gap',
  security: BEARER_SECURITY,
  request: {
    params: IdParamsSchema,
    query: z.object({ skills: TalentQuerySchema.shape.skills }),
  },
  responses: {
    200: jsonContent(CandidateSchema, 'The candidate and their gap'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const listEmployers = createRoute({
  method: 'get',
  path: '/employers',
  tags: ['Employers'],
  summary: 'Every employer (administrator)',
  security: BEARER_SECURITY,
  responses: { 200: jsonContent(z.array(EmployerSchema), 'The employers'), ...problemResponses(401, 403) },
});

const createEmployer = createRoute({
  method: 'post',
  path: '/employers',
  tags: ['Employers'],
  summary: 'Register an employer and invite its first owner by mail (administrator)',
  security: BEARER_SECURITY,
  request: { body: jsonBody(EmployerInputSchema.openapi('EmployerInput')) },
  responses: {
    201: jsonContent(EmployerSchema, 'The employer'),
    ...problemResponses(400, 401, 403, 409, 413, 415),
  },
});

const listMembers = createRoute({
  method: 'get',
  path: '/employers/{id}/members',
  tags: ['Employers'],
  summary: 'The people who work for an employer',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(z.array(EmployerMemberSchema), 'The members'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const putMember = createRoute({
  method: 'put',
  path: '/employers/{id}/members',
  tags: ['Employers'],
  summary: 'Invite a person to an employer by email, or change their role (owner)',
  security: BEARER_SECURITY,
  request: {
    params: IdParamsSchema,
    body: jsonBody(EmployerMemberInputSchema.openapi('EmployerMemberInput')),
  },
  responses: {
    200: jsonContent(EmployerMemberSchema, 'The member'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

const removeMember = createRoute({
  method: 'delete',
  path: '/employers/{id}/members/{email}',
  tags: ['Employers'],
  summary: 'Remove a person from an employer (owner); the last owner stays',
  security: BEARER_SECURITY,
  request: {
    params: IdParamsSchema.extend({ email: z.email().openapi({ param: { name: 'email', in: 'path' } }) }),
  },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404, 409) },
});

const listKeys = createRoute({
  method: 'get',
  path: '/employers/{id}/api-keys',
  tags: ['Employers'],
  summary: 'An employer’s API keys (owner); secrets are never shown again',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(z.array(EmployerApiKeySchema), 'The keys'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const createKey = createRoute({
  method: 'post',
  path: '/employers/{id}/api-keys',
  tags: ['Employers'],
  summary: 'Create an employer API key (owner): talent search and role matching; the token is shown once',
  security: BEARER_SECURITY,
  request: {
    params: IdParamsSchema,
    body: jsonBody(z.object({ name: z.string().min(1).max(200) }).openapi('EmployerApiKeyInput')),
  },
  responses: {
    201: jsonContent(
      z.object({ apiKey: EmployerApiKeySchema, token: z.string() }).openapi('CreatedEmployerApiKey'),
      'The key and its token (shown only now)',
    ),
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const revokeKey = createRoute({
  method: 'delete',
  path: '/employers/{id}/api-keys/{keyId}',
  tags: ['Employers'],
  summary: 'Revoke an employer API key (owner)',
  security: BEARER_SECURITY,
  request: {
    params: IdParamsSchema.extend({ keyId: z.uuid().openapi({ param: { name: 'keyId', in: 'path' } }) }),
  },
  responses: { 204: { description: 'Revoked' }, ...problemResponses(400, 401, 403, 404) },
});

function uris(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((uri) => uri.trim())
    .filter((uri) => uri !== '');
}

function presentEmployer(employer: Employer) {
  return { ...employer, createdAt: employer.createdAt.toISOString() };
}

function presentMember(member: EmployerMember) {
  return { email: member.email, role: member.role, since: member.createdAt.toISOString() };
}

/** Field by field: the stored hash of the secret never leaves the server. */
function presentKey(key: Omit<ApiKey, 'hash'>) {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: isoOrNull(key.lastUsedAt),
    revokedAt: isoOrNull(key.revokedAt),
  };
}

function presentIdentity(candidate: CandidateIdentity) {
  return {
    id: candidate.earnerId,
    reference: candidate.reference,
    name: candidate.name,
    contact: candidate.contact,
    location: candidate.location,
  };
}

export function presentProof(proof: TalentProof) {
  return {
    credentialId: proof.credentialId,
    kind: proof.credentialKind,
    achievement: proof.achievementName,
    issuer: proof.issuerName,
    issuerVetted: proof.issuerVetted,
    issuedAt: proof.issuedAt.toISOString(),
  };
}

export function presentCandidate(candidate: TalentCandidate) {
  return {
    ...presentIdentity(candidate),
    score: candidate.score,
    coverage: candidate.coverage,
    matched: candidate.matched.map(({ skill, proofs }) => ({
      id: skill.id,
      label: skill.label,
      essential: skill.essential,
      credentialIds: proofs.map((proof) => proof.credentialId),
      evidence: proofs.map(presentProof),
    })),
  };
}

/** `/talent` and `/employers…`: talent search for employers, and employers' staff and keys. */
export function employerRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const router = createRouter<ApiEnv>();
  router.openapi(searchTalent, async (c) => {
    const query = c.req.valid('query');
    const result = await platform.talent.search(c.get('actor'), {
      skills: [
        ...uris(query.skills).map((id) => ({ id, essential: true })),
        ...uris(query.optional).map((id) => ({ id, essential: false })),
      ],
      ...(query.required === undefined ? {} : { required: uris(query.required) }),
      ...(query.issuer === undefined ? {} : { issuer: query.issuer }),
      ...(query.since === undefined ? {} : { since: query.since }),
      ...(query.location === undefined ? {} : { location: query.location }),
      ...(query.limit === undefined ? {} : { limit: query.limit }),
      ...(query.offset === undefined ? {} : { offset: query.offset }),
    });
    return c.json({ total: result.total, candidates: result.candidates.map(presentCandidate) }, 200);
  });
  router.openapi(viewCandidate, async (c) => {
    const candidate = await platform.talent.candidate(c.get('actor'), c.req.valid('param').id, {
      skills: uris(c.req.valid('query').skills),
    });
    const { gap } = candidate;
    return c.json(
      {
        ...presentIdentity(candidate),
        have: gap.have.map((skill) => ({
          id: skill.id,
          label: skill.label,
          credentialIds: skill.evidence.map((evidence) => evidence.id),
        })),
        missing: gap.missing.map((skill) => ({ id: skill.id, label: skill.label })),
        recommendations: gap.recommendations.map((item) => ({
          achievementId: item.achievementId,
          name: item.name,
          covers: [...item.covers],
          hours: item.hours,
        })),
        pathways: gap.pathways.map((item) => ({
          pathwayId: item.pathwayId,
          name: item.name,
          covers: [...item.covers],
          hours: item.hours,
        })),
      },
      200,
    );
  });
  router.openapi(listEmployers, async (c) =>
    c.json((await platform.employers.list(c.get('actor'))).map(presentEmployer), 200),
  );
  router.openapi(createEmployer, async (c) =>
    c.json(presentEmployer(await platform.employers.create(c.get('actor'), c.req.valid('json'))), 201),
  );
  router.openapi(listMembers, async (c) =>
    c.json(
      (await platform.employers.members(c.get('actor'), c.req.valid('param').id)).map(presentMember),
      200,
    ),
  );
  router.openapi(putMember, async (c) =>
    c.json(
      presentMember(
        await platform.employers.invite(c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
      ),
      200,
    ),
  );
  router.openapi(removeMember, async (c) => {
    const { id, email } = c.req.valid('param');
    await platform.employers.removeMember(c.get('actor'), id, email);
    return c.body(null, 204);
  });
  router.openapi(listKeys, async (c) => {
    const keys = await platform.employers.apiKeys(c.get('actor'), c.req.valid('param').id);
    return c.json(keys.map(presentKey), 200);
  });
  router.openapi(createKey, async (c) => {
    const { apiKey, token } = await platform.employers.createApiKey(
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ apiKey: presentKey(apiKey), token }, 201);
  });
  router.openapi(revokeKey, async (c) => {
    const { id, keyId } = c.req.valid('param');
    await platform.employers.revokeApiKey(c.get('actor'), id, keyId);
    return c.body(null, 204);
  });
  return router;
}
