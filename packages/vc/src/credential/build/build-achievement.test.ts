import { describe, expect, it } from 'vitest';
import { minimalCredentialOptions, richCredentialOptions, thrownCode } from '../test-credentials.js';
import { validateAchievementCredentialSchema } from '../validate-achievement-credential-schema.js';
import { buildAchievement } from './build-achievement.js';
import { buildAchievementCredential } from './build-achievement-credential.js';

const base = {
  id: 'https://issuer.example/achievements/a',
  name: 'A',
  description: 'An achievement.',
  criteria: { id: 'https://issuer.example/achievements/a/criteria' },
};

describe('buildAchievement', () => {
  it('builds an Achievement with type [Achievement] and the criteria given', () => {
    expect(buildAchievement({ ...base, achievementType: 'MicroCredential', tag: [] })).toEqual({
      ...base,
      type: ['Achievement'],
      achievementType: 'MicroCredential',
    });
  });

  it('builds nested parts in canonical form: alignment, result descriptions with rubric levels, related', () => {
    const { achievement } = richCredentialOptions();
    expect(achievement.alignment?.[0]?.type).toEqual(['Alignment']);
    expect(achievement.resultDescription?.map((description) => description.type)).toEqual([
      ['ResultDescription'],
      ['ResultDescription'],
      ['ResultDescription'],
    ]);
    expect(achievement.resultDescription?.[1]?.rubricCriterionLevel?.[0]?.type).toEqual([
      'RubricCriterionLevel',
    ]);
    expect(achievement.related).toEqual([
      {
        id: 'https://issuer.example/achievements/data-literacy-de',
        type: ['Related'],
        inLanguage: 'de',
        version: '2.0',
      },
    ]);
    const credential = buildAchievementCredential({ ...minimalCredentialOptions(), achievement });
    expect(validateAchievementCredentialSchema(credential)).toEqual({ valid: true, errors: [] });
  });

  it('accepts ext: achievement types', () => {
    expect(buildAchievement({ ...base, achievementType: 'ext:Nanodegree' }).achievementType).toBe(
      'ext:Nanodegree',
    );
  });

  it('refuses criteria with neither id nor narrative (VALIDATION_ERROR)', () => {
    expect(thrownCode(() => buildAchievement({ ...base, criteria: {} }))).toBe('VALIDATION_ERROR');
    expect(thrownCode(() => buildAchievement({ ...base, criteria: { narrative: '  ' } }))).toBe(
      'VALIDATION_ERROR',
    );
  });

  it('refuses a language that is not BCP 47 and an unknown achievementType (VALIDATION_ERROR)', () => {
    expect(thrownCode(() => buildAchievement({ ...base, inLanguage: 'English' }))).toBe('VALIDATION_ERROR');
    // @ts-expect-error: not an AchievementType, as a JavaScript caller might pass it
    expect(thrownCode(() => buildAchievement({ ...base, achievementType: 'Microcredential' }))).toBe(
      'VALIDATION_ERROR',
    );
  });
});
