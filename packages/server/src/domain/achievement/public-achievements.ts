import type { PlatformContext } from '../platform-context.js';
import type { Achievement, Issuer } from '../ports/index.js';
import { getAchievement } from './manage-achievements.js';

/** Public: a published achievement's page (NOT_FOUND otherwise), with its issuer and how many hold it. */
export async function viewPublicAchievement(
  context: PlatformContext,
  id: string,
): Promise<{ readonly achievement: Achievement; readonly issuer: Issuer | null; readonly earners: number }> {
  const achievement = await getAchievement(context, null, id);
  const issuer = await context.storage.issuers.findById({ id: achievement.issuerId });
  const counts = await context.storage.credentials.countEarners({ achievementIds: [achievement.id] });
  return { achievement, issuer, earners: counts.get(achievement.id) ?? 0 };
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
