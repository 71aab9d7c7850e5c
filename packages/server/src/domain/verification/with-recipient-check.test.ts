import { createHash } from 'node:crypto';
import type { VerificationReport } from '@microcred/vc';
import { describe, expect, it } from 'vitest';
import { readVerificationItem } from './verification-item.js';
import { withRecipientCheck } from './with-recipient-check.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function reportOf(credential: Record<string, unknown> | undefined, verified = true): VerificationReport {
  return {
    verified,
    checks: [{ id: 'proof', ok: verified, message: 'the signature' }],
    ...(credential === undefined ? {} : { credential }),
  };
}

describe('withRecipientCheck', () => {
  const ob3 = {
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    credentialSubject: {
      identifier: [
        {
          type: 'IdentityObject',
          hashed: true,
          identityType: 'emailAddress',
          salt: 'Kosher',
          identityHash: `sha256$${sha256('ana@example.org' + 'Kosher')}`,
        },
      ],
    },
  };

  it('appends a passed check for the recipient and a failed one, unverifying, for anyone else', () => {
    expect(withRecipientCheck(reportOf(ob3), 'Ana@example.org')).toMatchObject({
      verified: true,
      checks: [{ id: 'proof' }, { id: 'recipient', ok: true }],
    });
    expect(withRecipientCheck(reportOf(ob3), 'bob@example.org')).toMatchObject({
      verified: false,
      checks: [{ id: 'proof' }, { id: 'recipient', ok: false, message: 'not issued to that address' }],
    });
  });

  it('warns without unverifying when the credential names nobody, and leaves an unreadable input alone', () => {
    const anonymous = { ...ob3, credentialSubject: { id: 'did:example:ana' } };
    expect(withRecipientCheck(reportOf(anonymous), 'ana@example.org')).toMatchObject({
      verified: true,
      checks: [{ id: 'proof' }, { id: 'recipient', ok: true, warning: true }],
    });
    const unreadable = reportOf(undefined, false);
    expect(withRecipientCheck(unreadable, 'ana@example.org')).toBe(unreadable);
  });

  it('matches an OB 2.0 assertion through its hashed recipient', () => {
    const assertion = {
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      recipient: {
        type: 'email',
        hashed: true,
        salt: 'deadsea',
        identity: `sha256$${sha256('ana@example.org' + 'deadsea')}`,
      },
    };
    expect(withRecipientCheck(reportOf(assertion), 'ana@example.org').checks.at(-1)).toMatchObject({
      ok: true,
    });
    expect(withRecipientCheck(reportOf(assertion), 'eve@example.org').checks.at(-1)).toMatchObject({
      ok: false,
    });
  });
});

describe('readVerificationItem', () => {
  it('reads credentials, JWS strings, base64 images and the per-item recipient wrapper', () => {
    expect(readVerificationItem({ id: 'urn:x' })).toEqual({ input: { id: 'urn:x' } });
    expect(readVerificationItem('a.b.c', 'batch@example.org')).toEqual({
      input: 'a.b.c',
      recipient: 'batch@example.org',
    });
    const png = readVerificationItem({ image: Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64') });
    expect(png).toEqual({ input: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
    expect(readVerificationItem({ image: 'data:image/svg+xml;base64,PHN2Zz4=' })).toEqual({
      input: new Uint8Array(Buffer.from('<svg>')),
    });
    expect(
      readVerificationItem(
        { credential: 'a.b.c', recipient: { email: 'own@example.org' } },
        'batch@example.org',
      ),
    ).toEqual({ input: 'a.b.c', recipient: 'own@example.org' });
  });

  it('reports what it cannot read instead of throwing', () => {
    expect(readVerificationItem(7)).toHaveProperty('unreadable');
    expect(readVerificationItem(['a'])).toHaveProperty('unreadable');
    expect(readVerificationItem({ image: 'not base64!' })).toEqual({ unreadable: '`image` is not base64' });
    expect(readVerificationItem({ credential: 'a.b.c', recipient: 'own@example.org' })).toHaveProperty(
      'unreadable',
    );
    // A credential that happens to carry other keys next to `credential` is a credential, not the wrapper.
    expect(readVerificationItem({ credential: 'x', type: 'VerifiableCredential' })).toEqual({
      input: { credential: 'x', type: 'VerifiableCredential' },
    });
  });
});
