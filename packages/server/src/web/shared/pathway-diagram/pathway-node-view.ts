import type { NodeProgress, PathwayProgress } from '../../../domain/pathway/engine/evaluate-pathway.js';

export type DiagramState = 'done' | 'in-progress' | 'missing' | 'blocked';

export interface PathwayDiagramLabels {
  readonly done: string;
  readonly inProgress: string;
  readonly missing: string;
  readonly blocked: string;
  /** The diagram's accessible name, e.g. the pathway's name. */
  readonly title: string;
  /** Words for a group's or sub-pathway's rule ("3 of 4", "12 credits"), used when it has no name. */
  readonly describeRule: (node: NodeProgress) => string;
  /** "2 of 3 steps done", for a group of steps; without it such a group shows its percentage too. */
  readonly stepsDone?: (done: number, total: number) => string;
  /** "Awards Foundations badge": what a node that awards an achievement says of it (see `awardOf`). */
  readonly awards?: (name: string) => string;
}

export interface PathwayDiagramInput {
  readonly progress: PathwayProgress;
  readonly achievementName: (achievementId: string) => string;
  readonly labels: PathwayDiagramLabels;
  /** Where a node leads (an achievement's page, the certificate earned), or null for none. */
  readonly linkOf?: (node: NodeProgress) => string | null;
  /**
   * The achievement a node awards once met (the pathway's completion, a milestone), to be named on it
   * with `labels.awards`; null for none. Without it no node names an award.
   */
  readonly awardOf?: (node: NodeProgress) => string | null;
}

/**
 * How a node is drawn. Met wins over everything; a blocked node counts nothing yet, so it is shown as
 * waiting rather than as missing. A group is in progress as soon as anything under it is, even when its
 * percent rounds down to 0 (a credits group whose only met child carries no credits, 1 of 101).
 */
export function diagramStateOf(node: NodeProgress): DiagramState {
  if (node.met) return 'done';
  if (node.blocked) return 'blocked';
  if (node.percent > 0) return 'in-progress';
  const started = node.children.some((child) => {
    const state = diagramStateOf(child);
    return state === 'done' || state === 'in-progress';
  });
  return started ? 'in-progress' : 'missing';
}

/**
 * How many of its steps a group of steps has met, of those it needs: what a person counts ("2 of 3"),
 * where the percentage would read 66%. Null for an amount (credits, hours), a sub-pathway or an achievement.
 */
export function stepsOf(node: NodeProgress): { readonly done: number; readonly total: number } | null {
  if (node.type !== 'all-of' && node.type !== 'n-of') return null;
  const total = node.type === 'n-of' ? (node.threshold ?? node.children.length) : node.children.length;
  const done = Math.min(total, node.children.filter((child) => child.met).length);
  return { done, total };
}

export function percentOf(node: NodeProgress): number {
  return Number.isFinite(node.percent) ? Math.min(100, Math.max(0, Math.round(node.percent))) : 0;
}

export function stateWord(state: DiagramState, labels: PathwayDiagramLabels): string {
  switch (state) {
    case 'done':
      return labels.done;
    case 'in-progress':
      return labels.inProgress;
    case 'missing':
      return labels.missing;
    case 'blocked':
      return labels.blocked;
  }
}

export function nodeName(node: NodeProgress, input: PathwayDiagramInput): string {
  if (node.type === 'achievement' && node.achievementId !== null)
    return input.achievementName(node.achievementId);
  return node.name ?? input.labels.describeRule(node);
}

/** What one node says, the same in the diagram and in the list that stands in for it on a phone. */
export interface PathwayNodeView {
  readonly node: NodeProgress;
  readonly state: DiagramState;
  readonly name: string;
  /** A named group's rule ("2 of 3"); null for an achievement or a group whose name is its rule. */
  readonly rule: string | null;
  /** A group's progress: its steps done ("2 of 3 steps done") or its percentage; null once met, or for an achievement. */
  readonly progress: string | null;
  /** What it awards once met ("Awards Foundations badge"); null when it awards nothing or is not asked. */
  readonly award: string | null;
  /** The state in words. */
  readonly word: string;
  readonly href: string | null;
  /** Everything above in one line: the node's tooltip and its link's accessible name. */
  readonly summary: string;
}

export function viewPathwayNode(node: NodeProgress, input: PathwayDiagramInput): PathwayNodeView {
  const state = diagramStateOf(node);
  const name = nodeName(node, input);
  const word = stateWord(state, input.labels);
  const isLeaf = node.type === 'achievement';
  // A named group still says what its rule is; an unnamed one already shows the rule as its name.
  const rule = !isLeaf && node.name !== null ? input.labels.describeRule(node) : null;
  const steps = stepsOf(node);
  // Once met, "Done" says it all: "3 of 3 steps done" or "100%" beside it would only repeat it.
  const progress =
    isLeaf || node.met
      ? null
      : steps !== null && input.labels.stepsDone !== undefined
        ? input.labels.stepsDone(steps.done, steps.total)
        : `${percentOf(node)}%`;
  const awarded = input.awardOf?.(node) ?? null;
  const award =
    awarded === null || input.labels.awards === undefined
      ? null
      : input.labels.awards(input.achievementName(awarded));
  const summary = [name, rule, progress, award, word].filter((part) => part !== null).join(' — ');
  return { node, state, name, rule, progress, award, word, href: input.linkOf?.(node) ?? null, summary };
}
