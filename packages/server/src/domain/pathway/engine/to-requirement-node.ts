import type { RuleNode } from '../model/pathway-rules.js';
import { isGroup, type RequirementNode } from '../model/requirement-node.js';

/** The author's view of a saved tree: amounts and embedded rules dropped. */
export function toRequirementNode(node: RuleNode): RequirementNode {
  if (node.type === 'achievement') return { type: 'achievement', achievementId: node.achievementId };
  if (!isGroup(node)) return { type: 'pathway', pathwayId: node.pathwayId };
  const { children, ...group } = node;
  return { ...group, children: children.map(toRequirementNode) };
}
