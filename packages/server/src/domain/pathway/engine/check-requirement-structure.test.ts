import { describe, expect, it } from 'vitest';
import type { RequirementNode } from '../model/requirement-node.js';
import { checkRequirementStructure } from './check-requirement-structure.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const DONE = '00000000-0000-4000-8000-0000000000dd';
const leaf = (achievementId: string): RequirementNode => ({ type: 'achievement', achievementId });
const check = (requirement: RequirementNode) =>
  checkRequirementStructure({ requirement, completionAchievementId: DONE });

describe('checkRequirementStructure', () => {
  it('accepts a well-formed tree', () => {
    expect(
      check({
        type: 'all-of',
        precedes: [{ before: 0, after: 1 }],
        children: [
          { type: 'n-of', n: 2, milestoneAchievementId: C, children: [leaf(A), leaf(B)] },
          { type: 'credits-at-least', credits: 2, children: [leaf(A)] },
        ],
      }),
    ).toEqual([]);
  });

  it('refuses n greater than the number of children, at the offending node', () => {
    expect(
      check({ type: 'all-of', children: [{ type: 'n-of', n: 3, children: [leaf(A), leaf(B)] }] }),
    ).toEqual([{ path: 'requirement.children.0.n', message: 'n is 3 but the group has only 2 children' }]);
  });

  it('refuses ordering cycles, self-ordering and children that do not exist', () => {
    const group = (precedes: { before: number; after: number }[]): RequirementNode => ({
      type: 'all-of',
      precedes,
      children: [leaf(A), leaf(B), leaf(C)],
    });
    expect(
      check(
        group([
          { before: 0, after: 1 },
          { before: 1, after: 2 },
          { before: 2, after: 0 },
        ]),
      ),
    ).toEqual([{ path: 'requirement.precedes', message: 'the ordering pairs form a cycle' }]);
    expect(check(group([{ before: 1, after: 1 }]))).toEqual([
      { path: 'requirement.precedes.0', message: 'a child cannot precede itself' },
    ]);
    expect(check(group([{ before: 0, after: 5 }]))[0]?.path).toBe('requirement.precedes.0');
  });

  it('refuses a pathway that requires its own completion or milestone achievement (a cycle)', () => {
    expect(check({ type: 'all-of', children: [leaf(A), leaf(DONE)] })).toEqual([
      {
        path: 'requirement.children.1.achievementId',
        message: 'a cycle: this achievement is awarded by the pathway itself (completionAchievementId)',
      },
    ]);
    const milestone = check({
      type: 'all-of',
      children: [{ type: 'all-of', milestoneAchievementId: B, children: [leaf(A)] }, leaf(B)],
    });
    expect(milestone.map((issue) => issue.path)).toEqual(['requirement.children.1.achievementId']);
  });

  it('refuses duplicates in a group, non-achievements under a sum, a milestone on the root, deep trees', () => {
    expect(check({ type: 'n-of', n: 1, children: [leaf(A), leaf(A)] })[0]?.path).toBe(
      'requirement.children.1',
    );
    expect(
      check({
        type: 'hours-at-least',
        hours: 10,
        children: [{ type: 'all-of', children: [leaf(A)] }],
      })[0]?.path,
    ).toBe('requirement.children.0');
    expect(check({ type: 'all-of', milestoneAchievementId: C, children: [leaf(A)] })[0]?.path).toBe(
      'requirement.milestoneAchievementId',
    );
    let deep: RequirementNode = leaf(A);
    for (let level = 0; level < 10; level += 1) deep = { type: 'all-of', children: [deep] };
    expect(check(deep).some((issue) => issue.message.includes('levels deep'))).toBe(true);
  });
});
