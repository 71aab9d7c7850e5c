import { z } from 'zod';
import { type Actor, requireAdmin } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import type { PlatformContext } from '../platform-context.js';
import type { Occupation, SkillConcept, SkillRelation, SkillsFramework } from '../ports/skill-repository.js';
import { type EscoFiles, parseEscoFramework } from './parse-esco-framework.js';

/**
 * Loads (or reloads) ESCO from its files: idempotent, so it runs at every first start and again from the
 * CLI after an update of the files. The administrator's, or the platform's own at start (`actor` null).
 */
export async function importEscoFramework(
  context: PlatformContext,
  actor: Actor | null,
  files: EscoFiles,
): Promise<SkillsFramework> {
  if (actor !== null) requireAdmin(actor);
  return context.storage.skills.importFramework(parseEscoFramework(files), context.now());
}

export function skillsFramework(context: PlatformContext, id: string): Promise<SkillsFramework | null> {
  return context.storage.skills.findFramework({ id });
}

export const SkillSearchSchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Public: skills and knowledge whose label or an alternative label contains the words, best first. */
export function searchSkills(
  context: PlatformContext,
  raw: z.input<typeof SkillSearchSchema>,
): Promise<SkillConcept[]> {
  const query = SkillSearchSchema.parse(raw);
  return context.storage.skills.searchSkills({ text: query.q, limit: query.limit });
}

// As many as one talent search asks for.
const MAX_FOUND = 100;

/** Public: the framework's skills and knowledge among `uris`, in that order; unknown ones and groups left out. */
export async function findSkills(context: PlatformContext, uris: readonly string[]): Promise<SkillConcept[]> {
  const asked = [...new Set(uris)].slice(0, MAX_FOUND);
  const found = new Map(
    (await context.storage.skills.findConcepts({ uris: asked }))
      .filter((concept) => concept.kind !== 'group')
      .map((concept) => [concept.uri, concept]),
  );
  return asked.flatMap((uri) => {
    const concept = found.get(uri);
    return concept === undefined ? [] : [concept];
  });
}

export interface SkillView {
  readonly skill: SkillConcept;
  readonly broader: SkillConcept | null;
  readonly occupations: readonly (Occupation & { readonly relation: SkillRelation })[];
  readonly framework: SkillsFramework | null;
}

/** Public: one skill with its broader group and the occupations that need it (NOT_FOUND when unknown). */
export async function viewSkill(context: PlatformContext, uri: string): Promise<SkillView> {
  const skill = await context.storage.skills.findConcept({ uri });
  if (skill === null) throw resourceNotFound('skill');
  const broader =
    skill.broaderUri === null ? null : await context.storage.skills.findConcept({ uri: skill.broaderUri });
  return {
    skill,
    broader,
    occupations: await context.storage.skills.listOccupationsNeeding({ skillUri: uri, limit: 50 }),
    framework: await context.storage.skills.findFramework({ id: skill.frameworkId }),
  };
}
