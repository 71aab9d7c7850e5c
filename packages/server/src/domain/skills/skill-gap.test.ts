import { describe, expect, it } from 'vitest';
import type { PathwayWithVersion } from '../ports/index.js';
import { closingSet, rankPathwayRecommendations, rankRecommendations } from './skill-gap.js';

const achievement = (id: string, urls: string[], hours: number | null) => ({
  id,
  name: id,
  hours,
  skills: urls.map((url) => ({ name: url, url })),
});

describe('rankRecommendations', () => {
  it('puts achievements covering more missing skills first, then fewer hours, then no hours given', () => {
    const ranked = rankRecommendations(
      ['a', 'b', 'c'],
      [
        achievement('one-long', ['a'], 40),
        achievement('one-unknown', ['b'], null),
        achievement('two', ['a', 'c', 'elsewhere'], 60),
        achievement('one-short', ['c'], 2),
      ],
    );
    expect(ranked.map((item) => [item.achievementId, item.covers])).toEqual([
      ['two', ['a', 'c']],
      ['one-short', ['c']],
      ['one-long', ['a']],
      ['one-unknown', ['b']],
    ]);
  });

  it('leaves out achievements that cover no missing skill, free-text skills, and duplicates', () => {
    const ranked = rankRecommendations(
      ['a'],
      [
        achievement('unrelated', ['z'], 1),
        { id: 'free-text', name: 'free-text', hours: 1, skills: [{ name: 'a' }] },
        achievement('twice', ['a'], 3),
        achievement('twice', ['a'], 3),
      ],
    );
    expect(ranked.map((item) => item.achievementId)).toEqual(['twice']);
  });

  it('never ranks an achievement lower when it covers one more missing skill', () => {
    const others = [achievement('x', ['a', 'b'], 5), achievement('y', ['b'], 1)];
    const before = rankRecommendations(['a', 'b', 'c'], [...others, achievement('z', ['c'], 10)]);
    const after = rankRecommendations(['a', 'b', 'c'], [...others, achievement('z', ['c', 'a'], 10)]);
    const position = (list: typeof before) => list.findIndex((item) => item.achievementId === 'z');
    expect(position(after)).toBeLessThanOrEqual(position(before));
    expect(rankRecommendations([], others)).toEqual([]);
  });
});

const leaf = (achievementId: string, hours: number | null) => ({
  type: 'achievement' as const,
  achievementId,
  credits: null,
  hours,
});

const pathway = (
  id: string,
  leaves: { id: string; hours: number | null }[],
  options: { completion?: string; status?: 'draft' | 'published' } = {},
): Pick<PathwayWithVersion, 'pathway' | 'version'> => ({
  pathway: {
    id,
    issuerId: 'issuer',
    name: id,
    description: null,
    status: options.status ?? 'published',
    currentVersion: 1,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  },
  version: {
    pathwayId: id,
    version: 1,
    rules: {
      completionAchievementId: options.completion ?? `${id}-award`,
      requirement: { type: 'all-of', children: leaves.map((item) => leaf(item.id, item.hours)) },
    },
    requiredAchievementIds: leaves.map((item) => item.id),
    milestoneAchievementIds: [],
    createdAt: new Date(0),
    publishedAt: new Date(0),
  },
});

describe('rankPathwayRecommendations', () => {
  const ranked = rankRecommendations(
    ['a', 'b', 'c'],
    [
      achievement('ab', ['a', 'b'], 10),
      achievement('c', ['c'], 5),
      achievement('award', ['c'], null),
      achievement('elsewhere', ['z'], 1),
    ],
  );

  it('ranks pathways by the missing skills their achievements cover together, then by their total hours', () => {
    const result = rankPathwayRecommendations(
      ['a', 'b', 'c'],
      [
        pathway('short-one', [{ id: 'c', hours: 5 }]),
        pathway('all-three', [
          { id: 'ab', hours: 10 },
          { id: 'c', hours: 5 },
          { id: 'unrelated', hours: 100 },
        ]),
        pathway('long-one', [
          { id: 'c', hours: 5 },
          { id: 'unrelated', hours: 100 },
        ]),
        pathway('by-its-award', [{ id: 'unrelated', hours: 1 }], { completion: 'award' }),
      ],
      ranked,
    );
    expect(result.map((item) => [item.pathwayId, item.covers, item.hours])).toEqual([
      ['all-three', ['a', 'b', 'c'], 115],
      ['by-its-award', ['c'], 1],
      ['short-one', ['c'], 5],
      ['long-one', ['c'], 105],
    ]);
    expect(result[0]?.achievementIds).toEqual(['ab', 'c']);
  });

  it('leaves out drafts, pathways covering nothing, duplicates, and counts unknown hours as unknown', () => {
    const result = rankPathwayRecommendations(
      ['a', 'b', 'c'],
      [
        pathway('draft', [{ id: 'ab', hours: 1 }], { status: 'draft' }),
        pathway('nothing', [{ id: 'elsewhere', hours: 1 }]),
        pathway('unknown', [
          { id: 'c', hours: 5 },
          { id: 'no-hours', hours: null },
        ]),
        pathway('unknown', [{ id: 'c', hours: 5 }]),
        pathway('known', [{ id: 'c', hours: 500 }]),
      ],
      ranked,
    );
    expect(result.map((item) => [item.pathwayId, item.hours])).toEqual([
      ['known', 500],
      ['unknown', null],
    ]);
  });
});

describe('closingSet', () => {
  it('takes greedily the recommendation closing the most open skills, the fewest hours on a tie', () => {
    const ranked = rankRecommendations(
      ['a', 'b', 'c', 'd', 'e'],
      [
        achievement('abc', ['a', 'b', 'c'], 30),
        achievement('ab', ['a', 'b'], 1),
        achievement('cd', ['c', 'd'], 20),
        achievement('d', ['d'], 2),
        achievement('e-optional', ['e'], 1),
      ],
    );
    expect(closingSet(['a', 'b', 'c', 'd'], ranked)).toEqual({
      achievementIds: ['abc', 'd'],
      closes: ['a', 'b', 'c', 'd'],
    });
    expect(closingSet(['x'], ranked)).toEqual({ achievementIds: [], closes: [] });
  });
});
