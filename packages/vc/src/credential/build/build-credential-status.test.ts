import { describe, expect, it } from 'vitest';
import { thrownCode } from '../test-credentials.js';
import { buildCredentialStatus } from './build-credential-status.js';

const list = 'https://issuer.example/status/1';

describe('buildCredentialStatus', () => {
  it('derives the entry id from the list URL and index and writes the index as a string', () => {
    expect(
      buildCredentialStatus({
        type: 'BitstringStatusListEntry',
        statusPurpose: 'suspension',
        statusListIndex: 0,
        statusListCredential: list,
      }),
    ).toMatchObject({ id: `${list}#0`, statusListIndex: '0', statusPurpose: 'suspension' });
  });

  it('keeps an explicit id and accepts the index as a decimal string', () => {
    expect(
      buildCredentialStatus({
        type: 'BitstringStatusListEntry',
        id: 'urn:uuid:1',
        statusPurpose: 'revocation',
        statusListIndex: '42',
        statusListCredential: list,
      }),
    ).toMatchObject({ id: 'urn:uuid:1', statusListIndex: '42' });
  });

  it.each([-1, 1.5, '007', '1e3', 'abc', Number.MAX_SAFE_INTEGER + 1])(
    'refuses the index %j',
    (statusListIndex) => {
      expect(
        thrownCode(() =>
          buildCredentialStatus({
            type: 'BitstringStatusListEntry',
            statusPurpose: 'revocation',
            statusListIndex,
            statusListCredential: list,
          }),
        ),
      ).toBe('VALIDATION_ERROR');
    },
  );

  it('refuses an entry id equal to the list URL (BSL §2.1)', () => {
    expect(
      thrownCode(() =>
        buildCredentialStatus({
          type: 'BitstringStatusListEntry',
          id: list,
          statusPurpose: 'revocation',
          statusListIndex: 1,
          statusListCredential: list,
        }),
      ),
    ).toBe('VALIDATION_ERROR');
  });

  it('refuses a multi-bit entry without status messages (BSL §2.1)', () => {
    expect(
      thrownCode(() =>
        buildCredentialStatus({
          type: 'BitstringStatusListEntry',
          statusPurpose: 'message',
          statusListIndex: 1,
          statusListCredential: list,
          statusSize: 2,
        }),
      ),
    ).toBe('VALIDATION_ERROR');
  });

  it('writes a 1EdTech revocation list entry as given', () => {
    expect(
      buildCredentialStatus({ type: '1EdTechRevocationList', id: 'https://issuer.example/revocations' }),
    ).toEqual({
      type: '1EdTechRevocationList',
      id: 'https://issuer.example/revocations',
    });
  });
});
