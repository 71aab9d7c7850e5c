import type { PlatformContext } from '../platform-context.js';
import type { Achievement, Issuer } from '../ports/index.js';
import { getAchievement } from './manage-achievements.js';

/** A published pathway an achievement counts towards, as its public page names it. */
export interface PathwayMembership {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
}

/**
 * Public: a published achievement's page (NOT_FOUND otherwise), with its issuer, how many hold it, and
 * the published pathways whose current rules count it (how it stacks into larger qualifications).
 */
export async function viewPublicAchievement(
  context: PlatformContext,
  id: string,
): Promise<{
  readonly achievement: Achievement;
  readonly issuer: Issuer | null;
  readonly earners: number;
  readonly pathways: readonly PathwayMembership[];
}> {
  const achievement = await getAchievement(context, null, id);
  const issuer = await context.storage.issuers.findById({ id: achievement.issuerId });
  const counts = await context.storage.credentials.countEarners({ achievementIds: [achievement.id] });
  const pathways: PathwayMembership[] = [];
  for (const pathwayId of await context.storage.pathways.findReferencing({
    achievementIds: [achievement.id],
  })) {
    const found = await context.storage.pathways.findById({ id: pathwayId });
    if (found === null || found.pathway.status !== 'published') continue;
    if (!found.version.requiredAchievementIds.includes(achievement.id)) continue;
    pathways.push({ id: found.pathway.id, name: found.pathway.name, description: found.pathway.description });
  }
  return { achievement, issuer, earners: counts.get(achievement.id) ?? 0, pathways };
}

/**
 * The names of achievements by id, whatever their status (a pathway its earner follows names them all);
 * unknown ids are left out.
 */
export async function achievementNames(
  context: PlatformContext,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of ids) {
    const achievement = await context.storage.achievements.findById({ id });
    if (achievement !== null) names.set(id, achievement.name);
  }
  return names;
}
