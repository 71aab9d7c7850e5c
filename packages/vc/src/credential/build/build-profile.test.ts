import { describe, expect, it } from 'vitest';
import { minimalCredentialOptions, richCredentialOptions, thrownCode } from '../test-credentials.js';
import { validateAchievementCredentialSchema } from '../validate-achievement-credential-schema.js';
import { buildAchievementCredential } from './build-achievement-credential.js';
import { buildProfile } from './build-profile.js';

describe('buildProfile', () => {
  it('builds a Profile with type [Profile] and only the given properties', () => {
    expect(buildProfile({ id: 'did:example:issuer', name: 'Issuer', url: undefined })).toEqual({
      id: 'did:example:issuer',
      type: ['Profile'],
      name: 'Issuer',
    });
  });

  it('builds a full Profile that the official JSON Schema accepts as issuer, creator and source', () => {
    const { issuer } = richCredentialOptions();
    expect(issuer.address).toMatchObject({ type: ['Address'], geo: { type: 'GeoCoordinates' } });
    expect(issuer.otherIdentifier).toEqual([
      { type: 'IdentifierEntry', identifier: 'CHE-123.456.789', identifierType: 'ext:UID' },
    ]);
    const person = buildProfile({
      id: 'did:example:person',
      name: 'Ada Lovelace',
      givenName: 'Ada',
      familyName: 'Lovelace',
      honorificPrefix: 'Countess',
      dateOfBirth: '1815-12-10',
    });
    const credential = buildAchievementCredential({ ...minimalCredentialOptions(), issuer, source: person });
    expect(validateAchievementCredentialSchema(credential)).toEqual({ valid: true, errors: [] });
  });

  it('refuses a dateOfBirth that is not YYYY-MM-DD and an unknown identifier type (VALIDATION_ERROR)', () => {
    expect(thrownCode(() => buildProfile({ id: 'urn:x', name: 'X', dateOfBirth: '10.12.1815' }))).toBe(
      'VALIDATION_ERROR',
    );
    expect(
      thrownCode(() =>
        buildProfile({
          id: 'urn:x',
          name: 'X',
          // @ts-expect-error: not an IdentifierTypeEnum value, as a JavaScript caller might pass it
          otherIdentifier: [{ identifier: '1', identifierType: 'passport' }],
        }),
      ),
    ).toBe('VALIDATION_ERROR');
  });
});
