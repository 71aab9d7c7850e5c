import type { PathwayRules, RuleNode } from '../model/pathway-rules.js';
import { isGroup } from '../model/requirement-node.js';
import type { PathwayProgress } from './evaluate-pathway.js';

/** A node whose rule, once met, earns a stacked credential: the root (completion) or a milestone. */
export interface AwardTarget {
  readonly path: string;
  readonly achievementId: string;
}

export interface PlannedIssue {
  readonly achievementId: string;
  readonly path: string;
  readonly generation: number;
  /** The earner's credentials that meet the rule: the new credential's evidence. */
  readonly evidenceCredentialIds: readonly string[];
}

/** What planning reads of an award already made (the stored award record fits it). */
export interface StandingAward {
  readonly id: string;
  readonly achievementId: string;
  readonly generation: number;
  readonly credentialId: string;
  readonly state: 'active' | 'revoked';
}

export interface AwardPlan<Award extends StandingAward = StandingAward> {
  readonly issue: readonly PlannedIssue[];
  readonly revoke: readonly Award[];
}

/**
 * The completion and milestone targets of a version. Milestones inside an embedded sub-pathway are that
 * pathway's own to award, not this one's.
 */
export function awardTargets(rules: PathwayRules): AwardTarget[] {
  const targets: AwardTarget[] = [{ path: 'requirement', achievementId: rules.completionAchievementId }];
  const visit = (node: RuleNode, path: string): void => {
    if (!isGroup(node)) return;
    node.children.forEach((child, index) => {
      const childPath = `${path}.children.${index}`;
      if (isGroup(child) && child.milestoneAchievementId !== undefined) {
        targets.push({ path: childPath, achievementId: child.milestoneAchievementId });
      }
      visit(child, childPath);
    });
  };
  visit(rules.requirement, 'requirement');
  return targets;
}

/**
 * What to change for one earner on one pathway, given their progress. A met target without a standing
 * award gets one (the next generation after a revoked one); a standing award whose rule no longer holds,
 * even counting lapsed credentials, is revoked. An award whose credential someone revoked by hand is
 * left alone: the issuer withdrew it on purpose, and it is not re-issued automatically. Pure.
 */
export function planPathwayAwards<Award extends StandingAward>(options: {
  readonly rules: PathwayRules;
  /** Progress counting only credentials valid now: decides new awards. */
  readonly progress: PathwayProgress;
  /** Progress counting lapsed credentials too: decides whether standing awards stand. */
  readonly keeping: PathwayProgress;
  readonly awards: readonly Award[];
  /** Credentials of awards that were revoked other than by this plan (by hand). */
  readonly withdrawnCredentialIds: ReadonlySet<string>;
  /** Achievements that can be issued now (published); a target of another is skipped. */
  readonly issuable: (achievementId: string) => boolean;
}): AwardPlan<Award> {
  const now = new Map(options.progress.nodes.map((node) => [node.path, node]));
  const kept = new Map(options.keeping.nodes.map((node) => [node.path, node]));
  const issue: PlannedIssue[] = [];
  const revoke: Award[] = [];
  for (const target of awardTargets(options.rules)) {
    const latest = options.awards
      .filter((award) => award.achievementId === target.achievementId)
      .reduce<Award | undefined>(
        (best, award) => (best === undefined || award.generation > best.generation ? award : best),
        undefined,
      );
    if (latest?.state === 'active') {
      if (options.withdrawnCredentialIds.has(latest.credentialId)) continue;
      if (kept.get(target.path)?.met !== true) revoke.push(latest);
      continue;
    }
    const node = now.get(target.path);
    if (node?.met === true && options.issuable(target.achievementId)) {
      issue.push({
        achievementId: target.achievementId,
        path: target.path,
        generation: latest === undefined ? 0 : latest.generation + 1,
        evidenceCredentialIds: [...node.credentialIds].sort(),
      });
    }
  }
  return { issue, revoke };
}

/** True when two plans would write the same thing (the check made again under the earner's lock). */
export function samePlan(a: AwardPlan, b: AwardPlan): boolean {
  const issueKey = (plan: AwardPlan) =>
    plan.issue
      .map((item) => `${item.achievementId}/${item.generation}/${item.evidenceCredentialIds.join(',')}`)
      .sort()
      .join(';');
  const revokeKey = (plan: AwardPlan) =>
    plan.revoke
      .map((award) => award.id)
      .sort()
      .join(';');
  return issueKey(a) === issueKey(b) && revokeKey(a) === revokeKey(b);
}
