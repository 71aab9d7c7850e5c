import { describe, expect, it } from 'vitest';
import type { PathwayRules, RuleAchievement, RuleNode } from '../model/pathway-rules.js';
import { type EarnedCredential, evaluatePathway } from './evaluate-pathway.js';

const NOW = new Date('2026-03-01T00:00:00Z');
const leaf = (achievementId: string, amounts: Partial<RuleAchievement> = {}): RuleAchievement => ({
  type: 'achievement',
  achievementId,
  credits: null,
  hours: null,
  ...amounts,
});
const held = (achievementId: string, issuedAt: string, extra: Partial<EarnedCredential> = {}) => ({
  id: `cred-${achievementId}-${issuedAt}`,
  achievementId,
  issuedAt: new Date(issuedAt),
  validUntil: null,
  revoked: false,
  suspended: false,
  ...extra,
});
const rules = (requirement: RuleNode): PathwayRules => ({
  completionAchievementId: 'certificate',
  requirement,
});

const threeOfFour = rules({
  type: 'n-of',
  n: 3,
  children: [leaf('clean'), leaf('sql'), leaf('viz'), leaf('stats')],
});

describe('evaluatePathway', () => {
  it('meets a 3-of-4 group with three credentials, dated by the third, and counts each', () => {
    const credentials = [
      held('clean', '2026-01-10T00:00:00Z'),
      held('viz', '2026-02-01T00:00:00Z'),
      held('sql', '2026-01-20T00:00:00Z'),
    ];
    const progress = evaluatePathway({ pathway: threeOfFour, credentials, now: NOW });
    expect(progress).toMatchObject({ met: true, percent: 100, metAt: new Date('2026-02-01T00:00:00Z') });
    expect(progress.root.credentialIds).toEqual([
      'cred-clean-2026-01-10T00:00:00Z',
      'cred-sql-2026-01-20T00:00:00Z',
      'cred-viz-2026-02-01T00:00:00Z',
    ]);
    expect(progress.root.missingAchievementIds).toEqual([]);
  });

  it('shows what is missing and which single achievement would complete a group', () => {
    const progress = evaluatePathway({
      pathway: threeOfFour,
      credentials: [held('clean', '2026-01-10T00:00:00Z'), held('sql', '2026-01-20T00:00:00Z')],
      now: NOW,
    });
    expect(progress).toMatchObject({ met: false, percent: 66 });
    expect(progress.root.missingAchievementIds).toEqual(['viz', 'stats']);
    expect(progress.root.completingAchievementIds).toEqual(['viz', 'stats']);
    expect(progress.nodes.map((node) => node.path)).toEqual([
      'requirement',
      'requirement.children.0',
      'requirement.children.1',
      'requirement.children.2',
      'requirement.children.3',
    ]);
  });

  it('does not count revoked, suspended, expired or future credentials', () => {
    const credentials = [
      held('clean', '2026-01-10T00:00:00Z', { revoked: true }),
      held('sql', '2026-01-20T00:00:00Z', { suspended: true }),
      held('viz', '2026-01-20T00:00:00Z', { validUntil: new Date('2026-02-01T00:00:00Z') }),
      held('stats', '2026-04-01T00:00:00Z'),
    ];
    const progress = evaluatePathway({ pathway: threeOfFour, credentials, now: NOW });
    expect(progress.percent).toBe(0);
    // Deciding whether an award still stands counts a lapsed or suspended credential, never a revoked one:
    // a suspension can be lifted, so it must not undo a stacked credential for good.
    const keeping = evaluatePathway({ pathway: threeOfFour, credentials, now: NOW, countExpired: true });
    expect([...keeping.root.credentialIds].sort()).toEqual([
      'cred-sql-2026-01-20T00:00:00Z',
      'cred-viz-2026-01-20T00:00:00Z',
    ]);
  });

  it('sums credits over the achievements held, in thousandths', () => {
    const pathway = rules({
      type: 'credits-at-least',
      credits: 3.5,
      children: [leaf('a', { credits: 1.2 }), leaf('b', { credits: 1.1 }), leaf('c', { credits: 1.2 })],
    });
    const two = evaluatePathway({
      pathway,
      credentials: [held('a', '2026-01-01T00:00:00Z'), held('b', '2026-01-02T00:00:00Z')],
      now: NOW,
    });
    expect(two).toMatchObject({ met: false, percent: 65 });
    expect(two.root.completingAchievementIds).toEqual(['c']);
    const three = evaluatePathway({
      pathway,
      credentials: [
        held('a', '2026-01-01T00:00:00Z'),
        held('b', '2026-01-02T00:00:00Z'),
        held('c', '2026-01-03T00:00:00Z'),
      ],
      now: NOW,
    });
    expect(three).toMatchObject({ met: true, percent: 100, metAt: new Date('2026-01-03T00:00:00Z') });
  });

  it('counts a later child only when earned at or after the child that must precede it', () => {
    const pathway = rules({
      type: 'all-of',
      precedes: [{ before: 0, after: 1 }],
      children: [leaf('intro'), leaf('advanced')],
    });
    const outOfOrder = evaluatePathway({
      pathway,
      credentials: [held('advanced', '2026-01-01T00:00:00Z'), held('intro', '2026-01-05T00:00:00Z')],
      now: NOW,
    });
    expect(outOfOrder.met).toBe(false);
    expect(outOfOrder.nodes[2]).toMatchObject({ met: false, missingAchievementIds: ['advanced'] });
    // Earning it again after the introduction completes the pathway.
    expect(outOfOrder.root.completingAchievementIds).toEqual(['advanced']);
    const blocked = evaluatePathway({
      pathway,
      credentials: [held('advanced', '2026-01-01T00:00:00Z')],
      now: NOW,
    });
    expect(blocked.nodes[2]).toMatchObject({ blocked: true, met: false });
    const inOrder = evaluatePathway({
      pathway,
      credentials: [held('intro', '2026-01-01T00:00:00Z'), held('advanced', '2026-01-05T00:00:00Z')],
      now: NOW,
    });
    expect(inOrder.met).toBe(true);
  });

  it('evaluates an embedded sub-pathway and reports milestones on inner groups', () => {
    const pathway = rules({
      type: 'all-of',
      children: [
        {
          type: 'all-of',
          name: 'Foundations',
          milestoneAchievementId: 'foundations-badge',
          children: [leaf('a'), leaf('b')],
        },
        {
          type: 'pathway',
          pathwayId: 'p2',
          version: 3,
          completionAchievementId: 'p2-done',
          requirement: { type: 'n-of', n: 1, children: [leaf('c'), leaf('d')] },
        },
      ],
    });
    const progress = evaluatePathway({
      pathway,
      credentials: [held('a', '2026-01-01T00:00:00Z'), held('b', '2026-01-02T00:00:00Z')],
      now: NOW,
    });
    expect(progress.nodes.find((node) => node.path === 'requirement.children.0')).toMatchObject({
      met: true,
      name: 'Foundations',
      milestoneAchievementId: 'foundations-badge',
    });
    expect(progress.nodes.find((node) => node.path === 'requirement.children.1')).toMatchObject({
      type: 'pathway',
      met: false,
      completingAchievementIds: ['c', 'd'],
    });
    expect(progress.percent).toBe(50);
  });
});
