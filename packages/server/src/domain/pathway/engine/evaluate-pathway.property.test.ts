import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PathwayRules, RuleNode } from '../model/pathway-rules.js';
import { type EarnedCredential, evaluatePathway, type PathwayProgress } from './evaluate-pathway.js';

const ACHIEVEMENTS = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'];
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date(Date.UTC(2026, 0, 20));
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * DAY);

const leaf = fc.record({
  type: fc.constant('achievement' as const),
  achievementId: fc.constantFrom(...ACHIEVEMENTS),
  // Halves add up exactly in binary floating point, so the plain reference below can sum them directly.
  credits: fc.option(fc.integer({ min: 1, max: 6 }).map((n) => n / 2)),
  hours: fc.option(fc.integer({ min: 1, max: 40 })),
});

/** Ordering pairs that go forward only (`before` < `after`): acyclic by construction. */
const precedesFor = (count: number) =>
  count < 2
    ? fc.constant(undefined)
    : fc.option(
        fc
          .uniqueArray(
            fc
              .tuple(fc.integer({ min: 0, max: count - 1 }), fc.integer({ min: 0, max: count - 1 }))
              .filter(([a, b]) => a < b),
            { maxLength: 3, selector: ([a, b]) => `${a}-${b}` },
          )
          .map((pairs) => pairs.map(([before, after]) => ({ before, after }))),
        { nil: undefined },
      );

const tree: fc.Arbitrary<RuleNode> = fc.letrec<{ node: RuleNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).chain((children) =>
      fc
        .record({
          type: fc.constantFrom('all-of' as const, 'n-of' as const),
          n: fc.integer({ min: 1, max: children.length }),
          precedes: precedesFor(children.length),
        })
        .map(({ type, n, precedes }): RuleNode => {
          const order = precedes === undefined ? {} : { precedes };
          return type === 'all-of' ? { type, children, ...order } : { type, n, children, ...order };
        }),
    ),
    fc.array(leaf, { minLength: 1, maxLength: 4 }).chain((children) =>
      fc
        .record({
          type: fc.constantFrom('credits-at-least' as const, 'hours-at-least' as const),
          threshold: fc.integer({ min: 1, max: 12 }).map((n) => n / 2),
          precedes: precedesFor(children.length),
        })
        .map(({ type, threshold, precedes }): RuleNode => {
          const order = precedes === undefined ? {} : { precedes };
          return type === 'credits-at-least'
            ? { type, credits: threshold, children, ...order }
            : { type, hours: threshold * 4, children, ...order };
        }),
    ),
    tie('node').map(
      (requirement): RuleNode => ({
        type: 'pathway',
        pathwayId: 'sub',
        version: 1,
        completionAchievementId: 'sub-done',
        requirement,
      }),
    ),
  ),
})).node;

const credential = fc.record({
  id: fc.uuid(),
  achievementId: fc.constantFrom(...ACHIEVEMENTS),
  issuedAt: fc.integer({ min: 0, max: 22 }).map(day),
  validUntil: fc.option(fc.integer({ min: 5, max: 40 }).map(day)),
  revoked: fc.constantFrom(false, false, false, false, true),
  suspended: fc.constantFrom(false, false, false, false, true),
});

/** A credential that counts: issued before now, never expiring, neither revoked nor suspended. */
const validCredential = fc.record({
  id: fc.uuid(),
  achievementId: fc.constantFrom(...ACHIEVEMENTS),
  issuedAt: fc.integer({ min: 0, max: 19 }).map(day),
  validUntil: fc.constant(null),
  revoked: fc.constant(false),
  suspended: fc.constant(false),
});

const rules = (requirement: RuleNode): PathwayRules => ({ completionAchievementId: 'done', requirement });

function byPath(progress: PathwayProgress) {
  return new Map(progress.nodes.map((node) => [node.path, node]));
}

// ---------------------------------------------------------------------------------------------------
// The reference: the rules written plainly and independently. Where the implementation computes the
// earliest time each node is met and passes it down, the reference asks, by brute force over every
// issue date, whether a cut time exists with the predecessors met before it and the node met after it.

type Window = { lo: number; hi: number };

function countsNow(item: EarnedCredential): boolean {
  if (item.revoked || item.suspended) return false;
  if (item.issuedAt > NOW) return false;
  return item.validUntil === null || item.validUntil > NOW;
}

