import { updateAchievement } from '../achievement/manage-achievements.js';
import { type Actor, requireAdmin } from '../auth/actor.js';
import type { PlatformContext } from '../platform-context.js';
import type { Skill } from '../ports/index.js';

const PAGE = 500;

/** What a pass of {@link alignFreeTextSkills} changed. */
export interface AlignmentReport {
  readonly achievements: number;
  readonly skills: number;
  /** Free-text names that more than one ESCO concept carries: left as they are. */
  readonly ambiguous: readonly string[];
}

/**
 * Aligns the free-text skills of every achievement to ESCO where that is unambiguous: a skill without a
 * URL whose name is the preferred label of exactly one ESCO skill or knowledge concept (case aside) gets
 * that concept's URI. Credentials already issued keep what they were signed with; new ones carry the
 * alignment. Run after an import of the framework (the first start does).
 */
export async function alignFreeTextSkills(
  context: PlatformContext,
  actor: Actor | null,
): Promise<AlignmentReport> {
  if (actor !== null) requireAdmin(actor);
  const admin: Actor = { kind: 'admin', label: 'ESCO alignment' };
  let achievements = 0;
  let skills = 0;
  const ambiguous = new Set<string>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await context.storage.achievements.list({ limit: PAGE, offset });
    for (const achievement of page) {
      const free = achievement.skills.filter((skill) => skill.url === undefined);
      if (free.length === 0) continue;
      const concepts = await context.storage.skills.findByLabels({ labels: free.map((skill) => skill.name) });
      const byLabel = new Map<string, string[]>();
      for (const concept of concepts) {
        const key = concept.label.toLowerCase();
        byLabel.set(key, [...(byLabel.get(key) ?? []), concept.uri]);
      }
      let changed = 0;
      const aligned: Skill[] = achievement.skills.map((skill) => {
        if (skill.url !== undefined) return skill;
        const uris = byLabel.get(skill.name.trim().toLowerCase()) ?? [];
        if (uris.length > 1) ambiguous.add(skill.name);
        const [uri] = uris;
        if (uris.length !== 1 || uri === undefined) return skill;
        changed += 1;
        return { ...skill, url: uri, framework: 'ESCO' };
      });
      if (changed === 0) continue;
      await updateAchievement(context, admin, achievement.id, { skills: aligned });
      achievements += 1;
      skills += changed;
    }
    if (page.length < PAGE) break;
  }
  return { achievements, skills, ambiguous: [...ambiguous].sort() };
}
