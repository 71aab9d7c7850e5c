import {
  isGroup,
  MAX_REQUIREMENT_DEPTH,
  type Precedence,
  type RequirementNode,
} from '../model/requirement-node.js';

/** One thing wrong with a definition, at the JSON path of the offending node or field. */
export interface DefinitionIssue {
  readonly path: string;
  readonly message: string;
}

const MAX_NODES = 500;

/** True when the `precedes` pairs of one group contain a cycle (including a child preceding itself). */
function hasOrderingCycle(count: number, precedes: readonly Precedence[]): boolean {
  const next = Array.from({ length: count }, () => [] as number[]);
  for (const { before, after } of precedes) next[before]?.push(after);
  const state = new Array<0 | 1 | 2>(count).fill(0);
  const visit = (index: number): boolean => {
    if (state[index] === 1) return true;
    if (state[index] === 2) return false;
    state[index] = 1;
    if ((next[index] ?? []).some(visit)) return true;
    state[index] = 2;
    return false;
  };
  return Array.from({ length: count }, (_, index) => index).some(visit);
}

/**
 * The rules a requirement tree must follow on its own, before any achievement is looked up: n ≤ m,
 * ordering pairs that name existing children and form no cycle, no achievement twice in one group,
 * credit and hour sums over achievements only, a bounded depth, and no award that is also a requirement
 * (a pathway cannot require its own completion or milestone credential). Returns every issue found.
 */
export function checkRequirementStructure(options: {
  readonly requirement: RequirementNode;
  readonly completionAchievementId: string;
}): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const awards = new Map<string, string>([[options.completionAchievementId, 'completionAchievementId']]);
  const required: { path: string; achievementId: string }[] = [];
  let nodes = 0;

  const visit = (node: RequirementNode, path: string, depth: number): void => {
    nodes += 1;
    if (depth > MAX_REQUIREMENT_DEPTH) {
      issues.push({ path, message: `requirements nest at most ${MAX_REQUIREMENT_DEPTH} levels deep` });
      return;
    }
    if (node.type === 'achievement') {
      required.push({ path: `${path}.achievementId`, achievementId: node.achievementId });
      return;
    }
    if (!isGroup(node)) return;
    const count = node.children.length;
    if (node.type === 'n-of' && node.n > count) {
      issues.push({ path: `${path}.n`, message: `n is ${node.n} but the group has only ${count} children` });
    }
    if (node.milestoneAchievementId !== undefined) {
      if (depth === 0) {
        issues.push({
          path: `${path}.milestoneAchievementId`,
          message:
            "the whole pathway's award is completionAchievementId; a milestone belongs on an inner group",
        });
      } else if (awards.has(node.milestoneAchievementId)) {
        issues.push({
          path: `${path}.milestoneAchievementId`,
          message: `this achievement is already awarded by ${awards.get(node.milestoneAchievementId)}`,
        });
      } else {
        awards.set(node.milestoneAchievementId, `${path}.milestoneAchievementId`);
      }
    }
    const precedes = node.precedes ?? [];
    precedes.forEach(({ before, after }, index) => {
      if (before >= count || after >= count) {
        issues.push({
          path: `${path}.precedes.${index}`,
          message: `names child ${Math.max(before, after)}, but the group has ${count} children (0–${count - 1})`,
        });
      } else if (before === after) {
        issues.push({ path: `${path}.precedes.${index}`, message: 'a child cannot precede itself' });
      }
    });
    if (precedes.every(({ before, after }) => before < count && after < count && before !== after)) {
      if (hasOrderingCycle(count, precedes)) {
        issues.push({ path: `${path}.precedes`, message: 'the ordering pairs form a cycle' });
      }
    }
    const seen = new Map<string, number>();
    node.children.forEach((child, index) => {
      const childPath = `${path}.children.${index}`;
      const key =
        child.type === 'achievement'
          ? `achievement ${child.achievementId}`
          : child.type === 'pathway'
            ? `pathway ${child.pathwayId}`
            : undefined;
      if (key !== undefined) {
        const first = seen.get(key);
        if (first !== undefined) {
          issues.push({ path: childPath, message: `the same ${key.split(' ')[0]} as child ${first}` });
        } else seen.set(key, index);
      }
      if (
        (node.type === 'credits-at-least' || node.type === 'hours-at-least') &&
        child.type !== 'achievement'
      ) {
        issues.push({
          path: childPath,
          message: `${node.type === 'credits-at-least' ? 'credits' : 'hours'} are summed over achievements: every child must be an achievement`,
        });
      }
      visit(child, childPath, depth + 1);
    });
  };
  visit(options.requirement, 'requirement', 0);
  if (nodes > MAX_NODES) issues.push({ path: 'requirement', message: `at most ${MAX_NODES} nodes` });
  for (const { path, achievementId } of required) {
    const award = awards.get(achievementId);
    if (award !== undefined) {
      issues.push({
        path,
        message: `a cycle: this achievement is awarded by the pathway itself (${award})`,
      });
    }
  }
  return issues;
}
