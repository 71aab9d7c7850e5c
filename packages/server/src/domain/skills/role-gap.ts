import { z } from 'zod';
import { resourceNotFound } from '../auth/resource-not-found.js';
import type { PlatformContext } from '../platform-context.js';
import type { Occupation, SkillRelation } from '../ports/skill-repository.js';
import { type ClosedSkillGap, closeSkillGap, closingSet, type GapSkill } from './skill-gap.js';

export const OccupationSearchSchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Public: occupations whose label or an alternative label contains the words, best first. */
export function searchOccupations(
  context: PlatformContext,
  raw: z.input<typeof OccupationSearchSchema>,
): Promise<Occupation[]> {
  const query = OccupationSearchSchema.parse(raw);
  return context.storage.skills.searchOccupations({ text: query.q, limit: query.limit });
}

export interface OccupationSkills {
  readonly occupation: Occupation;
  /** Essential ones first, then by label; skill groups left out. */
  readonly skills: readonly {
    readonly uri: string;
    readonly label: string;
    readonly relation: SkillRelation;
  }[];
}

/** Public: an occupation (an ESCO URI) and the skills it needs, to start a role from. NOT_FOUND when unknown. */
export async function occupationSkills(
  context: PlatformContext,
  occupationUri: string,
): Promise<OccupationSkills> {
  const occupation = await context.storage.skills.findOccupation({ uri: occupationUri });
  if (occupation === null) throw resourceNotFound('occupation');
  const skills = (await context.storage.skills.listOccupationSkills({ occupationUri }))
    .filter((skill) => skill.kind !== 'group')
    .map((skill) => ({ uri: skill.uri, label: skill.label, relation: skill.relation }));
  return { occupation, skills };
}

type RoleSkill = GapSkill & { readonly relation: SkillRelation };

export interface RoleGap extends ClosedSkillGap {
  readonly occupation: Occupation;
  readonly have: readonly (ClosedSkillGap['have'][number] & { readonly relation: SkillRelation })[];
  /** Essential ones first, then optional ones, each by label. */
  readonly missing: readonly RoleSkill[];
  readonly essential: { readonly total: number; readonly proven: number };
  /**
   * The fewest recommended achievements that together close the most missing essential skills, and those
   * skills: "these N micro-credentials close M more".
   */
  readonly closing: { readonly achievementIds: readonly string[]; readonly closes: readonly string[] };
}

/**
 * The signed-in earner's own gap for an occupation (an ESCO URI): its essential and optional skills, which
 * their verified, unexpired, unrevoked credentials prove, which are missing, and the published achievements
 * and pathways that would close them, best first. NOT_FOUND for an unknown occupation.
 */
export async function roleGap(
  context: PlatformContext,
  earnerId: string,
  occupationUri: string,
): Promise<RoleGap> {
  const occupation = await context.storage.skills.findOccupation({ uri: occupationUri });
  if (occupation === null) throw resourceNotFound('occupation');
  const skills = (await context.storage.skills.listOccupationSkills({ occupationUri })).filter(
    (skill) => skill.kind !== 'group',
  );
  const relations = new Map(skills.map((skill) => [skill.uri, skill.relation]));
  const relationOf = (uri: string): SkillRelation => relations.get(uri) ?? 'optional';
  const gap = await closeSkillGap(context, {
    earnerId,
    skills: skills.map((skill) => ({ id: skill.uri, label: skill.label })),
    pathways: true,
  });
  const missing = gap.missing.map((skill) => ({ ...skill, relation: relationOf(skill.id) }));
  const essentialMissing = missing.filter((skill) => skill.relation === 'essential').map((skill) => skill.id);
  return {
    ...gap,
    occupation,
    have: gap.have.map((skill) => ({ ...skill, relation: relationOf(skill.id) })),
    missing,
    essential: {
      total: skills.filter((skill) => skill.relation === 'essential').length,
      proven: gap.have.filter((skill) => relationOf(skill.id) === 'essential').length,
    },
    closing: closingSet(essentialMissing, gap.recommendations),
  };
}
