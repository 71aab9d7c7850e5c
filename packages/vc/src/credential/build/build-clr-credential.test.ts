import { describe, expect, it } from 'vitest';
import { ClrCredentialSchema } from '../model/index.js';
import {
  minimalCredentialOptions,
  testIssuer,
  testSignedCredential,
  thrownCode,
} from '../test-credentials.js';
import { buildAchievement } from './build-achievement.js';
import { buildAchievementCredential } from './build-achievement-credential.js';
import { buildClrCredential } from './build-clr-credential.js';

const qualification = buildAchievement({
  id: 'https://issuer.example/achievements/certificate',
  name: 'Data Certificate',
  description: 'Three micro-credentials.',
  criteria: { narrative: 'Earn all three.' },
  achievementType: 'Certificate',
});

const options = () => ({
  id: 'urn:uuid:7d3c2a10-0000-4000-8000-000000000002',
  issuer: testIssuer(),
  name: 'Learner record',
  validFrom: '2025-02-01T00:00:00Z',
  subject: { id: 'did:example:learner1' },
  verifiableCredential: [testSignedCredential()],
  achievement: [qualification, minimalCredentialOptions().achievement],
  association: [
    {
      associationType: 'isParentOf' as const,
      sourceId: qualification.id,
      targetId: minimalCredentialOptions().achievement.id,
    },
  ],
});

describe('buildClrCredential', () => {
  it('builds a ClrCredential with the CLR contexts in order, the CLR JSON Schema and typed parts', () => {
    const clr = buildClrCredential(options());
    expect(clr['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    ]);
    expect(clr.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(clr.credentialSchema).toEqual([
      {
        id: 'https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json',
        type: '1EdTechJsonSchemaValidator2019',
      },
    ]);
    expect(clr.credentialSubject.type).toEqual(['ClrSubject']);
    expect(clr.credentialSubject.association).toEqual([
      {
        type: 'Association',
        associationType: 'isParentOf',
        sourceId: qualification.id,
        targetId: 'https://issuer.example/achievements/teamwork',
      },
    ]);
    expect(ClrCredentialSchema.parse(clr)).toEqual(clr);
  });

  it('embeds the signed credentials byte for byte', () => {
    const signed = testSignedCredential();
    const clr = buildClrCredential({ ...options(), verifiableCredential: [signed] });
    expect(clr.credentialSubject.verifiableCredential[0]).toBe(signed);
  });

  it('defines `partial` with an inline context, which CLR context 2.0.1 lacks', () => {
    const clr = buildClrCredential({ ...options(), partial: true });
    expect(clr.partial).toBe(true);
    expect(clr['@context'].at(-1)).toEqual({
      partial: { '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#partial' },
    });
    expect(buildClrCredential({ ...options(), partial: false }).partial).toBe(false);
  });

  it('refuses unsigned credentials, an empty bundle, and a subject with neither id nor identifier', () => {
    const unsigned = buildAchievementCredential(minimalCredentialOptions());
    expect(thrownCode(() => buildClrCredential({ ...options(), verifiableCredential: [unsigned] }))).toBe(
      'VALIDATION_ERROR',
    );
    expect(thrownCode(() => buildClrCredential({ ...options(), verifiableCredential: [] }))).toBe(
      'VALIDATION_ERROR',
    );
    expect(thrownCode(() => buildClrCredential({ ...options(), subject: {} }))).toBe('VALIDATION_ERROR');
  });
});
