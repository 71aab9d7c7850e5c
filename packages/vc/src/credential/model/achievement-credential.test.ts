import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AchievementCredentialSchema } from './achievement-credential.js';
import { EndorsementCredentialSchema } from './endorsement-credential.js';

const EXAMPLES = new URL('../../../../../../shared/data/ob3/examples/', import.meta.url);
const exampleNames = readdirSync(EXAMPLES).filter((name) => name.endsWith('.json'));
const readExample = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(name, EXAMPLES), 'utf8')) as Record<string, unknown>;
const basic = (): Record<string, unknown> => readExample('basic-openbadgecredential.json');

function subjectOf(document: Record<string, unknown>): Record<string, unknown> {
  return document.credentialSubject as Record<string, unknown>;
}

describe('the tolerant credential schemas', () => {
  it('find all eight OB 3.0 spec examples', () => {
    expect(exampleNames).toHaveLength(8);
  });

  it.each(exampleNames)('parse the spec example %s', (name) => {
    const document = readExample(name);
    const schema = name.startsWith('endorsement') ? EndorsementCredentialSchema : AchievementCredentialSchema;
    const parsed = schema.safeParse(document);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('read the complete example in full: endorsements, results, rubric levels, identifiers', () => {
    const parsed = AchievementCredentialSchema.parse(readExample('complete-openbadgecredential.json'));
    const { achievement } = parsed.credentialSubject;
    expect(parsed.credentialSubject.result).toHaveLength(3);
    expect(achievement.resultDescription?.[1]?.rubricCriterionLevel?.[0]?.points).toBe('4');
    expect(achievement.creator?.endorsement?.[0]?.credentialSubject.endorsementComment).toBe(
      '1EdTech University is in good standing',
    );
    expect(parsed.credentialSubject.identifier?.[0]?.identityType).toBe('emailAddress');
    expect(parsed.credentialStatus).toEqual({
      id: 'https://1edtech.edu/credentials/3732/revocations',
      type: '1EdTechRevocationList',
    });
  });

  it('accept compacted single values and yield them as arrays', () => {
    const document = basic();
    const subject = subjectOf(document);
    const parsed = AchievementCredentialSchema.parse({
      ...document,
      issuer: { ...(document.issuer as object), type: 'Profile' },
      credentialSubject: {
        ...subject,
        type: 'AchievementSubject',
        achievement: { ...(subject.achievement as object), type: 'Achievement', tag: 'teamwork' },
      },
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z1' },
      credentialSchema: { id: 'https://example.org/schema.json', type: '1EdTechJsonSchemaValidator2019' },
      termsOfUse: { type: 'https://example.org/vocab#Policy' },
    });
    expect(parsed.issuer).toMatchObject({ type: ['Profile'] });
    expect(parsed.credentialSubject.type).toEqual(['AchievementSubject']);
    expect(parsed.credentialSubject.achievement.type).toEqual(['Achievement']);
    expect(parsed.credentialSubject.achievement.tag).toEqual(['teamwork']);
    expect(parsed.proof).toEqual([
      { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z1' },
    ]);
    expect(parsed.credentialSchema).toHaveLength(1);
    expect(parsed.termsOfUse).toHaveLength(1);
  });

  it('keep properties they do not model (OB allows additional properties)', () => {
    const document = basic();
    const subject = subjectOf(document);
    const parsed = AchievementCredentialSchema.parse({
      ...document,
      'ext:note': 'kept',
      credentialSubject: { ...subject, achievement: { ...(subject.achievement as object), 'ext:level': 3 } },
    });
    expect(parsed['ext:note']).toBe('kept');
    expect(parsed.credentialSubject.achievement['ext:level']).toBe(3);
  });

  it('accept the issuer as a bare URI (ProfileRef)', () => {
    const parsed = AchievementCredentialSchema.parse({
      ...basic(),
      issuer: 'https://example.com/issuers/876543',
    });
    expect(parsed.issuer).toBe('https://example.com/issuers/876543');
  });

  it('accept a subject known only by a hashed identifier', () => {
    const { id: _id, ...subject } = subjectOf(basic());
    const identifier = {
      type: 'IdentityObject',
      hashed: true,
      identityHash: 'sha256$00',
      identityType: 'emailAddress',
    };
    const parsed = AchievementCredentialSchema.safeParse({
      ...basic(),
      credentialSubject: { ...subject, identifier },
    });
    expect(parsed.success).toBe(true);
  });

  it('reject a subject with neither id nor identifier (OB 3.0 AchievementSubject)', () => {
    const { id: _id, ...subject } = subjectOf(basic());
    const parsed = AchievementCredentialSchema.safeParse({ ...basic(), credentialSubject: subject });
    expect(parsed.error?.issues.map((issue) => issue.message)).toContain(
      'an AchievementSubject needs an id or at least one identifier',
    );
  });

  it('reject a type without OpenBadgeCredential or AchievementCredential', () => {
    const parsed = AchievementCredentialSchema.safeParse({ ...basic(), type: ['VerifiableCredential'] });
    expect(parsed.success).toBe(false);
  });

  it('reject a VC 1.1 context and a missing OB context', () => {
    const v1 = {
      ...basic(),
      '@context': [
        'https://www.w3.org/2018/credentials/v1',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
    };
    const noOb = { ...basic(), '@context': ['https://www.w3.org/ns/credentials/v2'] };
    expect(AchievementCredentialSchema.safeParse(v1).success).toBe(false);
    expect(AchievementCredentialSchema.safeParse(noOb).success).toBe(false);
  });

  it('accept any OB 3.0.x context version in second place', () => {
    const older = {
      ...basic(),
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
      ],
    };
    expect(AchievementCredentialSchema.safeParse(older).success).toBe(true);
  });

  it('reject a validFrom without timezone', () => {
    expect(
      AchievementCredentialSchema.safeParse({ ...basic(), validFrom: '2010-01-01T00:00:00' }).success,
    ).toBe(false);
  });

  it('reject an Image with extra properties (Image is closed in OB 3.0)', () => {
    const image = { id: 'https://example.com/i.png', type: 'Image', width: 10 };
    expect(AchievementCredentialSchema.safeParse({ ...basic(), image }).success).toBe(false);
  });

  it('reject a malformed Bitstring status entry instead of passing it off as another status type', () => {
    const credentialStatus = {
      id: 'https://example.com/status/1#5',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: 5,
      statusListCredential: 'https://example.com/status/1',
    };
    expect(AchievementCredentialSchema.safeParse({ ...basic(), credentialStatus }).success).toBe(false);
    const fixed = { ...credentialStatus, statusListIndex: '5' };
    expect(AchievementCredentialSchema.safeParse({ ...basic(), credentialStatus: fixed }).success).toBe(true);
  });
});
