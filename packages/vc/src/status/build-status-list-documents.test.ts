import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../error/index.js';
import { createBitstring } from './bitstring.js';
import { buildBitstringStatusListCredential } from './build-bitstring-status-list-credential.js';
import { buildBitstringStatusListEntry } from './build-bitstring-status-list-entry.js';
import { encodeStatusList } from './encode-status-list.js';

const LIST_URL = 'https://example.edu/status/1';
const code = (value: string) => expect.objectContaining({ code: value });

describe('buildBitstringStatusListCredential', () => {
  it('builds the unsigned VC 2.0 list of BSL §2.2 Example 3', () => {
    const credential = buildBitstringStatusListCredential({
      id: 'https://example.com/credentials/status/3',
      issuer: 'did:example:12345',
      statusPurpose: 'revocation',
      encodedList: encodeStatusList(createBitstring()),
      validFrom: new Date('2021-04-05T14:27:40Z'),
    });
    expect(credential).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'https://example.com/credentials/status/3',
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: 'did:example:12345',
      validFrom: '2021-04-05T14:27:40Z',
      credentialSubject: {
        id: 'https://example.com/credentials/status/3#list',
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA',
      },
    });
  });

  it('adds validUntil and ttl when given', () => {
    const credential = buildBitstringStatusListCredential({
      id: LIST_URL,
      issuer: { id: 'did:example:12345', name: 'Example' },
      statusPurpose: ['revocation', 'suspension'],
      encodedList: 'uH4sI',
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2026-02-01T00:00:00Z',
      ttl: 300_000,
    });
    expect(credential.validUntil).toBe('2026-02-01T00:00:00Z');
    expect(credential.credentialSubject).toMatchObject({
      statusPurpose: ['revocation', 'suspension'],
      ttl: 300_000,
    });
  });

  it('rejects validUntil before validFrom', () => {
    expect(() =>
      buildBitstringStatusListCredential({
        id: LIST_URL,
        issuer: 'did:example:1',
        statusPurpose: 'revocation',
        encodedList: 'uH4sI',
        validFrom: '2026-02-01T00:00:00Z',
        validUntil: '2026-01-01T00:00:00Z',
      }),
    ).toThrow(code(ErrorCode.RANGE_ERROR));
  });

  it('rejects a date without a time zone and an encodedList without the multibase prefix', () => {
    const base = { id: LIST_URL, issuer: 'did:example:1', statusPurpose: 'revocation', encodedList: 'uH4sI' };
    expect(() => buildBitstringStatusListCredential({ ...base, validFrom: '2026-01-01T00:00:00' })).toThrow(
      code(ErrorCode.MALFORMED_VALUE_ERROR),
    );
    expect(() =>
      buildBitstringStatusListCredential({ ...base, encodedList: 'H4sI', validFrom: '2026-01-01T00:00:00Z' }),
    ).toThrow(code(ErrorCode.MALFORMED_VALUE_ERROR));
  });
});

describe('buildBitstringStatusListEntry', () => {
  it('writes the index as a base-10 string and derives the id from the list URL', () => {
    expect(
      buildBitstringStatusListEntry({
        statusListCredential: LIST_URL,
        statusListIndex: 94567,
        statusPurpose: 'revocation',
      }),
    ).toEqual({
      id: `${LIST_URL}#94567`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: LIST_URL,
    });
  });

  it('requires 2^statusSize status messages when statusSize > 1', () => {
    const base = {
      statusListCredential: LIST_URL,
      statusListIndex: 1,
      statusPurpose: 'message',
      statusSize: 2,
    };
    expect(() => buildBitstringStatusListEntry(base)).toThrow(code(ErrorCode.MALFORMED_VALUE_ERROR));
    expect(() =>
      buildBitstringStatusListEntry({ ...base, statusMessage: [{ status: '0x0', message: 'a' }] }),
    ).toThrow(code(ErrorCode.MALFORMED_VALUE_ERROR));
    const statusMessage = [0, 1, 2, 3].map((status) => ({ status: `0x${status}`, message: `m${status}` }));
    expect(buildBitstringStatusListEntry({ ...base, statusMessage })).toMatchObject({
      statusSize: 2,
      statusMessage,
    });
  });

  it('rejects a negative index and a list URL with a fragment', () => {
    expect(() =>
      buildBitstringStatusListEntry({
        statusListCredential: LIST_URL,
        statusListIndex: -1,
        statusPurpose: 'revocation',
      }),
    ).toThrow(code(ErrorCode.RANGE_ERROR));
    expect(() =>
      buildBitstringStatusListEntry({
        statusListCredential: `${LIST_URL}#x`,
        statusListIndex: 1,
        statusPurpose: 'revocation',
      }),
    ).toThrow(code(ErrorCode.MALFORMED_VALUE_ERROR));
  });
});
