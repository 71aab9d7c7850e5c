import { describe, expect, it } from 'vitest';
import { AchievementCredentialSchema } from '../model/index.js';
import {
  minimalCredentialOptions,
  richCredentialOptions,
  STATUS_LIST_URL,
  thrownCode,
} from '../test-credentials.js';
import { validateAchievementCredentialSchema } from '../validate-achievement-credential-schema.js';
import { buildAchievementCredential } from './build-achievement-credential.js';

const OB_SCHEMA = {
  id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
  type: '1EdTechJsonSchemaValidator2019',
};
const CONTEXTS = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
];

describe('buildAchievementCredential', () => {
  it('builds a minimal OpenBadgeCredential that the official JSON Schema accepts', () => {
    const credential = buildAchievementCredential(minimalCredentialOptions());
    expect(validateAchievementCredentialSchema(credential)).toEqual({ valid: true, errors: [] });
    expect(credential).toEqual({
      '@context': CONTEXTS,
      id: 'urn:uuid:0f3d0c1e-3b7a-4a55-9a0e-1d6a9b3f5c10',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'https://issuer.example/issuers/1', type: ['Profile'], name: 'Example Academy' },
      validFrom: '2025-01-31T09:00:00Z',
      credentialSubject: {
        id: 'did:example:learner1',
        type: ['AchievementSubject'],
        achievement: {
          id: 'https://issuer.example/achievements/teamwork',
          type: ['Achievement'],
          name: 'Teamwork',
          description: 'Collaborates within a group.',
          criteria: { narrative: 'Nominated by peers.' },
        },
      },
      credentialSchema: [OB_SCHEMA],
    });
  });

  it('builds a rich credential (results, alignments, evidence, images, identifier, endorsement, status) the official JSON Schema accepts', () => {
    const credential = buildAchievementCredential(richCredentialOptions());
    expect(validateAchievementCredentialSchema(credential)).toEqual({ valid: true, errors: [] });
    expect(credential['@context']).toEqual(CONTEXTS);
    expect(credential.credentialSubject.result).toHaveLength(3);
    expect(credential.credentialSubject.identifier?.[0]?.hashed).toBe(true);
    expect(credential.endorsement).toHaveLength(1);
    expect(credential.credentialSubject.achievement.achievementType).toBe('MicroCredential');
  });

  it('writes a Bitstring status entry with a string index and an id of <list url>#<index>', () => {
    expect(buildAchievementCredential(richCredentialOptions()).credentialStatus).toEqual({
      id: `${STATUS_LIST_URL}#94567`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: STATUS_LIST_URL,
    });
  });

  it('writes every date as UTC with Z, converting offsets and dropping zero milliseconds', () => {
    const credential = buildAchievementCredential({
      ...richCredentialOptions(),
      validFrom: '2025-01-31T10:00:00+01:00',
      awardedDate: new Date('2025-01-30T12:00:00.250Z'),
    });
    expect(credential.validFrom).toBe('2025-01-31T09:00:00Z');
    expect(credential.validUntil).toBe('2030-01-31T09:00:00Z');
    expect(credential.awardedDate).toBe('2025-01-30T12:00:00.250Z');
    expect(credential.credentialSubject.activityStartDate).toBe('2025-01-06T08:00:00Z');
    expect(credential.credentialSubject.activityEndDate).toBe('2025-01-24T17:00:00Z');
  });

  it('yields a document its own tolerant schema parses back unchanged', () => {
    const credential = buildAchievementCredential(richCredentialOptions());
    expect(AchievementCredentialSchema.parse(credential)).toEqual(credential);
  });

  it('accepts a recipient known only by a hashed identifier', () => {
    const { recipient } = richCredentialOptions();
    const credential = buildAchievementCredential({
      ...minimalCredentialOptions(),
      recipient: { identifier: recipient.identifier ?? [] },
    });
    expect(credential.credentialSubject.id).toBeUndefined();
    expect(validateAchievementCredentialSchema(credential).valid).toBe(true);
  });

  it('refuses a recipient with neither id nor identifier (VALIDATION_ERROR)', () => {
    expect(
      thrownCode(() => buildAchievementCredential({ ...minimalCredentialOptions(), recipient: {} })),
    ).toBe('VALIDATION_ERROR');
    expect(
      thrownCode(() =>
        buildAchievementCredential({ ...minimalCredentialOptions(), recipient: { identifier: [] } }),
      ),
    ).toBe('VALIDATION_ERROR');
  });

  it('refuses dates without timezone or that are not dates (VALIDATION_ERROR)', () => {
    for (const validFrom of ['2025-01-31T09:00:00', '2025-01-31', 'yesterday', new Date(Number.NaN)]) {
      expect(thrownCode(() => buildAchievementCredential({ ...minimalCredentialOptions(), validFrom }))).toBe(
        'VALIDATION_ERROR',
      );
    }
  });

  it('refuses validUntil before validFrom and an activity that ends before it starts (RANGE_ERROR)', () => {
    const options = minimalCredentialOptions();
    expect(
      thrownCode(() => buildAchievementCredential({ ...options, validUntil: '2025-01-30T00:00:00Z' })),
    ).toBe('RANGE_ERROR');
    expect(
      thrownCode(() =>
        buildAchievementCredential({
          ...options,
          activityStartDate: '2025-01-10T00:00:00Z',
          activityEndDate: '2025-01-09T00:00:00Z',
        }),
      ),
    ).toBe('RANGE_ERROR');
  });

  it('refuses results that point at nothing in the achievement, and Status results without status', () => {
    const options = richCredentialOptions();
    const unknownDescription = [{ resultDescription: 'urn:uuid:not-there', value: 'A' }];
    const unknownLevel = [{ achievedLevel: 'urn:uuid:not-there' }];
    const statusless = [{ resultDescription: 'urn:uuid:6c0a8a5e-0f6e-4a4f-9d54-4d7b0e8f6d04' }];
    for (const result of [unknownDescription, unknownLevel, statusless]) {
      expect(thrownCode(() => buildAchievementCredential({ ...options, result }))).toBe('VALIDATION_ERROR');
    }
  });

  it('refuses values the spec does not allow, such as a non-finite creditsEarned', () => {
    expect(
      thrownCode(() =>
        buildAchievementCredential({ ...minimalCredentialOptions(), creditsEarned: Number.NaN }),
      ),
    ).toBe('VALIDATION_ERROR');
  });

  it('lists the extensions context once however many 1EdTech types appear', () => {
    const withRevocationList = buildAchievementCredential({
      ...minimalCredentialOptions(),
      credentialStatus: { type: '1EdTechRevocationList', id: 'https://issuer.example/revocations' },
    });
    expect(withRevocationList['@context']).toEqual(CONTEXTS);
  });
});
