import { describe, expect, it } from 'vitest';
import { EndorsementCredentialSchema } from '../model/index.js';
import { minimalCredentialOptions, testEndorsement, thrownCode } from '../test-credentials.js';
import { validateAchievementCredentialSchema } from '../validate-achievement-credential-schema.js';
import { buildAchievementCredential } from './build-achievement-credential.js';
import { buildEndorsementCredential } from './build-endorsement-credential.js';
import { buildProfile } from './build-profile.js';

const options = {
  id: 'urn:uuid:3f1c2b1a-0000-4000-8000-000000000001',
  issuer: buildProfile({ id: 'https://accreditor.example/issuers/7', name: 'Example Accreditor' }),
  subject: { id: 'https://issuer.example/achievements/teamwork' },
  name: 'Endorsed achievement',
  validFrom: new Date('2025-02-01T00:00:00Z'),
};

describe('buildEndorsementCredential', () => {
  it('builds an unsigned EndorsementCredential pointing at the OB endorsement JSON Schema', () => {
    expect(buildEndorsementCredential(options)).toEqual({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
      ],
      id: options.id,
      type: ['VerifiableCredential', 'EndorsementCredential'],
      name: 'Endorsed achievement',
      issuer: { id: 'https://accreditor.example/issuers/7', type: ['Profile'], name: 'Example Accreditor' },
      validFrom: '2025-02-01T00:00:00Z',
      credentialSubject: { id: 'https://issuer.example/achievements/teamwork', type: ['EndorsementSubject'] },
      credentialSchema: [
        {
          id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json',
          type: '1EdTechJsonSchemaValidator2019',
        },
      ],
    });
  });

  it('passes the official schema’s EndorsementCredential definition when embedded in a credential', () => {
    const credential = buildAchievementCredential({
      ...minimalCredentialOptions(),
      endorsement: [buildEndorsementCredential(options), testEndorsement()],
    });
    expect(validateAchievementCredentialSchema(credential)).toEqual({ valid: true, errors: [] });
    expect(EndorsementCredentialSchema.safeParse(credential.endorsement?.[0]).success).toBe(true);
  });

  it('refuses validUntil before validFrom (RANGE_ERROR) and a missing name (VALIDATION_ERROR)', () => {
    expect(
      thrownCode(() => buildEndorsementCredential({ ...options, validUntil: '2025-01-01T00:00:00Z' })),
    ).toBe('RANGE_ERROR');
    expect(
      thrownCode(() =>
        // @ts-expect-error: name is required, as a JavaScript caller might forget
        buildEndorsementCredential({ ...options, name: undefined }),
      ),
    ).toBe('VALIDATION_ERROR');
  });
});
