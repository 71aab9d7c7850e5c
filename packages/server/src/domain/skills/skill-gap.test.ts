import { describe, expect, it } from 'vitest';
import { rankRecommendations } from './skill-gap.js';

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
