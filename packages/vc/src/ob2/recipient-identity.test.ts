import { describe, expect, it } from 'vitest';
import { hashedEmail } from '../../test/support/ob2-examples.js';
import { recipientIdentityProblem, recipientMatches } from './recipient-identity.js';

function assertionTo(recipient: Record<string, unknown>) {
  return { type: 'Assertion', recipient };
}

describe('recipientMatches', () => {
  it('matches a salted sha256 email hash, whatever the case of the email given', () => {
    const assertion = assertionTo({
      type: 'email',
      hashed: true,
      salt: 'deadsea',
      identity: hashedEmail('alice@example.org', 'deadsea'),
    });
    expect(recipientMatches(assertion, 'alice@example.org')).toBe(true);
    expect(recipientMatches(assertion, ' Alice@Example.org ')).toBe(true);
    expect(recipientMatches(assertion, 'bob@example.org')).toBe(false);
  });

  it('matches an md5 hash and an unsalted hash', () => {
    const md5 = assertionTo({
      type: 'email',
      hashed: true,
      salt: 's',
      identity: hashedEmail('a@b.example', 's', 'md5'),
    });
    expect(recipientMatches(md5, 'a@b.example')).toBe(true);
    const unsalted = assertionTo({ type: 'email', hashed: true, identity: hashedEmail('a@b.example', '') });
    expect(recipientMatches(unsalted, 'a@b.example')).toBe(true);
    expect(recipientMatches(unsalted, 'c@b.example')).toBe(false);
  });

  it('matches plain identities of every type', () => {
    expect(
      recipientMatches(assertionTo({ type: 'email', hashed: false, identity: 'A@b.example' }), 'a@B.example'),
    ).toBe(true);
    expect(
      recipientMatches(
        assertionTo({ type: 'url', hashed: false, identity: 'https://alice.example/' }),
        'https://alice.example/',
      ),
    ).toBe(true);
    expect(
      recipientMatches(
        assertionTo({ type: 'telephone', hashed: false, identity: '+15551234567' }),
        '+15551234568',
      ),
    ).toBe(false);
  });

  it('never matches a malformed recipient', () => {
    expect(
      recipientMatches(
        assertionTo({ type: 'email', hashed: 'true', identity: 'a@b.example' }),
        'a@b.example',
      ),
    ).toBe(false);
    expect(recipientMatches({ type: 'Assertion' }, 'a@b.example')).toBe(false);
  });
});

describe('recipientIdentityProblem', () => {
  it.each([
    ['an unknown type', { type: 'fax', hashed: false, identity: 'x' }, /recipient.type/],
    [
      'a hash of no known algorithm',
      { type: 'email', hashed: true, identity: 'sha1$abcd' },
      /sha256\$ or md5\$/,
    ],
    ['a plain email that is not one', { type: 'email', hashed: false, identity: 'alice' }, /email/],
    ['a telephone not in E.164', { type: 'telephone', hashed: false, identity: '555-1234' }, /E.164/],
    [
      'a URL identity with another scheme',
      { type: 'url', hashed: false, identity: 'javascript:alert(1)' },
      /URL/,
    ],
  ])('reports %s', (_, recipient, message) => {
    expect(recipientIdentityProblem(recipient)).toMatch(message);
  });

  it('accepts the OB 2.0 example recipient', () => {
    expect(
      recipientIdentityProblem({
        type: 'email',
        hashed: true,
        salt: 'deadsea',
        identity: hashedEmail('alice@example.org', 'deadsea'),
      }),
    ).toBeUndefined();
  });
});
