import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { SkillRepository } from '../ports/skill-repository.js';
import {
  buildSkillIndex,
  MAX_MATCH_TEXT_LENGTH,
  matchSkills,
  type SkillIndex,
  type SkillMatch,
} from './match-skills.js';

const FRAMEWORK_ID = 'esco';
const MATCH_LIMIT = 30;

export const RoleMatchSchema = z.strictObject({
  text: z
    .string()
    .max(
      MAX_MATCH_TEXT_LENGTH,
      `at most ${MAX_MATCH_TEXT_LENGTH} characters: paste the job description only`,
    ),
});

// One index per repository (one platform), rebuilt when the framework is imported again: building it
// reads ~14,000 concepts, matching a text against it takes milliseconds.
const indexes = new WeakMap<
  SkillRepository,
  { readonly importedAt: number; readonly index: Promise<SkillIndex> }
>();

async function skillIndex(skills: SkillRepository): Promise<SkillIndex | null> {
  const framework = await skills.findFramework({ id: FRAMEWORK_ID });
  if (framework === null) return null;
  const importedAt = framework.importedAt.getTime();
  const cached = indexes.get(skills);
  if (cached !== undefined && cached.importedAt === importedAt) return cached.index;
  const index = skills.listConcepts({ frameworkId: FRAMEWORK_ID }).then(buildSkillIndex);
  indexes.set(skills, { importedAt, index });
  index.catch(() => {
    if (indexes.get(skills)?.index === index) indexes.delete(skills);
  });
  return index;
}

/**
 * The ESCO skills a role's description speaks of, best first (at most 30), for the employer to review.
 * Employers' staff and keys, and the administrator. No framework imported: no skills.
 */
export async function matchRoleSkills(
  context: PlatformContext,
  actor: Actor,
  raw: z.input<typeof RoleMatchSchema>,
): Promise<SkillMatch[]> {
  if (actor.kind !== 'admin' && actor.kind !== 'employer') {
    throw new ServerError(ServerErrorCode.FORBIDDEN, 'only employers and the administrator match roles');
  }
  const { text } = RoleMatchSchema.parse(raw);
  const index = await skillIndex(context.storage.skills);
  return index === null ? [] : matchSkills(index, text, { limit: MATCH_LIMIT });
}
