import type { PathwayRules, RuleNode } from '../model/pathway-rules.js';
import { isGroup, type RequirementType } from '../model/requirement-node.js';

/** What evaluation needs to know of one of the earner's credentials. */
export interface EarnedCredential {
  readonly id: string;
  readonly achievementId: string;
  readonly issuedAt: Date;
  readonly validUntil: Date | null;
  readonly revoked: boolean;
  readonly suspended: boolean;
}

/** Progress on one requirement node. */
export interface NodeProgress {
  /** Where the node sits, as in the definition's JSON: `requirement`, `requirement.children.2`, … */
  readonly path: string;
  readonly type: RequirementType;
  readonly name: string | null;
  readonly met: boolean;
  /** When the rule came to hold (issue dates of the credentials it counts); null when not met. */
  readonly metAt: Date | null;
  /** 0–100, whole; 100 exactly when met. */
  readonly percent: number;
  /** The rule's number: n of an n-of, the credits or hours of a sum, the children of an all-of. */
  readonly threshold: number | null;
  /** An ordering predecessor (`precedes`) is not met yet, so nothing under this node counts for now. */
  readonly blocked: boolean;
  /** The achievement of a leaf (null for other nodes). */
  readonly achievementId: string | null;
  readonly milestoneAchievementId: string | null;
  /** Achievements under this node that are not (validly, in order) held; empty once met. */
  readonly missingAchievementIds: readonly string[];
  /** Achievements any one of which, earned now, would make this node met. */
  readonly completingAchievementIds: readonly string[];
  /** The earner's credentials this node counts (one per met leaf under it). */
  readonly credentialIds: readonly string[];
  readonly children: readonly NodeProgress[];
}

export interface PathwayProgress {
  readonly met: boolean;
  readonly metAt: Date | null;
  readonly percent: number;
  readonly root: NodeProgress;
  /** Every node, depth first, the root first. */
  readonly nodes: readonly NodeProgress[];
}

export interface EvaluatePathwayOptions {
  readonly pathway: PathwayRules;
  readonly credentials: readonly EarnedCredential[];
  readonly now: Date;
  /**
   * Count credentials that have expired or are suspended (never revoked ones). Used to decide whether an
   * award already made still stands: a constituent that lapsed, or is suspended for now, does not undo a
   * stacked credential; a revocation, which is permanent, does.
   */
  readonly countExpired?: boolean;
}

type Held = ReadonlyMap<string, readonly { readonly id: string; readonly at: number }[]>;

interface Evaluated extends Omit<NodeProgress, 'completingAchievementIds' | 'children' | 'metAt'> {
  readonly metAtMs: number | null;
  readonly children: readonly Evaluated[];
}

// Credits and hours are compared in thousandths, as integers: float sums would depend on their order.
const SCALE = 1000;

function isCounted(credential: EarnedCredential, now: number, countExpired: boolean): boolean {
  if (credential.revoked || (credential.suspended && !countExpired)) return false;
  if (credential.issuedAt.getTime() > now) return false;
  return countExpired || credential.validUntil === null || credential.validUntil.getTime() > now;
}

function holdings(credentials: readonly EarnedCredential[], now: number, countExpired: boolean): Held {
  const byAchievement = new Map<string, { id: string; at: number }[]>();
  for (const credential of credentials) {
    if (!isCounted(credential, now, countExpired)) continue;
    const list = byAchievement.get(credential.achievementId) ?? [];
    list.push({ id: credential.id, at: credential.issuedAt.getTime() });
    byAchievement.set(credential.achievementId, list);
  }
  for (const list of byAchievement.values()) list.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  return byAchievement;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Children in an order where every `before` comes ahead of its `after`; children on a cycle come last. */
function orderChildren(count: number, precedes: readonly { before: number; after: number }[]) {
  const predecessors = Array.from({ length: count }, () => [] as number[]);
  for (const { before, after } of precedes) predecessors[after]?.push(before);
  const order: number[] = [];
  const placed = new Set<number>();
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (let index = 0; index < count; index += 1) {
      if (placed.has(index)) continue;
      if ((predecessors[index] ?? []).every((before) => placed.has(before))) {
        placed.add(index);
        order.push(index);
        progressed = true;
      }
    }
  }
  for (let index = 0; index < count; index += 1) if (!placed.has(index)) order.push(index);
  return { order, predecessors, placed };
}

function amountOf(node: RuleNode, field: 'credits' | 'hours'): number {
  return node.type === 'achievement' ? Math.round((node[field] ?? 0) * SCALE) : 0;
}

/**
 * `notBefore`: only credentials issued at or after it count (ordering); +Infinity when a predecessor is
 * not met, so that nothing below counts.
 */
