import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { SavedRoleInputSchema } from '../../domain/employer/saved-roles.js';
import type { Platform } from '../../domain/platform.js';
import type { SavedRole } from '../../domain/ports/index.js';
import type { TalentCandidate } from '../../domain/talent/search-talent.js';
import {
  EmployeeInvitesSchema,
  EmployeeTeamSchema,
  type EmployeeView,
} from '../../domain/workforce/employees.js';
import type { WorkforceInventory } from '../../domain/workforce/inventory.js';
import { negotiateMediaType } from '../../edge/negotiate-media-type.js';
import { inventoryCsv } from '../../presenters/inventory-csv.js';
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
import {
  CandidateSchema,
  ProofSchema,
  presentCandidate,
  presentProof,
  TalentResultSchema,
} from './employer-routes.js';

const CSV_TYPE = 'text/csv';

const pathId = (name: string) => z.uuid().openapi({ param: { name, in: 'path' } });
const RoleParamsSchema = IdParamsSchema.extend({ roleId: pathId('roleId') });
const EmployeeParamsSchema = IdParamsSchema.extend({ employeeId: pathId('employeeId') });

const team = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .optional()
  .openapi({ description: 'Only the employees of this team' });

const SavedRoleBody = SavedRoleInputSchema.openapi('SavedRoleInput');

const SavedRoleSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    occupationUri: z.string().nullable().openapi({ description: 'The ESCO occupation it started from' }),
    skills: z.array(
      z.object({
        id: z.string().openapi({ description: 'The ESCO URI' }),
        label: z.string(),
        essential: z.boolean(),
        weight: z
          .number()
          .openapi({ description: 'Its weight in a ranking (essential 2, optional 1 by default)' }),
        required: z.boolean().openapi({ description: 'Candidates must prove it' }),
      }),
    ),
    createdBy: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('SavedRole');

const EmployeeSchema = z
  .object({
    id: z.uuid(),
    email: z.email(),
    team: z.string().nullable(),
    status: z.enum(['invited', 'connected', 'declined']).openapi({
      description: '`connected` while the earner shares their credentials with this employer',
    }),
    name: z.string().nullable().openapi({ description: 'The earner’s display name, once connected' }),
    invitedBy: z.string().nullable(),
    invitedAt: timestamp,
    connectedAt: timestamp.nullable(),
    declinedAt: timestamp.nullable(),
  })
  .openapi('Employee');

const InternalCandidatesSchema = z
  .object({
    total: TalentResultSchema.shape.total,
    candidates: z.array(
      TalentResultSchema.shape.candidates.element.extend({
        team: z.string().nullable().openapi({ description: 'Their team, as the employer filed them' }),
      }),
    ),
  })
  .openapi('InternalCandidates');

const InventorySchema = z
  .object({
    teams: z.array(z.string()).openapi({ description: 'Every team named among the employees' }),
    team: z.string().nullable(),
    role: SavedRoleSchema.nullable(),
    skills: z
      .array(
        z.object({
          id: z.string().openapi({ description: 'The ESCO URI' }),
          label: z.string(),
          holders: z.number().int().openapi({ description: 'How many of the people shown prove it' }),
          role: z
            .object({ essential: z.boolean(), required: z.boolean(), weight: z.number() })
            .nullable()
            .openapi({ description: 'How the role asks for it; null without a role' }),
        }),
      )
      .openapi({
        description: 'The columns: the role’s skills, or without a role the 60 skills most people hold',
      }),
    people: z.array(
      z.object({
        employeeId: z.uuid(),
        email: z.email(),
        name: z.string().nullable(),
        team: z.string().nullable(),
        status: EmployeeSchema.shape.status,
        roleCoverage: z
          .object({
            essentialHeld: z.number().int(),
            essentialAsked: z.number().int(),
            held: z.number().int(),
            asked: z.number().int(),
          })
          .nullable(),
        skills: z
          .array(z.object({ id: z.string(), proofs: z.array(ProofSchema) }))
          .openapi({ description: 'Of the columns, those they prove, with the credentials (newest first)' }),
      }),
    ),
    notConnected: z.number().int().openapi({ description: 'Invited and not connected: counted, never read' }),
    gap: z
      .object({
        uncovered: z.array(z.object({ id: z.string(), label: z.string() })),
        recommendations: CandidateSchema.shape.recommendations,
        pathways: CandidateSchema.shape.pathways,
      })
      .nullable()
      .openapi({ description: 'With a role: its skills nobody shown proves, and what would close them' }),
  })
  .openapi('WorkforceInventory');

