import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { SavedRole, SavedRoleSkill } from '../ports/index.js';
import { frameworkSkills } from '../skills/skill-gap.js';
import { authorizeEmployer } from './employer-access.js';

const MAX_ROLE_SKILLS = 100;
export const ESSENTIAL_WEIGHT = 2;
export const OPTIONAL_WEIGHT = 1;

export const SavedRoleSkillSchema = z.strictObject({
  id: z.string().trim().min(1).max(500),
  essential: z.boolean().default(true),
  /** Overrides the essential (2) / optional (1) weight. */
  weight: z.number().positive().max(10).optional(),
  /** Candidates must prove it. */
  required: z.boolean().default(false),
});

export const SavedRoleInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  occupationUri: z.string().trim().min(1).max(500).nullable().default(null),
  skills: z.array(SavedRoleSkillSchema).min(1).max(MAX_ROLE_SKILLS),
});

/** A saved role's skills, labelled from the framework; a skill named twice keeps its first entry. */
async function reviewedSkills(
  context: PlatformContext,
  skills: readonly z.output<typeof SavedRoleSkillSchema>[],
): Promise<SavedRoleSkill[]> {
  const firsts = new Map<string, z.output<typeof SavedRoleSkillSchema>>();
  for (const skill of skills) if (!firsts.has(skill.id)) firsts.set(skill.id, skill);
  const concepts = await frameworkSkills(context, [...firsts.keys()]);
  return [...firsts.values()].map((skill) => ({
    id: skill.id,
    label: concepts.get(skill.id)?.label ?? skill.id,
    essential: skill.essential,
    weight: skill.weight ?? (skill.essential ? ESSENTIAL_WEIGHT : OPTIONAL_WEIGHT),
    required: skill.required,
  }));
}

async function knownOccupation(context: PlatformContext, uri: string | null): Promise<string | null> {
  if (uri === null) return null;
  if ((await context.storage.skills.findOccupation({ uri })) === null) {
    throw new ServerError(ServerErrorCode.VALIDATION_ERROR, `not an occupation of the framework: ${uri}`, {
      details: { errors: [{ path: 'occupationUri', in: 'body', message: 'an ESCO occupation URI' }] },
    });
  }
  return uri;
}

export async function listSavedRoles(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
): Promise<SavedRole[]> {
  authorizeEmployer(actor, employerId, 'viewer');
  return context.storage.employerRoles.list({ employerId });
}

export async function getSavedRole(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
  roleId: string,
): Promise<SavedRole> {
  authorizeEmployer(actor, employerId, 'viewer');
  const role = await context.storage.employerRoles.find({ employerId, id: roleId });
  if (role === null) throw resourceNotFound('role');
  return role;
}

/** Saves a reviewed role (recruiters and owners): its skills must be framework skills. */
export async function createSavedRole(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
  raw: z.input<typeof SavedRoleInputSchema>,
): Promise<SavedRole> {
  authorizeEmployer(actor, employerId, 'recruiter');
  const input = SavedRoleInputSchema.parse(raw);
  return context.storage.employerRoles.create({
    employerId,
    title: input.title,
    occupationUri: await knownOccupation(context, input.occupationUri),
    skills: await reviewedSkills(context, input.skills),
    createdBy: actor.label ?? null,
  });
}

export async function updateSavedRole(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
  roleId: string,
  raw: z.input<typeof SavedRoleInputSchema>,
): Promise<SavedRole> {
  authorizeEmployer(actor, employerId, 'recruiter');
  const input = SavedRoleInputSchema.parse(raw);
  const role = await context.storage.employerRoles.update({
    employerId,
    id: roleId,
    title: input.title,
    occupationUri: await knownOccupation(context, input.occupationUri),
    skills: await reviewedSkills(context, input.skills),
  });
  if (role === null) throw resourceNotFound('role');
  return role;
}

export async function deleteSavedRole(
  context: PlatformContext,
  actor: Actor,
  employerId: string,
  roleId: string,
): Promise<void> {
  authorizeEmployer(actor, employerId, 'recruiter');
  if (!(await context.storage.employerRoles.delete({ employerId, id: roleId })))
    throw resourceNotFound('role');
}
