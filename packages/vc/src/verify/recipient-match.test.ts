import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { matchRecipient, recipientCheckOf } from './recipient-match.js';

// Computed here from the OB 3.0 IdentityHash definition, not by the code under test.
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function credentialFor(credentialSubject: unknown): Record<string, unknown> {
  return { type: ['VerifiableCredential', 'OpenBadgeCredential'], credentialSubject };
}

const hashed = (email: string, salt: string) => ({
  type: 'IdentityObject',
  hashed: true,
  identityType: 'emailAddress',
  identityHash: `sha256$${sha256(email + salt)}`,
  salt,
});

describe('matchRecipient', () => {
  it('matches a salted sha256 identifier, whatever the case and spaces of the address given', () => {
    const credential = credentialFor({
      type: 'AchievementSubject',
      identifier: [hashed('ana@example.org', 'Kosher')],
    });
    expect(matchRecipient(credential, 'ana@example.org')).toBe('match');
    expect(matchRecipient(credential, '  Ana@Example.ORG ')).toBe('match');
    expect(matchRecipient(credential, 'bob@example.org')).toBe('mismatch');
  });

  it('does not match a hash made with another salt, nor an unsalted hash of the address', () => {
    const other = credentialFor({ identifier: { ...hashed('ana@example.org', 'Kosher'), salt: 'Pepper' } });
    expect(matchRecipient(other, 'ana@example.org')).toBe('mismatch');
    const unsalted = credentialFor({ identifier: hashed('ana@example.org', 'Kosher') });
    expect(matchRecipient(unsalted, `ana@example.org${'Kosher'}`)).toBe('mismatch');
  });

  it('matches a plain identifier, a mailto: id and a subject email, normalised', () => {
    const plain = credentialFor({
      identifier: [
        {
          type: 'IdentityObject',
          hashed: false,
          identityType: 'emailAddress',
          identityHash: 'Ana@Example.org',
        },
      ],
    });
    expect(matchRecipient(plain, 'ana@example.org')).toBe('match');
    expect(matchRecipient(credentialFor({ id: 'mailto:ana@example.org' }), 'ANA@example.org')).toBe('match');
    expect(matchRecipient(credentialFor({ email: 'ana@example.org' }), 'ana@example.org')).toBe('match');
    expect(matchRecipient(plain, 'eve@example.org')).toBe('mismatch');
  });

  it('finds the address among several identifiers and subjects', () => {
    const credential = credentialFor([
      { identifier: [hashed('work@example.org', 's1')] },
      {
        identifier: [
          { type: 'IdentityObject', hashed: false, identityType: 'sourcedId', identityHash: 'x' },
          hashed('home@example.org', 's2'),
        ],
      },
    ]);
    expect(matchRecipient(credential, 'home@example.org')).toBe('match');
    expect(matchRecipient(credential, 'work@example.org')).toBe('match');
  });

  it('says the credential does not state its recipient when no email identifier is there', () => {
    const sourced = {
      type: 'IdentityObject',
      hashed: false,
      identityType: 'sourcedId',
      identityHash: 'ana@example.org',
    };
    for (const subject of [
      { id: 'did:example:ana' },
      { identifier: [sourced] },
      { identifier: [{ identityType: 'emailAddress', identityHash: 42 }] },
      undefined,
    ]) {
      expect(matchRecipient(credentialFor(subject), 'ana@example.org')).toBe('unstated');
    }
  });

  it('reports a mismatch as a failed recipient check and a silent credential as a warning', () => {
    expect(recipientCheckOf('match')).toEqual({
      id: 'recipient',
      ok: true,
      message: 'issued to that address',
    });
    expect(recipientCheckOf('mismatch')).toMatchObject({ id: 'recipient', ok: false });
    expect(recipientCheckOf('unstated')).toMatchObject({ id: 'recipient', ok: true, warning: true });
  });
});
