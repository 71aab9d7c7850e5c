import { describe, expect, it } from 'vitest';
import { checkSubject } from './check-subject.js';
import { testBadge, testCredentialContext } from './test-verification-context.js';

const badge = testBadge('https://issuer.example/issuers/1');
const subject = badge.credentialSubject as Record<string, unknown>;

describe('checkSubject', () => {
  it('passes a subject with an id, or with an identifier', async () => {
    const { id: _id, ...anonymous } = subject;
    const identifier = [
      { type: 'IdentityObject', identityHash: 'a@example.org', identityType: 'emailAddress', hashed: false },
    ];
    for (const credentialSubject of [subject, { ...anonymous, identifier }]) {
      const result = await checkSubject(testCredentialContext({ ...badge, credentialSubject }));
      expect(result.checks).toEqual([
        { id: 'subject', ok: true, message: 'the subject is identified (id or identifier)' },
      ]);
    }
  });

  it('warns when no subject says who earned the badge', async () => {
    const { id: _id, ...anonymous } = subject;
    for (const credentialSubject of [anonymous, undefined]) {
      const result = await checkSubject(testCredentialContext({ ...badge, credentialSubject }));
      expect(result.checks?.[0]).toMatchObject({ id: 'subject', ok: true, warning: true });
    }
  });

  it('applies only to Open Badges', async () => {
    expect(await checkSubject(testCredentialContext({ ...badge, type: ['VerifiableCredential'] }))).toEqual(
      {},
    );
  });
});
