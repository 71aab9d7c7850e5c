import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { authorizeEmployer } from '../employer/employer-access.js';
import type { PlatformContext } from '../platform-context.js';
import type { SavedRole, TalentProof } from '../ports/index.js';
import { closeSkillGap, type PathwayRecommendation, type Recommendation } from '../skills/skill-gap.js';
import {
  type AskedSkill,
  rankCandidates,
  type TalentSearchResult,
  TalentSearchSchema,
} from '../talent/search-talent.js';
import { type EmployeeView, listEmployees } from './employees.js';

/** Without a role, the matrix shows the skills most people hold, up to this many columns. */
const MAX_SKILL_COLUMNS = 60;

export const InventoryQuerySchema = z.strictObject({
  team: z.string().trim().min(1).max(100).optional(),
  roleId: z.uuid().optional(),
});

/** One column of the matrix: a skill, and how many of the people shown prove it. */
export interface InventorySkill {
  readonly id: string;
  readonly label: string;
  readonly holders: number;
  /** How the chosen role asks for it; null without a role. */
  readonly role: { readonly essential: boolean; readonly required: boolean; readonly weight: number } | null;
}

/** One row of the matrix: a connected employee and the proofs of each skill they hold. */
export interface InventoryPerson {
  readonly employee: EmployeeView;
  /** Skill URI → the credentials that prove it, newest first. */
  readonly skills: ReadonlyMap<string, readonly TalentProof[]>;
  /** Against the chosen role: the essential skills they prove, of how many; null without a role. */
  readonly roleCoverage: {
    readonly essentialHeld: number;
    readonly essentialAsked: number;
    readonly held: number;
    readonly asked: number;
  } | null;
}

export interface WorkforceInventory {
  /** Every team named among the employees, sorted. */
  readonly teams: readonly string[];
  readonly team: string | null;
  readonly role: SavedRole | null;
  readonly skills: readonly InventorySkill[];
  /** Connected employees (of the team, when given), by name then address. */
  readonly people: readonly InventoryPerson[];
  /** Invited and not (or no longer) connected: counted, never read. */
  readonly notConnected: number;
  /** With a role: the role's skills nobody shown proves, and what on the platform would close them. */
  readonly gap: {
    readonly uncovered: readonly { readonly id: string; readonly label: string }[];
    readonly recommendations: readonly Recommendation[];
    readonly pathways: readonly PathwayRecommendation[];
  } | null;
}

/**
 * The organisation's verified skills matrix (people × skills, by team when asked), from the credentials
 * each connected employee chose to show, valid now; against a saved role, each person's coverage and the
 * micro-credentials and pathways that would close what nobody has (viewers and up).
 */