function evaluateNode(node: RuleNode, path: string, held: Held, notBefore: number): Evaluated {
  if (node.type === 'achievement') {
    const credential = (held.get(node.achievementId) ?? []).find((item) => item.at >= notBefore);
    return {
      path,
      type: 'achievement',
      name: null,
      met: credential !== undefined,
      metAtMs: credential?.at ?? null,
      percent: credential === undefined ? 0 : 100,
      threshold: null,
      blocked: notBefore === Number.POSITIVE_INFINITY,
      achievementId: node.achievementId,
      milestoneAchievementId: null,
      missingAchievementIds: credential === undefined ? [node.achievementId] : [],
      credentialIds: credential === undefined ? [] : [credential.id],
      children: [],
    };
  }
  if (!isGroup(node)) {
    const inner = evaluateNode(node.requirement, `${path}.requirement`, held, notBefore);
    return {
      ...inner,
      path,
      type: 'pathway',
      name: null,
      threshold: null,
      achievementId: null,
      milestoneAchievementId: null,
      children: [inner],
    };
  }

  const { order, predecessors, placed } = orderChildren(node.children.length, node.precedes ?? []);
  const results: Evaluated[] = new Array(node.children.length);
  for (const index of order) {
    const child = node.children[index] as RuleNode;
    const before = (predecessors[index] ?? []).map((item) => results[item]);
    const ready = placed.has(index) && before.every((result) => result?.met === true);
    const start = ready
      ? Math.max(notBefore, ...before.map((result) => result?.metAtMs ?? Number.NEGATIVE_INFINITY))
      : Number.POSITIVE_INFINITY;
    const result = evaluateNode(child, `${path}.children.${index}`, held, start);
    results[index] = ready ? result : { ...result, blocked: true };
  }
  const metTimes = results
    .filter((result) => result.met)
    .map((result) => result.metAtMs ?? 0)
    .sort((a, b) => a - b);
  const percents = results.map((result) => result.percent);

  let met: boolean;
  let metAtMs: number | null = null;
  let percent: number;
  switch (node.type) {
    case 'all-of':
      met = metTimes.length === results.length;
      metAtMs = met ? (metTimes.at(-1) ?? null) : null;
      percent = Math.floor(percents.reduce((sum, value) => sum + value, 0) / results.length);
      break;
    case 'n-of': {
      met = metTimes.length >= node.n;
      metAtMs = met ? (metTimes[node.n - 1] ?? null) : null;
      const best = [...percents].sort((a, b) => b - a).slice(0, node.n);
      percent = Math.floor(best.reduce((sum, value) => sum + value, 0) / node.n);
      break;
    }
    case 'credits-at-least':
    case 'hours-at-least': {
      const field = node.type === 'credits-at-least' ? 'credits' : 'hours';
      const threshold = Math.round((node.type === 'credits-at-least' ? node.credits : node.hours) * SCALE);
      const contributions = results
        .map((result, index) => ({ result, amount: amountOf(node.children[index] as RuleNode, field) }))
        .filter(({ result }) => result.met)
        .sort((a, b) => (a.result.metAtMs ?? 0) - (b.result.metAtMs ?? 0));
      let total = 0;
      for (const { result, amount } of contributions) {
        total += amount;
        if (metAtMs === null && total >= threshold) metAtMs = result.metAtMs;
      }
      met = total >= threshold;
      percent = Math.min(100, Math.floor((100 * total) / threshold));
      break;
    }
  }
  return {
    path,
    type: node.type,
    name: node.name ?? null,
    met,
    metAtMs,
    percent,
    threshold:
      node.type === 'n-of'
        ? node.n
        : node.type === 'credits-at-least'
          ? node.credits
          : node.type === 'hours-at-least'
            ? node.hours
            : results.length,
    blocked: notBefore === Number.POSITIVE_INFINITY,
    achievementId: null,
    milestoneAchievementId: node.milestoneAchievementId ?? null,
    missingAchievementIds: met ? [] : unique(results.flatMap((result) => result.missingAchievementIds)),
    credentialIds: unique(results.filter((result) => result.met).flatMap((result) => result.credentialIds)),
    children: results,
  };
}

function flatten<T extends { readonly children: readonly T[] }>(node: T, into: T[] = []): T[] {
  into.push(node);
  for (const child of node.children) flatten(child, into);
  return into;
}

function finish(node: Evaluated, completing: ReadonlyMap<string, readonly string[]>): NodeProgress {
  const { metAtMs, children, ...rest } = node;
  return {
    ...rest,
    metAt: metAtMs === null ? null : new Date(metAtMs),
    completingAchievementIds: completing.get(node.path) ?? [],
    children: children.map((child) => finish(child, completing)),
  };
}

/**
 * Progress of one earner on one pathway version: per node, whether its rule holds, how far along it is,
 * what is missing and which single achievement would complete it. Pure: no I/O, no clock but `now`.
 * Revoked, suspended, expired and not-yet-valid credentials do not count. Adding a credential never
 * lowers any node's progress, and removing one never raises it (see the property tests).
 */
export function evaluatePathway(options: EvaluatePathwayOptions): PathwayProgress {
  const now = options.now.getTime();
  const countExpired = options.countExpired ?? false;
  const held = holdings(options.credentials, now, countExpired);
  const root = evaluateNode(options.pathway.requirement, 'requirement', held, Number.NEGATIVE_INFINITY);

  // Which achievements would complete a node: evaluate again with one more credential, issued now.
  const completing = new Map<string, string[]>();
  const unmet = new Set(
    flatten(root)
      .filter((node) => !node.met)
      .map((node) => node.path),
  );
  for (const achievementId of root.missingAchievementIds) {
    const extra: EarnedCredential = {
      id: '',
      achievementId,
      issuedAt: options.now,
      validUntil: null,
      revoked: false,
      suspended: false,
    };
    const trial = evaluateNode(
      options.pathway.requirement,
      'requirement',
      holdings([...options.credentials, extra], now, countExpired),
      Number.NEGATIVE_INFINITY,
    );
    for (const node of flatten(trial)) {
      if (node.met && unmet.has(node.path)) {
        completing.set(node.path, [...(completing.get(node.path) ?? []), achievementId]);
      }
    }
  }

  const finished = finish(root, completing);
  return {
    met: finished.met,
    metAt: finished.metAt,
    percent: finished.percent,
    root: finished,
    nodes: flatten(finished),
  };
}
