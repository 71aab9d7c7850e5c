import type { AssociationInput } from '@microcred/vc';
import type { PathwayRules, RuleNode } from '../model/pathway-rules.js';
import { isGroup } from '../model/requirement-node.js';

/**
 * The structure of a pathway in CLR 2.0 Association vocabulary: its award `isParentOf` every required
 * achievement (and each `isChildOf` it), a milestone standing for the group it awards, a sub-pathway
 * for its completion achievement, and `precedes` for ordering. Thresholds (n-of, credits) have no
 * Association type: the exported `requirement` tree carries them. `urlOf` names an achievement.
 */
export function pathwayAssociations(
  rules: PathwayRules,
  urlOf: (achievementId: string) => string,
): AssociationInput[] {
  const associations: AssociationInput[] = [];
  const seen = new Set<string>();
  const add = (associationType: AssociationInput['associationType'], sourceId: string, targetId: string) => {
    const key = `${associationType} ${sourceId} ${targetId}`;
    if (seen.has(key)) return;
    seen.add(key);
    associations.push({ associationType, sourceId, targetId });
  };

  /** The achievements that stand for a node in its parent's links. */
  const representatives = (node: RuleNode): string[] => {
    if (node.type === 'achievement') return [urlOf(node.achievementId)];
    if (!isGroup(node)) return [urlOf(node.completionAchievementId)];
    if (node.milestoneAchievementId !== undefined) return [urlOf(node.milestoneAchievementId)];
    return node.children.flatMap(representatives);
  };

  const link = (parent: string, node: RuleNode): void => {
    if (!isGroup(node)) return;
    for (const child of node.children) {
      for (const target of representatives(child)) {
        add('isParentOf', parent, target);
        add('isChildOf', target, parent);
      }
      if (isGroup(child))
        link(
          child.milestoneAchievementId === undefined ? parent : urlOf(child.milestoneAchievementId),
          child,
        );
    }
    for (const { before, after } of node.precedes ?? []) {
      const earlier = node.children[before];
      const later = node.children[after];
      if (earlier === undefined || later === undefined) continue;
      for (const source of representatives(earlier)) {
        for (const target of representatives(later)) add('precedes', source, target);
      }
    }
  };
  link(urlOf(rules.completionAchievementId), rules.requirement);
  return associations;
}

/** Every achievement a version names outside embedded sub-pathways, and their completions: its documents. */
export function pathwayAchievementIds(rules: PathwayRules): string[] {
  const ids = new Set<string>([rules.completionAchievementId]);
  const visit = (node: RuleNode): void => {
    if (node.type === 'achievement') ids.add(node.achievementId);
    else if (!isGroup(node)) ids.add(node.completionAchievementId);
    else {
      if (node.milestoneAchievementId !== undefined) ids.add(node.milestoneAchievementId);
      node.children.forEach(visit);
    }
  };
  visit(rules.requirement);
  return [...ids];
}
