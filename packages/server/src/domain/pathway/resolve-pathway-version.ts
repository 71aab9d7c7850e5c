import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { Achievement, NewPathwayVersion } from '../ports/index.js';
import { checkRequirementStructure, type DefinitionIssue } from './engine/check-requirement-structure.js';
import type { EmbeddedPathway, PathwayRules, RuleNode } from './model/pathway-rules.js';
import { isGroup, type RequirementNode } from './model/requirement-node.js';

/** Every achievement a leaf names, embedded sub-pathways included (the ids that trigger re-evaluation). */
function requiredAchievementIds(node: RuleNode): string[] {
  if (node.type === 'achievement') return [node.achievementId];
  if (!isGroup(node)) return requiredAchievementIds(node.requirement);
  return [...new Set(node.children.flatMap(requiredAchievementIds))];
}

/** The milestone achievements of this pathway's own groups (not those of embedded sub-pathways). */
function milestoneAchievementIds(node: RuleNode): string[] {
  if (!isGroup(node)) return [];
  return [
    ...(node.milestoneAchievementId === undefined ? [] : [node.milestoneAchievementId]),
    ...node.children.flatMap(milestoneAchievementIds),
  ];
}

/** True when a rule tree embeds the pathway `pathwayId` anywhere. */
function embeds(node: RuleNode, pathwayId: string): boolean {
  if (node.type === 'achievement') return false;
  if (!isGroup(node)) return node.pathwayId === pathwayId || embeds(node.requirement, pathwayId);
  return node.children.some((child) => embeds(child, pathwayId));
}

class Issues {
  readonly invalid: DefinitionIssue[] = [];
  readonly conflicting: DefinitionIssue[] = [];

  /** VALIDATION_ERROR for bad references, else CONFLICT for a state that must change first. */
  throwIfAny(): void {
    for (const [issues, code] of [
      [this.invalid, ServerErrorCode.VALIDATION_ERROR],
      [this.conflicting, ServerErrorCode.CONFLICT],
    ] as const) {
      const first = issues[0];
      if (first === undefined) continue;
      throw new ServerError(code, `${first.path}: ${first.message}`, {
        details: { errors: issues.map((issue) => ({ ...issue, in: 'body' })) },
      });
    }
  }
}

/**
 * Checks a pathway definition against storage and turns it into a version's self-contained rules:
 * every achievement exists; the completion and milestone achievements are the issuer's own; a required
 * achievement of another issuer is published and its issuer has consented (a partnership); when
 * publishing, the issuer's own achievements are published too; sub-pathways are published and form no
 * cycle; and no chain of pathways requires its own award. Achievement credits and hours and sub-pathway
 * rules are copied in. Throws VALIDATION_ERROR (a bad reference) or CONFLICT (a state to change first),
 * listing every offending field by its path.
 */
