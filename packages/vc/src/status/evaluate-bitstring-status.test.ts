import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../error/index.js';
import { createBitstring, setStatus } from './bitstring.js';
import { buildBitstringStatusListCredential } from './build-bitstring-status-list-credential.js';
import { buildBitstringStatusListEntry } from './build-bitstring-status-list-entry.js';
import { encodeStatusList } from './encode-status-list.js';
import { evaluateBitstringStatus } from './evaluate-bitstring-status.js';

// Pinned as the peer-suite README asks (its verdicts were taken at this date).
const NOW = new Date('2026-11-23T00:00:00Z');

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../../../../shared/${path}`, import.meta.url), 'utf8'));
}

const fixtureList = readJson('fixtures/status/revocation-list-1.json');
const FIXTURE_URL = 'https://status.example.edu/credentials/status/revocation/1';
const dccList = readJson('peer-suites/dcc-verifier-core/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj');
const dccCredential = readJson(
  'peer-suites/dcc-verifier-core/src/test-fixtures/verifiableCredentials/v1/v1WithValidStatus.json',
);
const brokenList = (name: string) =>
  readJson(`peer-suites/dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/${name}`);

function entryAt(statusListIndex: number, statusPurpose = 'revocation') {
  return buildBitstringStatusListEntry({ statusListCredential: FIXTURE_URL, statusListIndex, statusPurpose });
}

const code = (value: string) => expect.objectContaining({ code: value });

describe('evaluateBitstringStatus on the shared fixture list (bit 42 set)', () => {
  it('reports index 42 as revoked', () => {
    const result = evaluateBitstringStatus({ entry: entryAt(42), listCredential: fixtureList, now: NOW });
    expect(result).toEqual({
      status: 1,
      purpose: 'revocation',
      valid: false,
      entries: 131_072,
      short: false,
      warnings: [],
    });
  });

  it('reports index 7 as valid', () => {
    const result = evaluateBitstringStatus({ entry: entryAt(7), listCredential: fixtureList, now: NOW });
    expect(result.valid).toBe(true);
    expect(result.status).toBe(0);
  });

  it('raises STATUS_VERIFICATION_ERROR when the list is for another purpose (step 5)', () => {
    expect(() =>
      evaluateBitstringStatus({ entry: entryAt(7, 'suspension'), listCredential: fixtureList, now: NOW }),
    ).toThrow(code(ErrorCode.STATUS_VERIFICATION_ERROR));
  });

  it('raises RANGE_ERROR for an index beyond the list (step 10)', () => {
    expect(() =>
      evaluateBitstringStatus({ entry: entryAt(131_072), listCredential: fixtureList, now: NOW }),
    ).toThrow(code(ErrorCode.RANGE_ERROR));
  });

  it('raises STATUS_VERIFICATION_ERROR before the list is valid', () => {
    expect(() =>
      evaluateBitstringStatus({
        entry: entryAt(7),
        listCredential: fixtureList,
        now: new Date('2023-12-31T23:59:59Z'),
      }),
    ).toThrow(code(ErrorCode.STATUS_VERIFICATION_ERROR));
  });

  it('raises MALFORMED_VALUE_ERROR for a statusListIndex that is not a base-10 string', () => {
    const entry = { ...entryAt(7), statusListIndex: '0x07' };
    expect(() => evaluateBitstringStatus({ entry, listCredential: fixtureList, now: NOW })).toThrow(
      code(ErrorCode.MALFORMED_VALUE_ERROR),
    );
  });

  it('raises MALFORMED_VALUE_ERROR when statusSize > 1 comes without statusMessage', () => {
    const entry = { ...entryAt(7), statusSize: 2 };
    expect(() => evaluateBitstringStatus({ entry, listCredential: fixtureList, now: NOW })).toThrow(
      code(ErrorCode.MALFORMED_VALUE_ERROR),
    );
  });

  it('raises MALFORMED_VALUE_ERROR for an entry of another type', () => {
    const entry = { ...entryAt(7), type: 'StatusList2021Entry' };
    expect(() => evaluateBitstringStatus({ entry, listCredential: fixtureList, now: NOW })).toThrow(
      code(ErrorCode.MALFORMED_VALUE_ERROR),
    );
  });
});

describe('evaluateBitstringStatus on the DCC 100,000-entry list', () => {
  const entry = dccCredential.credentialStatus;

  it('raises STATUS_LIST_LENGTH_ERROR by default (step 9)', () => {
    expect(() => evaluateBitstringStatus({ entry, listCredential: dccList, now: NOW })).toThrow(
      code(ErrorCode.STATUS_LIST_LENGTH_ERROR),
    );
  });

  it('accepts it with a warning when short lists are allowed', () => {
    const result = evaluateBitstringStatus({
      entry,
      listCredential: dccList,
      now: NOW,
      allowShortLists: true,
    });
    expect(result).toMatchObject({ status: 0, valid: true, entries: 100_000, short: true });
    expect(result.warnings).toContainEqual(expect.stringMatching(/100000 entries/));
  });

  it('still finds the revoked index 6', () => {
    const revoked = { ...(entry as object), statusListIndex: '6' };
    const result = evaluateBitstringStatus({
      entry: revoked,
      listCredential: dccList,
      now: NOW,
      allowShortLists: true,
    });
    expect(result.valid).toBe(false);
  });

  it.each([
    ['expired', ErrorCode.STATUS_VERIFICATION_ERROR],
    ['notYetValid', ErrorCode.STATUS_VERIFICATION_ERROR],
    ['missingBitStringType', ErrorCode.STATUS_VERIFICATION_ERROR],
    ['tampered', ErrorCode.MALFORMED_VALUE_ERROR],
  ])('rejects the broken vc-test-fixtures list "%s"', (name, expected) => {
    expect(() =>
      evaluateBitstringStatus({ entry, listCredential: brokenList(name), now: NOW, allowShortLists: true }),
    ).toThrow(code(expected));
  });
});

describe('evaluateBitstringStatus on the 1EdTech validator list', () => {
  const list = readJson('peer-suites/1edtech-dcpv/ob30/bit-string-list/testlist');
  const credential = readJson('peer-suites/1edtech-dcpv/ob30/bit-string-list/credential-status-revoked.json');

  it('finds index 23 revoked and warns about the numeric index and the differing list id', () => {
    const result = evaluateBitstringStatus({
      entry: credential.credentialStatus,
      listCredential: list,
      now: NOW,
    });
    expect(result.valid).toBe(false);
    expect(result.warnings).toHaveLength(2);
  });
});

describe('evaluateBitstringStatus on lists built here', () => {
  const validFrom = '2026-01-01T00:00:00Z';

  it('reads a 2-bit message list and returns the message of the status', () => {
    const bits = createBitstring({ statusSize: 2 });
    setStatus(bits, 5, 2, 2);
    const listCredential = buildBitstringStatusListCredential({
      id: 'https://example.edu/status/m',
      issuer: 'did:example:issuer',
      statusPurpose: 'message',
      encodedList: encodeStatusList(bits),
      validFrom,
    });
    const statusMessage = ['pending', 'accepted', 'rejected', 'undefined'].map((message, status) => ({
      status: `0x${status.toString(16)}`,
      message,
    }));
    const entry = buildBitstringStatusListEntry({
      statusListCredential: listCredential.id,
      statusListIndex: 5,
      statusPurpose: 'message',
      statusSize: 2,
      statusMessage,
    });
    const result = evaluateBitstringStatus({ entry, listCredential, now: NOW });
    expect(result).toMatchObject({ status: 2, message: 'rejected', valid: false, entries: 131_072 });
  });

  it('accepts a list published for several purposes', () => {
    const listCredential = buildBitstringStatusListCredential({
      id: 'https://example.edu/status/2',
      issuer: 'did:example:issuer',
      statusPurpose: ['revocation', 'suspension'],
      encodedList: encodeStatusList(createBitstring()),
      validFrom,
    });
    const entry = buildBitstringStatusListEntry({
      statusListCredential: listCredential.id,
      statusListIndex: 1,
      statusPurpose: 'suspension',
    });
    expect(evaluateBitstringStatus({ entry, listCredential, now: NOW }).valid).toBe(true);
  });

  it('raises STATUS_VERIFICATION_ERROR once the list has passed validUntil', () => {
    const listCredential = buildBitstringStatusListCredential({
      id: 'https://example.edu/status/3',
      issuer: 'did:example:issuer',
      statusPurpose: 'revocation',
      encodedList: encodeStatusList(createBitstring()),
      validFrom,
      validUntil: '2026-06-01T00:00:00Z',
    });
    const entry = buildBitstringStatusListEntry({
      statusListCredential: listCredential.id,
      statusListIndex: 1,
      statusPurpose: 'revocation',
    });
    expect(() => evaluateBitstringStatus({ entry, listCredential, now: NOW })).toThrow(
      code(ErrorCode.STATUS_VERIFICATION_ERROR),
    );
  });

  it('accepts a VC 1.1 list dated with issuanceDate and expirationDate', () => {
    const v2 = buildBitstringStatusListCredential({
      id: 'https://example.edu/status/4',
      issuer: 'did:example:issuer',
      statusPurpose: 'revocation',
      encodedList: encodeStatusList(createBitstring()),
      validFrom,
    });
    const { validFrom: _dropped, ...rest } = v2;
    const v1 = {
      ...rest,
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      issuanceDate: '2026-01-01T00:00:00Z',
      expirationDate: '2026-06-01T00:00:00Z',
    };
    const entry = buildBitstringStatusListEntry({
      statusListCredential: v2.id,
      statusListIndex: 1,
      statusPurpose: 'revocation',
    });
    expect(
      evaluateBitstringStatus({ entry, listCredential: v1, now: new Date('2026-03-01T00:00:00Z') }).valid,
    ).toBe(true);
    expect(() => evaluateBitstringStatus({ entry, listCredential: v1, now: NOW })).toThrow(
      code(ErrorCode.STATUS_VERIFICATION_ERROR),
    );
  });
});
