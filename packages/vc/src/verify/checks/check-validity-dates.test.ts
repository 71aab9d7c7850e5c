import { describe, expect, it } from 'vitest';
import { checkValidityDates } from './check-validity-dates.js';
import { testCredentialContext } from './test-verification-context.js';

const V2 = ['https://www.w3.org/ns/credentials/v2'];
const V1 = ['https://www.w3.org/2018/credentials/v1'];
const now = new Date('2026-11-23T00:00:00Z');

async function datesOf(credential: Record<string, unknown>) {
  const result = await checkValidityDates(testCredentialContext(credential, { now }));
  return result.checks?.map((check) => (check.ok ? `${check.id} ok` : `${check.id} ${check.code}`));
}

describe('checkValidityDates', () => {
  it('passes a credential within validFrom..validUntil, and one with no dates (VC 2.0)', async () => {
    expect(
      await datesOf({
        '@context': V2,
        validFrom: '2026-01-01T00:00:00Z',
        validUntil: '2027-01-01T00:00:00Z',
      }),
    ).toEqual(['valid-from ok', 'valid-until ok']);
    expect(await datesOf({ '@context': V2 })).toEqual(['valid-from ok']);
  });

  it('fails a credential not yet valid, expired, or ending before it starts', async () => {
    expect(await datesOf({ '@context': V2, validFrom: '2027-01-01T00:00:00Z' })).toEqual([
      'valid-from RANGE_ERROR',
    ]);
    expect(await datesOf({ '@context': V2, validUntil: '2026-11-23T00:00:00Z' })).toEqual([
      'valid-from ok',
      'valid-until RANGE_ERROR',
    ]);
    const reversed = {
      '@context': V2,
      validFrom: '2025-06-01T00:00:00Z',
      validUntil: '2025-01-01T00:00:00Z',
    };
    expect((await checkValidityDates(testCredentialContext(reversed, { now }))).checks?.[1]?.message).toBe(
      'validUntil is before validFrom',
    );
  });

  it('fails dates without a timezone', async () => {
    expect(
      await datesOf({ '@context': V2, validFrom: '2026-01-01T00:00:00', validUntil: '2027-01-01' }),
    ).toEqual(['valid-from MALFORMED_VALUE_ERROR', 'valid-until MALFORMED_VALUE_ERROR']);
  });

  it('reads issuanceDate and expirationDate in a VC 1.1 credential, where issuanceDate is required', async () => {
    expect(
      await datesOf({
        '@context': V1,
        issuanceDate: '2026-01-01T00:00:00Z',
        expirationDate: '2026-02-01T00:00:00Z',
      }),
    ).toEqual(['valid-from ok', 'valid-until RANGE_ERROR']);
    expect(await datesOf({ '@context': V1, validFrom: '2026-01-01T00:00:00Z' })).toEqual([
      'valid-from MALFORMED_VALUE_ERROR',
    ]);
  });
});