export async function resolvePathwayVersion(
  context: PlatformContext,
  options: {
    readonly pathwayId: string;
    readonly issuerId: string;
    readonly completionAchievementId: string;
    readonly requirement: RequirementNode;
    readonly publishing: boolean;
  },
): Promise<NewPathwayVersion> {
  const { issuerId, publishing } = options;
  const issues = new Issues();
  issues.invalid.push(
    ...checkRequirementStructure({
      requirement: options.requirement,
      completionAchievementId: options.completionAchievementId,
    }),
  );
  issues.throwIfAny();

  const achievements = new Map<string, Achievement | null>();
  const achievement = async (id: string) => {
    if (!achievements.has(id)) achievements.set(id, await context.storage.achievements.findById({ id }));
    return achievements.get(id) ?? null;
  };
  const consents = new Map<string, boolean>();
  const consented = async (grantorIssuerId: string) => {
    if (!consents.has(grantorIssuerId)) {
      consents.set(
        grantorIssuerId,
        await context.storage.partnerships.exists({ grantorIssuerId, granteeIssuerId: issuerId }),
      );
    }
    return consents.get(grantorIssuerId) === true;
  };

  /** An award (completion or milestone): one of the issuer's own achievements. */
  const checkAward = async (id: string, path: string) => {
    const found = await achievement(id);
    if (found === null || (found.issuerId !== issuerId && found.status !== 'published')) {
      issues.invalid.push({ path, message: `no such achievement: ${id}` });
    } else if (found.issuerId !== issuerId) {
      issues.invalid.push({ path, message: "a pathway awards only its own issuer's achievements" });
    } else if (publishing && found.status !== 'published') {
      issues.conflicting.push({
        path,
        message: `achievement "${found.name}" is ${found.status}: publish it first`,
      });
    }
  };

  const resolve = async (node: RequirementNode, path: string): Promise<RuleNode | null> => {
    if (node.type === 'achievement') {
      const found = await achievement(node.achievementId);
      const foreign = found !== null && found.issuerId !== issuerId;
      // Another issuer's drafts are not visible: they are "not found", like everything of theirs.
      if (found === null || (foreign && found.status !== 'published')) {
        issues.invalid.push({
          path: `${path}.achievementId`,
          message: `no such achievement: ${node.achievementId}`,
        });
        return null;
      }
      if (foreign && !(await consented(found.issuerId))) {
        issues.conflicting.push({
          path: `${path}.achievementId`,
          message: `achievement "${found.name}" belongs to another issuer, which has not consented (no partnership)`,
        });
      } else if (publishing && found.status !== 'published') {
        issues.conflicting.push({
          path: `${path}.achievementId`,
          message: `achievement "${found.name}" is ${found.status}: publish it first`,
        });
      }
      return { type: 'achievement', achievementId: found.id, credits: found.credits, hours: found.hours };
    }
    if (!isGroup(node)) {
      if (node.pathwayId === options.pathwayId) {
        issues.invalid.push({
          path: `${path}.pathwayId`,
          message: 'a cycle: a pathway cannot contain itself',
        });
        return null;
      }
      const sub = await context.storage.pathways.findById({ id: node.pathwayId });
      const foreign = sub !== null && sub.pathway.issuerId !== issuerId;
      if (sub === null || (foreign && sub.pathway.status !== 'published')) {
        issues.invalid.push({ path: `${path}.pathwayId`, message: `no such pathway: ${node.pathwayId}` });
        return null;
      }
      if (sub.pathway.status !== 'published') {
        issues.conflicting.push({
          path: `${path}.pathwayId`,
          message: `pathway "${sub.pathway.name}" is a draft: publish it first`,
        });
        return null;
      }
      if (foreign && !(await consented(sub.pathway.issuerId))) {
        issues.conflicting.push({
          path: `${path}.pathwayId`,
          message: `pathway "${sub.pathway.name}" belongs to another issuer, which has not consented (no partnership)`,
        });
      }
      if (embeds(sub.version.rules.requirement, options.pathwayId)) {
        issues.invalid.push({
          path: `${path}.pathwayId`,
          message: `a cycle: pathway "${sub.pathway.name}" contains this pathway`,
        });
        return null;
      }
      const embedded: EmbeddedPathway = {
        type: 'pathway',
        pathwayId: sub.pathway.id,
        version: sub.version.version,
        completionAchievementId: sub.version.rules.completionAchievementId,
        requirement: sub.version.rules.requirement,
      };
      return embedded;
    }
    if (node.milestoneAchievementId !== undefined) {
      await checkAward(node.milestoneAchievementId, `${path}.milestoneAchievementId`);
    }
    const children: RuleNode[] = [];
    for (const [index, child] of node.children.entries()) {
      const resolved = await resolve(child, `${path}.children.${index}`);
      if (resolved === null) continue;
      if (
        (node.type === 'credits-at-least' || node.type === 'hours-at-least') &&
        resolved.type === 'achievement'
      ) {
        const field = node.type === 'credits-at-least' ? 'credits' : 'hours';
        if (resolved[field] === null) {
          issues.invalid.push({
            path: `${path}.children.${index}.achievementId`,
            message: `the achievement has no ${field}, so it cannot count toward a sum of ${field}`,
          });
        }
      }
      children.push(resolved);
    }
    return { ...node, children } as RuleNode;
  };

  await checkAward(options.completionAchievementId, 'completionAchievementId');
  const requirement = await resolve(options.requirement, 'requirement');
  issues.throwIfAny();
  if (requirement === null)
    throw new ServerError(ServerErrorCode.INTERNAL, 'the requirement did not resolve');
  const rules: PathwayRules = { completionAchievementId: options.completionAchievementId, requirement };
  const required = requiredAchievementIds(requirement);
  const milestones = milestoneAchievementIds(requirement);
  await checkAwardChains(context, {
    pathwayId: options.pathwayId,
    awards: [options.completionAchievementId, ...milestones],
    required,
  });
  return { rules, requiredAchievementIds: required, milestoneAchievementIds: milestones };
}

/**
 * Refuses a chain of pathways that requires its own award: this pathway requires X, X is awarded by a
 * pathway that (through any number of others) requires this pathway's completion or a milestone, or
 * contains this pathway.
 */
async function checkAwardChains(
  context: PlatformContext,
  options: {
    readonly pathwayId: string;
    readonly awards: readonly string[];
    readonly required: readonly string[];
  },
): Promise<void> {
  const awards = new Set(options.awards);
  const seen = new Set<string>([options.pathwayId]);
  let frontier = [...options.required];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const found of await context.storage.pathways.findAwarding({ achievementIds: frontier })) {
      if (seen.has(found.pathway.id)) continue;
      seen.add(found.pathway.id);
      const loop =
        found.version.requiredAchievementIds.some((id) => awards.has(id)) ||
        embeds(found.version.rules.requirement, options.pathwayId);
      if (loop) {
        throw new ServerError(
          ServerErrorCode.VALIDATION_ERROR,
          `requirement: a cycle: it depends on pathway "${found.pathway.name}", which depends on this pathway`,
          {
            details: {
              errors: [{ path: 'requirement', in: 'body', message: 'a cycle through other pathways' }],
            },
          },
        );
      }
      next.push(...found.version.requiredAchievementIds);
    }
    frontier = next;
  }
}