export async function workforceInventory(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
  raw: z.input<typeof InventoryQuerySchema>,
): Promise<WorkforceInventory> {
  authorizeEmployer(actor, employerId, 'viewer');
  const query = InventoryQuerySchema.parse(raw);
  const role =
    query.roleId === undefined
      ? null
      : await context.storage.employerRoles.find({ employerId, id: query.roleId });
  if (query.roleId !== undefined && role === null) throw resourceNotFound('role');
  const employees = await listEmployees(context, actor, employerId);
  const teams = [
    ...new Set(employees.flatMap((employee) => (employee.team === null ? [] : [employee.team]))),
  ].sort((a, b) => a.localeCompare(b));
  const inTeam = employees.filter((employee) => query.team === undefined || employee.team === query.team);
  const connected = inTeam.filter((employee) => employee.status === 'connected');
  const evidence = await context.storage.talent.listWorkforceEvidence({ employerId, now: context.now() });
  const byEarner = new Map<string, Map<string, TalentProof[]>>();
  const labels = new Map<string, string>();
  for (const row of evidence) {
    const skills = byEarner.get(row.earnerId) ?? new Map<string, TalentProof[]>();
    byEarner.set(row.earnerId, skills);
    const proofs = skills.get(row.skillUri) ?? [];
    skills.set(row.skillUri, proofs);
    const { earnerId: _earner, skillUri: _skill, ...proof } = row;
    proofs.push(proof);
  }
  const peopleSkills = connected.map((employee) => byEarner.get(employee.earnerId ?? '') ?? new Map());
  const holders = new Map<string, number>();
  for (const skills of peopleSkills) {
    for (const uri of skills.keys()) holders.set(uri, (holders.get(uri) ?? 0) + 1);
  }
  let columns: InventorySkill[];
  if (role !== null) {
    columns = role.skills.map((skill) => ({
      id: skill.id,
      label: skill.label,
      holders: holders.get(skill.id) ?? 0,
      role: { essential: skill.essential, required: skill.required, weight: skill.weight },
    }));
  } else {
    const held = [...holders]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_SKILL_COLUMNS);
    const concepts = await context.storage.skills.findConcepts({ uris: held.map(([uri]) => uri) });
    for (const concept of concepts) labels.set(concept.uri, concept.label);
    columns = held.map(([uri, count]) => ({
      id: uri,
      label: labels.get(uri) ?? uri,
      holders: count,
      role: null,
    }));
  }
  const essential = role?.skills.filter((skill) => skill.essential) ?? [];
  const people: InventoryPerson[] = connected.map((employee, index) => {
    const skills = peopleSkills[index] as Map<string, TalentProof[]>;
    return {
      employee,
      skills,
      roleCoverage:
        role === null
          ? null
          : {
              essentialHeld: essential.filter((skill) => skills.has(skill.id)).length,
              essentialAsked: essential.length,
              held: role.skills.filter((skill) => skills.has(skill.id)).length,
              asked: role.skills.length,
            },
    };
  });
  people.sort(
    (a, b) =>
      (b.roleCoverage?.essentialHeld ?? 0) - (a.roleCoverage?.essentialHeld ?? 0) ||
      (a.employee.name ?? a.employee.email).localeCompare(b.employee.name ?? b.employee.email),
  );
  let gap: WorkforceInventory['gap'] = null;
  if (role !== null) {
    const uncovered = role.skills
      .filter((skill) => (holders.get(skill.id) ?? 0) === 0)
      .map((skill) => ({ id: skill.id, label: skill.label }));
    const closing =
      uncovered.length === 0
        ? { recommendations: [], pathways: [] }
        : await closeSkillGap(context, { earnerId: null, skills: uncovered, pathways: true });
    gap = { uncovered, recommendations: closing.recommendations, pathways: closing.pathways };
  }
  return {
    teams,
    team: query.team ?? null,
    role,
    skills: columns,
    people,
    notConnected: inTeam.length - connected.length,
    gap,
  };
}

export const InternalCandidatesSchema = z.strictObject({
  team: z.string().trim().min(1).max(100).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).max(10_000).default(0),
});

/**
 * Internal candidates for a saved role: the connected employees (of a team, when given), ranked exactly
 * as talent search ranks candidates, by the credentials each connection shows.
 */
export async function internalCandidates(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
  roleId: string,
  raw: z.input<typeof InternalCandidatesSchema> = {},
): Promise<TalentSearchResult> {
  authorizeEmployer(actor, employerId, 'viewer');
  const input = InternalCandidatesSchema.parse(raw);
  const role = await context.storage.employerRoles.find({ employerId, id: roleId });
  if (role === null) throw resourceNotFound('role');
  const skills: AskedSkill[] = role.skills.map((skill) => ({
    id: skill.id,
    label: skill.label,
    essential: skill.essential,
    weight: skill.weight,
  }));
  const search = TalentSearchSchema.parse({
    skills: role.skills.map((skill) => skill.id),
    required: role.skills.filter((skill) => skill.required).map((skill) => skill.id),
    limit: input.limit,
    offset: input.offset,
  });
  const employees = new Map(
    (await context.storage.employees.list({ employerId })).flatMap((employee) =>
      employee.earnerId === null ? [] : [[employee.earnerId, employee] as const],
    ),
  );
  return rankCandidates(
    context,
    { kind: 'workforce', employerId, ...(input.team === undefined ? {} : { team: input.team }) },
    skills,
    search,
    async (earnerId) => {
      const employee = employees.get(earnerId);
      // Disconnected since the ranking was read: gone at once.
      if (employee === undefined) return null;
      const earner = await context.storage.earners.findById({ id: earnerId });
      return {
        earnerId,
        reference: employee.id,
        name: earner?.displayName ?? null,
        contact: employee.email,
        location: null,
        team: employee.team,
      };
    },
  );
}