function referenceHolds(node: RuleNode, held: EarnedCredential[], window: Window): boolean {
  if (node.type === 'achievement') {
    return held.some(
      (item) =>
        item.achievementId === node.achievementId &&
        item.issuedAt.getTime() >= window.lo &&
        item.issuedAt.getTime() <= window.hi,
    );
  }
  if (node.type === 'pathway') return referenceHolds(node.requirement, held, window);
  const times = [...new Set(held.map((item) => item.issuedAt.getTime()))];
  const counted = (index: number, inWindow: Window): boolean => {
    const child = node.children[index] as RuleNode;
    const before = (node.precedes ?? []).filter((pair) => pair.after === index).map((pair) => pair.before);
    if (before.length === 0) return referenceHolds(child, held, inWindow);
    const cuts = [inWindow.lo, ...times].filter((time) => time >= inWindow.lo && time <= inWindow.hi);
    return cuts.some(
      (cut) =>
        before.every((other) => counted(other, { lo: inWindow.lo, hi: cut })) &&
        referenceHolds(child, held, { lo: cut, hi: inWindow.hi }),
    );
  };
  const flags = node.children.map((_, index) => counted(index, window));
  switch (node.type) {
    case 'all-of':
      return flags.every(Boolean);
    case 'n-of':
      return flags.filter(Boolean).length >= node.n;
    case 'credits-at-least':
    case 'hours-at-least': {
      let sum = 0;
      node.children.forEach((child, index) => {
        if (flags[index] && child.type === 'achievement') {
          sum += (node.type === 'credits-at-least' ? child.credits : child.hours) ?? 0;
        }
      });
      return sum >= (node.type === 'credits-at-least' ? node.credits : node.hours);
    }
  }
}

/** Nodes whose ancestors have no ordering: they are judged over all time, as the reference's top call. */
function unorderedNodes(node: RuleNode, path: string, into: { node: RuleNode; path: string }[] = []) {
  into.push({ node, path });
  if (node.type === 'pathway') unorderedNodes(node.requirement, `${path}.requirement`, into);
  else if (node.type !== 'achievement' && (node.precedes ?? []).length === 0) {
    node.children.forEach((child, index) => {
      unorderedNodes(child, `${path}.children.${index}`, into);
    });
  }
  return into;
}

const ALL_TIME: Window = { lo: Number.NEGATIVE_INFINITY, hi: Number.POSITIVE_INFINITY };

describe('evaluatePathway properties', () => {
  it('never lowers any node when a valid credential is added', () => {
    fc.assert(
      fc.property(tree, fc.array(credential, { maxLength: 8 }), validCredential, (root, held, extra) => {
        const before = byPath(evaluatePathway({ pathway: rules(root), credentials: held, now: NOW }));
        const after = evaluatePathway({ pathway: rules(root), credentials: [...held, extra], now: NOW });
        for (const node of after.nodes) {
          const earlier = before.get(node.path);
          expect(node.percent).toBeGreaterThanOrEqual(earlier?.percent ?? 0);
          if (earlier?.met) expect(node.met).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never raises any node when a credential is removed', () => {
    fc.assert(
      fc.property(
        tree,
        fc.array(credential, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (root, held, pick) => {
          const removed = held.filter((_, index) => index !== pick % held.length);
          const before = byPath(evaluatePathway({ pathway: rules(root), credentials: held, now: NOW }));
          const after = evaluatePathway({ pathway: rules(root), credentials: removed, now: NOW });
          for (const node of after.nodes) {
            const earlier = before.get(node.path);
            expect(node.percent).toBeLessThanOrEqual(earlier?.percent ?? 100);
            if (node.met) expect(earlier?.met).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds a node met exactly when the reference says its rule holds', () => {
    fc.assert(
      fc.property(tree, fc.array(credential, { maxLength: 8 }), (root, held) => {
        const progress = evaluatePathway({ pathway: rules(root), credentials: held, now: NOW });
        const nodes = byPath(progress);
        const valid = held.filter(countsNow);
        for (const { node, path } of unorderedNodes(root, 'requirement')) {
          expect(nodes.get(path)?.met, path).toBe(referenceHolds(node, valid, ALL_TIME));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reports 100 percent exactly when met, and each completing achievement completes its node', () => {
    fc.assert(
      fc.property(tree, fc.array(credential, { maxLength: 6 }), (root, held) => {
        const progress = evaluatePathway({ pathway: rules(root), credentials: held, now: NOW });
        for (const node of progress.nodes) {
          expect(node.percent === 100).toBe(node.met);
          expect(node.percent).toBeGreaterThanOrEqual(0);
          if (node.met) expect(node.missingAchievementIds).toEqual([]);
          for (const achievementId of node.completingAchievementIds) {
            const completed = evaluatePathway({
              pathway: rules(root),
              credentials: [
                ...held,
                {
                  id: 'new',
                  achievementId,
                  issuedAt: NOW,
                  validUntil: null,
                  revoked: false,
                  suspended: false,
                },
              ],
              now: NOW,
            });
            expect(byPath(completed).get(node.path)?.met).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
