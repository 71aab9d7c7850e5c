import { resourceNotFound } from '../auth/resource-not-found.js';
import type { PlatformContext } from '../platform-context.js';
import type { Achievement, Issuer } from '../ports/index.js';
import { issuerIdentity } from './issuer-identity.js';

/** Public: the issuers the home page lists, at most `limit`. */
export function listPublicIssuers(context: PlatformContext, options: { readonly limit: number }) {
  return context.storage.issuers.list({ limit: options.limit });
}

/** Public: an issuer's published achievements, with how many people hold each. */
export async function listPublishedAchievements(
  context: PlatformContext,
  issuerId: string,
): Promise<{ readonly achievement: Achievement; readonly earners: number }[]> {
  const achievements = await context.storage.achievements.list({ issuerId, status: 'published', limit: 500 });
  const earners = await context.storage.credentials.countEarners({
    achievementIds: achievements.map((achievement) => achievement.id),
  });
  return achievements.map((achievement) => ({ achievement, earners: earners.get(achievement.id) ?? 0 }));
}

/** Public: an issuer's page by slug (NOT_FOUND when unknown): who it is, its DID, what it awards. */
export async function viewPublicIssuer(
  context: PlatformContext,
  slug: string,
): Promise<{
  readonly issuer: Issuer;
  readonly did: string;
  readonly achievements: { readonly achievement: Achievement; readonly earners: number }[];
}> {
  const issuer = await context.storage.issuers.findBySlug({ slug });
  if (issuer === null) throw resourceNotFound('issuer');
  return {
    issuer,
    did: issuerIdentity({ publicUrl: context.publicUrl, slug: issuer.slug }).did,
    achievements: await listPublishedAchievements(context, issuer.id),
  };
}