const listRoles = createRoute({
  method: 'get',
  path: '/employers/{id}/roles',
  tags: ['Employers'],
  summary: 'An employer’s saved roles, by title',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(z.array(SavedRoleSchema), 'The saved roles'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const createRole = createRoute({
  method: 'post',
  path: '/employers/{id}/roles',
  tags: ['Employers'],
  summary: 'Save a reviewed role: its ESCO skills and how each weighs (recruiter or owner)',
  description:
    'Every skill must be an ESCO skill or knowledge URI, and `occupationUri` an ESCO occupation, or the ' +
    'answer is 400. A skill named twice keeps its first entry.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(SavedRoleBody) },
  responses: {
    201: jsonContent(SavedRoleSchema, 'The saved role'),
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const getRole = createRoute({
  method: 'get',
  path: '/employers/{id}/roles/{roleId}',
  tags: ['Employers'],
  summary: 'One saved role',
  security: BEARER_SECURITY,
  request: { params: RoleParamsSchema },
  responses: { 200: jsonContent(SavedRoleSchema, 'The role'), ...problemResponses(400, 401, 403, 404) },
});

const updateRole = createRoute({
  method: 'put',
  path: '/employers/{id}/roles/{roleId}',
  tags: ['Employers'],
  summary: 'Replace a saved role (recruiter or owner)',
  security: BEARER_SECURITY,
  request: { params: RoleParamsSchema, body: jsonBody(SavedRoleBody) },
  responses: {
    200: jsonContent(SavedRoleSchema, 'The role'),
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const deleteRole = createRoute({
  method: 'delete',
  path: '/employers/{id}/roles/{roleId}',
  tags: ['Employers'],
  summary: 'Delete a saved role (recruiter or owner)',
  security: BEARER_SECURITY,
  request: { params: RoleParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404) },
});

const roleCandidates = createRoute({
  method: 'get',
  path: '/employers/{id}/roles/{roleId}/candidates',
  tags: ['Employers'],
  summary: 'Internal candidates for a saved role: the connected employees, ranked as talent search ranks',
  description:
    'Only employees connected to this employer, only the credentials each connection shows, valid now; ' +
    'the role’s required skills must all be proven. Nobody from the public talent directory.',
  security: BEARER_SECURITY,
  request: {
    params: RoleParamsSchema,
    query: z.object({
      team,
      limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: '1–100, default 20' }),
      offset: z.coerce.number().int().min(0).max(10_000).optional(),
    }),
  },
  responses: {
    200: jsonContent(InternalCandidatesSchema, 'The employees, best first'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const listEmployees = createRoute({
  method: 'get',
  path: '/employers/{id}/employees',
  tags: ['Employers'],
  summary: 'Everyone invited to the workforce inventory, by team then address',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema },
  responses: {
    200: jsonContent(z.array(EmployeeSchema), 'The employees'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const inviteEmployees = createRoute({
  method: 'post',
  path: '/employers/{id}/employees',
  tags: ['Employers'],
  summary: 'Invite people by address to connect their portfolio (recruiter or owner)',
  description:
    'Each address without a connection gets an invitation mail. An address already invited takes the new ' +
    'team and keeps its connection; one that declined is asked again. At most 500 at once.',
  security: BEARER_SECURITY,
  request: { params: IdParamsSchema, body: jsonBody(EmployeeInvitesSchema.openapi('EmployeeInvites')) },
  responses: {
    201: jsonContent(z.array(EmployeeSchema), 'The employees invited'),
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const setTeam = createRoute({
  method: 'patch',
  path: '/employers/{id}/employees/{employeeId}',
  tags: ['Employers'],
  summary: 'File an employee in a team, or in none (recruiter or owner)',
  security: BEARER_SECURITY,
  request: { params: EmployeeParamsSchema, body: jsonBody(EmployeeTeamSchema.openapi('EmployeeTeamInput')) },
  responses: {
    200: jsonContent(EmployeeSchema, 'The employee'),
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
});

const removeEmployee = createRoute({
  method: 'delete',
  path: '/employers/{id}/employees/{employeeId}',
  tags: ['Employers'],
  summary: 'Remove someone from the inventory (recruiter or owner); their portfolio stops being read at once',
  security: BEARER_SECURITY,
  request: { params: EmployeeParamsSchema },
  responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404) },
});

const inventory = createRoute({
  method: 'get',
  path: '/employers/{id}/inventory',
  tags: ['Employers'],
  summary: 'The verified skills matrix of the workforce (people × skills), as JSON or CSV',
  description:
    'From the credentials each connected employee chose to show, valid now (a revoked, suspended or expired ' +
    'credential counts for nothing; someone who disconnects is gone at once). With `roleId`: the role’s ' +
    'skills as columns, each person’s coverage, and the micro-credentials and pathways that would close ' +
    'what nobody has. Send `Accept: text/csv` for a spreadsheet: a row per person, a column per skill ' +
    'holding the newest credential that proves it, cells safe against formula injection.',
  security: BEARER_SECURITY,
  request: {
    params: IdParamsSchema,
    query: z.object({
      team,
      roleId: z.uuid().optional().openapi({ description: 'Measure the workforce against this saved role' }),
    }),
  },
  responses: {
    200: {
      description: 'The inventory (`Accept: application/json`, the default, or `text/csv`)',
      content: {
        'application/json': { schema: InventorySchema },
        [CSV_TYPE]: { schema: z.string().openapi({ example: '"name","email","team","SQL <http://…>"' }) },
      },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

function presentRole(role: SavedRole) {
  return {
    id: role.id,
    title: role.title,
    occupationUri: role.occupationUri,
    skills: role.skills.map((skill) => ({ ...skill })),
    createdBy: role.createdBy,
    createdAt: role.createdAt.toISOString(),
    updatedAt: role.updatedAt.toISOString(),
  };
}

/** Field by field: which credentials a connection shows stays between the earner and the inventory. */
function presentEmployee(employee: EmployeeView) {
  return {
    id: employee.id,
    email: employee.email,
    team: employee.team,
    status: employee.status,
    name: employee.name,
    invitedBy: employee.invitedBy,
    invitedAt: employee.invitedAt.toISOString(),
    connectedAt: isoOrNull(employee.connectedAt),
    declinedAt: isoOrNull(employee.declinedAt),
  };
}

function presentInternalCandidate(candidate: TalentCandidate) {
  return { ...presentCandidate(candidate), team: candidate.team ?? null };
}

function presentInventory(inventory: WorkforceInventory) {
  return {
    teams: [...inventory.teams],
    team: inventory.team,
    role: inventory.role === null ? null : presentRole(inventory.role),
    skills: inventory.skills.map((skill) => ({
      ...skill,
      role: skill.role === null ? null : { ...skill.role },
    })),
    people: inventory.people.map((person) => ({
      employeeId: person.employee.id,
      email: person.employee.email,
      name: person.employee.name,
      team: person.employee.team,
      status: person.employee.status,
      roleCoverage: person.roleCoverage === null ? null : { ...person.roleCoverage },
      // The columns only, as the CSV has them: every skill listed here is labelled in `skills`.
      skills: inventory.skills.flatMap((skill) => {
        const proofs = person.skills.get(skill.id);
        return proofs === undefined ? [] : [{ id: skill.id, proofs: proofs.map(presentProof) }];
      }),
    })),
    notConnected: inventory.notConnected,
    gap:
      inventory.gap === null
        ? null
        : {
            uncovered: inventory.gap.uncovered.map((skill) => ({ id: skill.id, label: skill.label })),
            recommendations: inventory.gap.recommendations.map((item) => ({
              achievementId: item.achievementId,
              name: item.name,
              covers: [...item.covers],
              hours: item.hours,
            })),
            pathways: inventory.gap.pathways.map((item) => ({
              pathwayId: item.pathwayId,
              name: item.name,
              covers: [...item.covers],
              hours: item.hours,
            })),
          },
  };
}

/**
 * `/employers/{id}/roles…`, `…/employees…` and `…/inventory`: an employer's saved roles, its workforce
 * and the skills it proves. Who may do what is the domain's (`authorizeEmployer`).
 */
export function workforceRoutes(options: { readonly platform: Platform }): OpenAPIHono<ApiEnv> {
  const { platform } = options;
  const router = createRouter<ApiEnv>();
  router.openapi(listRoles, async (c) =>
    c.json((await platform.savedRoles.list(c.get('actor'), c.req.valid('param').id)).map(presentRole), 200),
  );
  router.openapi(createRole, async (c) => {
    const role = await platform.savedRoles.create(
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(presentRole(role), 201);
  });
  router.openapi(getRole, async (c) => {
    const { id, roleId } = c.req.valid('param');
    return c.json(presentRole(await platform.savedRoles.get(c.get('actor'), id, roleId)), 200);
  });
  router.openapi(updateRole, async (c) => {
    const { id, roleId } = c.req.valid('param');
    const role = await platform.savedRoles.update(c.get('actor'), id, roleId, c.req.valid('json'));
    return c.json(presentRole(role), 200);
  });
  router.openapi(deleteRole, async (c) => {
    const { id, roleId } = c.req.valid('param');
    await platform.savedRoles.delete(c.get('actor'), id, roleId);
    return c.body(null, 204);
  });
  router.openapi(roleCandidates, async (c) => {
    const { id, roleId } = c.req.valid('param');
    const query = c.req.valid('query');
    const result = await platform.workforce.internalCandidates(c.get('actor'), id, roleId, {
      ...(query.team === undefined ? {} : { team: query.team }),
      ...(query.limit === undefined ? {} : { limit: query.limit }),
      ...(query.offset === undefined ? {} : { offset: query.offset }),
    });
    return c.json({ total: result.total, candidates: result.candidates.map(presentInternalCandidate) }, 200);
  });
  router.openapi(listEmployees, async (c) =>
    c.json(
      (await platform.workforce.employees(c.get('actor'), c.req.valid('param').id)).map(presentEmployee),
      200,
    ),
  );
  router.openapi(inviteEmployees, async (c) => {
    const employees = await platform.workforce.invite(
      c.get('actor'),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(employees.map(presentEmployee), 201);
  });
  router.openapi(setTeam, async (c) => {
    const { id, employeeId } = c.req.valid('param');
    const employee = await platform.workforce.setTeam(c.get('actor'), id, employeeId, c.req.valid('json'));
    return c.json(presentEmployee(employee), 200);
  });
  router.openapi(removeEmployee, async (c) => {
    const { id, employeeId } = c.req.valid('param');
    await platform.workforce.remove(c.get('actor'), id, employeeId);
    return c.body(null, 204);
  });
  router.openapi(inventory, async (c) => {
    const query = c.req.valid('query');
    const result = await platform.workforce.inventory(c.get('actor'), c.req.valid('param').id, {
      ...(query.team === undefined ? {} : { team: query.team }),
      ...(query.roleId === undefined ? {} : { roleId: query.roleId }),
    });
    // JSON unless CSV is preferred: a client that accepts neither still gets JSON rather than a 406.
    const type = negotiateMediaType({
      accept: c.req.header('Accept'),
      offers: ['application/json', CSV_TYPE],
    });
    c.header('Vary', 'Accept');
    if (type === CSV_TYPE) {
      return c.body(inventoryCsv(result), 200, {
        'Content-Type': `${CSV_TYPE}; charset=utf-8`,
        'Content-Disposition': 'attachment; filename="skills-inventory.csv"',
      });
    }
    return c.json(presentInventory(result), 200);
  });
  return router;
}
