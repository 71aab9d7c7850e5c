import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AchievementType, AlignmentTargetType } from '../model/index.js';
import { testEndorsement } from '../test-credentials.js';
import { validateAchievementCredentialSchema } from '../validate-achievement-credential-schema.js';
import { buildAchievement } from './build-achievement.js';
import { buildAchievementCredential } from './build-achievement-credential.js';
import { buildProfile } from './build-profile.js';
import { hashIdentity } from './hash-identity.js';

/** Every path where a value is null/undefined or an array is empty: what OB 3.0 serialization.md forbids. */
function emptyValuePaths(value: unknown, path = '$'): string[] {
  if (value === null || value === undefined) {
    return [path];
  }
  if (Array.isArray(value)) {
    return value.length === 0
      ? [path]
      : value.flatMap((item, index) => emptyValuePaths(item, `${path}[${index}]`));
  }
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([key, entry]) => emptyValuePaths(entry, `${path}.${key}`));
  }
  return [];
}

const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arbitrary, { nil: undefined });
const text = fc.string({ minLength: 1, maxLength: 20 });
const url = fc.webUrl();
const date = fc.date({
  min: new Date('1990-01-01T00:00:00Z'),
  max: new Date('2090-01-01T00:00:00Z'),
  noInvalidDate: true,
});
const list = <T>(arbitrary: fc.Arbitrary<T>) => maybe(fc.array(arbitrary, { maxLength: 3 }));
const alignment = fc.record(
  {
    targetName: text,
    targetUrl: url,
    targetCode: text,
    targetFramework: text,
    targetType: fc.constantFrom<AlignmentTargetType>('CFItem', 'CTDL', 'ceasn:Competency', 'ext:Local'),
  },
  { requiredKeys: ['targetName', 'targetUrl'] },
);
const GRADE = 'urn:uuid:00000000-0000-4000-8000-000000000001';
const STATUS = 'urn:uuid:00000000-0000-4000-8000-000000000002';

const options = fc
  .record({
    achievementType: maybe(
      fc.constantFrom<AchievementType>('MicroCredential', 'Badge', 'Course', 'ext:Nano.1'),
    ),
    achievementAlignment: list(alignment),
    tag: list(text),
    creditsAvailable: maybe(fc.double({ min: 0, max: 300, noNaN: true })),
    inLanguage: maybe(fc.constantFrom('en', 'de-CH', 'zh-Hant-TW', 'es-419')),
    criteriaId: maybe(url),
    withResults: fc.boolean(),
    recipientId: maybe(fc.constant('did:example:learner')),
    identifierCount: fc.integer({ min: 0, max: 2 }),
    validFrom: date,
    validityMs: maybe(fc.integer({ min: 0, max: 10 * 365 * 24 * 3600 * 1000 })),
    name: maybe(text),
    evidence: list(fc.record({ id: url, name: text, narrative: text }, { requiredKeys: [] })),
    creditsEarned: maybe(fc.double({ min: 0, max: 300, noNaN: true })),
    narrative: maybe(text),
    statusIndex: maybe(fc.nat({ max: 131_071 })),
    endorsed: fc.boolean(),
  })
  .filter((generated) => generated.recipientId !== undefined || generated.identifierCount > 0);

describe('builder output is always canonical', () => {
  it('never has null, undefined or empty arrays, writes dates in UTC, and passes the official JSON Schema', () => {
    fc.assert(
      fc.property(options, (generated) => {
        const achievement = buildAchievement({
          id: 'https://issuer.example/achievements/1',
          name: 'Achievement',
          description: 'Generated.',
          criteria: { id: generated.criteriaId, narrative: 'Do it.' },
          achievementType: generated.achievementType,
          alignment: generated.achievementAlignment,
          tag: generated.tag,
          creditsAvailable: generated.creditsAvailable,
          inLanguage: generated.inLanguage,
          resultDescription: generated.withResults
            ? [
                { id: GRADE, name: 'Grade', resultType: 'LetterGrade', allowedValue: ['B', 'A'] },
                { id: STATUS, name: 'Status', resultType: 'Status' },
              ]
            : [],
        });
        const credential = buildAchievementCredential({
          id: 'urn:uuid:00000000-0000-4000-8000-0000000000ff',
          issuer: buildProfile({ id: 'https://issuer.example', name: 'Issuer', otherIdentifier: [] }),
          achievement,
          recipient: {
            id: generated.recipientId,
            identifier: Array.from({ length: generated.identifierCount }, (_, index) =>
              hashIdentity({ identity: `learner${index}@example.org`, salt: `salt${index}` }),
            ),
          },
          validFrom: generated.validFrom,
          validUntil:
            generated.validityMs === undefined
              ? undefined
              : new Date(generated.validFrom.getTime() + generated.validityMs),
          name: generated.name,
          evidence: generated.evidence,
          result: generated.withResults
            ? [
                { resultDescription: GRADE, value: 'A' },
                { resultDescription: STATUS, status: 'Completed' },
              ]
            : [],
          creditsEarned: generated.creditsEarned,
          narrative: generated.narrative,
          credentialStatus:
            generated.statusIndex === undefined
              ? undefined
              : {
                  type: 'BitstringStatusListEntry',
                  statusPurpose: 'revocation',
                  statusListIndex: generated.statusIndex,
                  statusListCredential: 'https://issuer.example/status/1',
                },
          endorsement: generated.endorsed ? [testEndorsement()] : [],
          termsOfUse: [],
        });
        expect(emptyValuePaths(credential)).toEqual([]);
        expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
        expect(credential.credentialSchema).toHaveLength(1);
        for (const stamp of [credential.validFrom, credential.validUntil].filter(
          (value) => value !== undefined,
        )) {
          expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
        }
        expect(validateAchievementCredentialSchema(credential).errors).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('finds a null or an empty array when there is one, so the property above can fail', () => {
    expect(emptyValuePaths({ a: [], b: { c: null }, d: [1, { e: undefined }] })).toEqual([
      '$.a',
      '$.b.c',
      '$.d[1].e',
    ]);
  });
});
