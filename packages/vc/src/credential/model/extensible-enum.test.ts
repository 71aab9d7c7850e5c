import { describe, expect, it } from 'vitest';
import { AchievementTypeSchema } from './achievement-type.js';
import { AlignmentTargetTypeSchema } from './alignment-target-type.js';
import { IdentifierTypeSchema } from './identifier-type.js';
import { ResultTypeSchema } from './result-type.js';

describe('extensible enumerations', () => {
  it('accept the spec values, MicroCredential included', () => {
    expect(AchievementTypeSchema.parse('MicroCredential')).toBe('MicroCredential');
    expect(AlignmentTargetTypeSchema.parse('ceasn:Competency')).toBe('ceasn:Competency');
    expect(IdentifierTypeSchema.parse('emailAddress')).toBe('emailAddress');
    expect(ResultTypeSchema.parse('RubricCriterionLevel')).toBe('RubricCriterionLevel');
  });

  it('accept ext: extension values', () => {
    expect(AchievementTypeSchema.parse('ext:Nanodegree')).toBe('ext:Nanodegree');
    expect(IdentifierTypeSchema.parse('ext:student.id_2-b')).toBe('ext:student.id_2-b');
  });

  it.each(['Microcredential', 'ext:', 'ext:has space', 'x-ext:Foo', 'ext:Foo/bar'])('reject %j', (value) => {
    expect(AchievementTypeSchema.safeParse(value).success).toBe(false);
  });
});
