import type { RequirementTree } from './requirement-node.js';

/**
 * A leaf as a saved version keeps it: with the achievement's credits and hours as they were when the
 * version was saved, so that editing an achievement later never changes a published version's rules.
 */
export interface RuleAchievement {
  readonly type: 'achievement';
  readonly achievementId: string;
  readonly credits: number | null;
  readonly hours: number | null;
}

/** A sub-pathway as a saved version keeps it: the rules of the version it referred to, embedded. */
export interface EmbeddedPathway {
  readonly type: 'pathway';
  readonly pathwayId: string;
  readonly version: number;
  /** The sub-pathway's own award: how associations and documents name it. */
  readonly completionAchievementId: string;
  readonly requirement: RuleNode;
}

export type RuleNode = RequirementTree<RuleAchievement, EmbeddedPathway>;

/**
 * One immutable version of a pathway's rules: everything evaluation needs, with no reference left to
 * resolve (achievement amounts and sub-pathways are copied in).
 */
export interface PathwayRules {
  /** The stacked credential awarded when `requirement` is met. */
  readonly completionAchievementId: string;
  readonly requirement: RuleNode;
}
