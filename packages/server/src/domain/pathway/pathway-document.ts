import { buildAssociation, CLR_CONTEXT, CREDENTIALS_V2_CONTEXT, OB_CONTEXT } from '@microcred/vc';
import { achievementUrl } from '../achievement/manage-achievements.js';
import { issuerIdentity } from '../issuer/issuer-identity.js';
import type { PlatformContext } from '../platform-context.js';
import type { Achievement, JsonObject, PathwayWithVersion } from '../ports/index.js';
import { pathwayAchievementIds, pathwayAssociations } from './engine/pathway-associations.js';
import { toPortableRequirement } from './engine/portable-requirement.js';

/** The public URL of a pathway: its portable document. */
export function pathwayUrl(publicUrl: string, id: string): string {
  return `${publicUrl}/pathways/${id}`;
}

/** The stored OB 3.0 Achievements a version names (completion, milestones, requirements), in that order. */
export async function loadPathwayAchievements(
  context: Pick<PlatformContext, 'storage'>,
  found: PathwayWithVersion,
): Promise<Achievement[]> {
  const achievements: Achievement[] = [];
  for (const id of pathwayAchievementIds(found.version.rules)) {
    const achievement = await context.storage.achievements.findById({ id });
    if (achievement !== null) achievements.push(achievement);
  }
  return achievements;
}

/**
 * A pathway as public, portable data: its completion Achievement and every other achievement it names
 * (OB 3.0 Achievements, as at their own URLs), the CLR 2.0 Associations between them (`isParentOf`,
 * `isChildOf`, `precedes`), and the exact rule (`requirement`, with achievements by URL) that the
 * Association vocabulary cannot express (n-of, credit sums). `importPathway` reads it back.
 */
export async function buildPathwayDocument(
  context: Pick<PlatformContext, 'storage' | 'publicUrl'>,
  found: PathwayWithVersion,
): Promise<JsonObject> {
  const { pathway, version } = found;
  const issuer = await context.storage.issuers.findById({ id: pathway.issuerId });
  const achievements = await loadPathwayAchievements(context, found);
  const urlOf = (id: string) => achievementUrl(context.publicUrl, id);
  return {
    '@context': [CREDENTIALS_V2_CONTEXT, CLR_CONTEXT, OB_CONTEXT],
    id: pathwayUrl(context.publicUrl, pathway.id),
    name: pathway.name,
    ...(pathway.description === null ? {} : { description: pathway.description }),
    version: version.version,
    ...(issuer === null
      ? {}
      : {
          issuer: {
            id: issuerIdentity({ publicUrl: context.publicUrl, slug: issuer.slug }).did,
            type: ['Profile'],
            name: issuer.name,
          },
        }),
    completionAchievement: urlOf(version.rules.completionAchievementId),
    requirement: toPortableRequirement(version.rules.requirement, {
      achievementUrl: urlOf,
      pathwayUrl: (id) => pathwayUrl(context.publicUrl, id),
    }),
    achievement: achievements.map((achievement) => achievement.document),
    association: pathwayAssociations(version.rules, urlOf).map(buildAssociation),
  };
}
