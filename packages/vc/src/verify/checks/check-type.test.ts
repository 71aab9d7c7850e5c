import { describe, expect, it } from 'vitest';
import { checkType } from './check-type.js';
import { testCredentialContext } from './test-verification-context.js';

const typed = (type: unknown) =>
  testCredentialContext({ '@context': ['https://www.w3.org/ns/credentials/v2'], type });

describe('checkType', () => {
  it('names the types of an Open Badge', async () => {
    const result = await checkType(typed(['VerifiableCredential', 'OpenBadgeCredential']));
    expect(result).toEqual({ checks: [{ id: 'type', ok: true, message: 'type OpenBadgeCredential' }] });
  });

  it('verifies any other VC as a VC, with a warning that it is not an Open Badge', async () => {
    const result = await checkType(typed('VerifiableCredential'));
    expect(result.checks).toEqual([
      { id: 'type', ok: true, message: 'type VerifiableCredential' },
      {
        id: 'open-badge',
        ok: true,
        warning: true,
        message: 'verified as a W3C Verifiable Credential: it is not an Open Badge',
      },
    ]);
  });

  it('gives no such warning for a CLR or an endorsement', async () => {
    for (const type of ['ClrCredential', 'EndorsementCredential']) {
      const result = await checkType(typed(['VerifiableCredential', type]));
      expect(result.checks?.map((check) => check.id)).toEqual(['type']);
    }
  });

  it('stops the pipeline without VerifiableCredential', async () => {
    const result = await checkType(typed(['OpenBadgeCredential']));
    expect(result).toMatchObject({
      stop: true,
      checks: [{ id: 'type', ok: false, code: 'MALFORMED_VALUE_ERROR' }],
    });
  });
});
