import { pathwayAchievementIds } from '../pathway/engine/pathway-associations.js';
import type { PlatformContext } from '../platform-context.js';
import type { Achievement, Skill } from '../ports/index.js';
import { notifyEarner } from './notify-earner.js';

// Earners cannot follow skills one by one (yet): the skills they follow are those of the pathways they
// follow, i.e. of the achievements those pathways name.
function skillKey(skill: Skill): string {
  return skill.url ?? `name:${skill.name.trim().toLowerCase()}`;
}

const PATHWAYS_SCANNED = 500;

/**
 * Tells the followers of each published pathway whose achievements share a skill with a newly published
 * achievement (and do not already name it). One mail per earner and achievement, whichever pathways led
 * to it. Resolves to how many mails were added.
 */
export async function notifyNewAchievement(
  context: PlatformContext,
  achievement: Achievement,
): Promise<number> {
  if (achievement.status !== 'published' || achievement.skills.length === 0) return 0;
  const wanted = new Map(achievement.skills.map((skill) => [skillKey(skill), skill.name]));
  const pathways = await context.storage.pathways.list({ status: 'published', limit: PATHWAYS_SCANNED });
  const shared = new Map<string, { readonly name: string; readonly skills: readonly string[] }>();
  const skillsOf = new Map<string, readonly Skill[]>();
  for (const { pathway, version } of pathways) {
    const ids = pathwayAchievementIds(version.rules);
    if (ids.includes(achievement.id)) continue;
    const names = new Set<string>();
    for (const id of ids) {
      let skills = skillsOf.get(id);
      if (skills === undefined) {
        skills = (await context.storage.achievements.findById({ id }))?.skills ?? [];
        skillsOf.set(id, skills);
      }
      for (const skill of skills) {
        const name = wanted.get(skillKey(skill));
        if (name !== undefined) names.add(name);
      }
    }
    if (names.size > 0) shared.set(pathway.id, { name: pathway.name, skills: [...names] });
  }
  if (shared.size === 0) return 0;
  const issuer = await context.storage.issuers.findById({ id: achievement.issuerId });
  if (issuer === null) return 0;
  const followers = await context.storage.notifications.followersOf({ pathwayIds: [...shared.keys()] });
  let added = 0;
  for (const follower of followers) {
    const match = shared.get(follower.pathwayId);
    if (match === undefined) continue;
    const sent = await notifyEarner(context.storage, context, {
      recipient: follower,
      kind: 'new-achievement',
      event: achievement.id,
      content: () => ({
        subject: 'notify.newAchievement.subject',
        body: 'notify.newAchievement.body',
        action: 'notify.newAchievement.action',
        params: {
          achievement: achievement.name,
          issuer: issuer.name,
          pathway: match.name,
          skills: match.skills.join(', '),
        },
        link: `${context.publicUrl}/achievements/${achievement.id}`,
        brandColor: issuer.brandColor,
      }),
    });
    if (sent) added += 1;
  }
  return added;
}
