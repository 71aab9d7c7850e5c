import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClrCredentialSchema } from './clr-credential.js';

const vector = JSON.parse(
  readFileSync(
    new URL('../../../../../../shared/data/ob3/test-vectors/clrv2p0/vector.json', import.meta.url),
    'utf8',
  ),
) as { unsignedCredential: Record<string, unknown>; signedCredential: Record<string, unknown> };

describe('ClrCredentialSchema', () => {
  it('parses the 1EdTech CLR test vector, whose nested types are compacted strings', () => {
    const parsed = ClrCredentialSchema.parse(vector.signedCredential);
    expect(parsed.credentialSubject.type).toEqual(['ClrSubject']);
    expect(parsed.credentialSubject.verifiableCredential).toHaveLength(1);
    expect(parsed.credentialSubject.achievement?.map((achievement) => achievement.type)).toEqual([
      ['Achievement'],
      ['Achievement'],
    ]);
    expect(parsed.credentialSubject.association).toEqual([
      {
        type: 'Association',
        associationType: 'isParentOf',
        sourceId: 'urn:uuid:a7467ef6-56cb-11ec-bf63-0242ac130002',
        targetId: 'urn:uuid:dd887f0a-56cb-11ec-bf63-0242ac130002',
      },
    ]);
  });

  it('rejects a bundled AchievementCredential that is malformed', () => {
    const subject = vector.unsignedCredential.credentialSubject as Record<string, unknown>;
    const [first] = subject.verifiableCredential as Record<string, unknown>[];
    const broken = { ...first, validFrom: undefined };
    const parsed = ClrCredentialSchema.safeParse({
      ...vector.unsignedCredential,
      credentialSubject: { ...subject, verifiableCredential: [broken] },
    });
    expect(parsed.success).toBe(false);
  });

  it('rejects a CLR without credentials or with an unknown association type', () => {
    const subject = vector.unsignedCredential.credentialSubject as Record<string, unknown>;
    const empty = {
      ...vector.unsignedCredential,
      credentialSubject: { ...subject, verifiableCredential: [] },
    };
    expect(ClrCredentialSchema.safeParse(empty).success).toBe(false);
    const association = [
      { type: 'Association', associationType: 'isCousinOf', sourceId: 'urn:a', targetId: 'urn:b' },
    ];
    const unknown = { ...vector.unsignedCredential, credentialSubject: { ...subject, association } };
    expect(ClrCredentialSchema.safeParse(unknown).success).toBe(false);
  });
});
