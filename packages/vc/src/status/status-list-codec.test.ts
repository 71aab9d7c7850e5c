import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../error/index.js';
import { createBitstring, getStatus, setStatus } from './bitstring.js';
import { decodeStatusList } from './decode-status-list.js';
import { encodeStatusList } from './encode-status-list.js';

const SPEC_EMPTY_LIST = 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA';

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../../../../shared/${path}`, import.meta.url), 'utf8'));
}

function encodedListOf(path: string): string {
  const subject = readJson(path).credentialSubject as { encodedList: string };
  return subject.encodedList;
}

describe('encodeStatusList', () => {
  it('encodes the all-zero 16 KB list exactly as the BSL §2.2 example', () => {
    expect(encodeStatusList(createBitstring())).toBe(SPEC_EMPTY_LIST);
  });

  it('writes mtime 0 and OS byte 3 in the gzip header whatever the platform', () => {
    const header = decodeBase64urlBytes(encodeStatusList(createBitstring({ length: 8 })).slice(1)).subarray(
      0,
      10,
    );
    expect([...header.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
    expect(header[9]).toBe(3);
  });
});

function decodeBase64urlBytes(value: string): Uint8Array {
  return new Uint8Array(Buffer.from(value, 'base64url'));
}

describe('decodeStatusList', () => {
  it('expands the spec example to 16 KB of zeros', () => {
    const bits = decodeStatusList(SPEC_EMPTY_LIST);
    expect(bits.length).toBe(16_384);
    expect(bits.every((byte) => byte === 0)).toBe(true);
  });

  it('accepts a list without the multibase "u" prefix (StatusList2021 form)', () => {
    expect(decodeStatusList(SPEC_EMPTY_LIST.slice(1))).toEqual(decodeStatusList(SPEC_EMPTY_LIST));
  });

  it('finds bit 42 set and bit 7 clear in the shared revocation list fixture', () => {
    const bits = decodeStatusList(encodedListOf('fixtures/status/revocation-list-1.json'));
    expect(bits.length * 8).toBe(131_072);
    expect(getStatus(bits, 42)).toBe(1);
    expect(getStatus(bits, 7)).toBe(0);
    expect(getStatus(bits, 41)).toBe(0);
    expect(getStatus(bits, 43)).toBe(0);
  });

  it('decodes the DCC list as 100,000 entries with index 6 set', () => {
    const bits = decodeStatusList(
      encodedListOf('peer-suites/dcc-verifier-core/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj'),
    );
    expect(bits.length * 8).toBe(100_000);
    expect(getStatus(bits, 6)).toBe(1);
    expect(getStatus(bits, 7)).toBe(0);
  });

  it('rejects a gzip bomb without expanding it', () => {
    // 128 concatenated gzip members of 8 MiB of zeros: 1 MB on the wire, 1 GiB expanded; then a truncated
    // member, which a decoder that expanded everything before checking the size would report instead.
    const member = gzipSync(new Uint8Array(8 * 1024 * 1024), { level: 9 });
    const truncated = member.subarray(0, member.length - 20);
    const bomb = `u${Buffer.concat([...Array.from({ length: 128 }, () => member), truncated]).toString('base64url')}`;
    expect(() => decodeStatusList(bomb)).toThrow(
      expect.objectContaining({
        code: ErrorCode.MALFORMED_VALUE_ERROR,
        message: expect.stringMatching(/beyond/),
      }),
    );
  });

  it('honours a smaller maxDecompressedBytes', () => {
    expect(() => decodeStatusList(SPEC_EMPTY_LIST, { maxDecompressedBytes: 1024 })).toThrow(
      expect.objectContaining({ code: ErrorCode.MALFORMED_VALUE_ERROR }),
    );
  });

  it.each([
    ['a non-gzip multibase value', 'uAAAA'],
    ['a base58 value', 'z3hYk'],
    ['a truncated gzip stream', SPEC_EMPTY_LIST.slice(0, 30)],
    ['base64url with foreign characters', 'uH4sI+/AAAA'],
    [
      'the tampered DCC list',
      encodedListOf('peer-suites/dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/tampered'),
    ],
  ])('rejects %s as MALFORMED_VALUE_ERROR', (_, value) => {
    expect(() => decodeStatusList(value)).toThrow(
      expect.objectContaining({ code: ErrorCode.MALFORMED_VALUE_ERROR }),
    );
  });
});

describe('encode → decode (property)', () => {
  it('round-trips any set of indexes', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 8191 }), { maxLength: 300 }), (indexes) => {
        const bits = createBitstring({ length: 8192 });
        for (const index of indexes) setStatus(bits, index, 1);
        const decoded = decodeStatusList(encodeStatusList(bits));
        expect(decoded).toEqual(bits);
        const setIndexes = [];
        for (let index = 0; index < 8192; index++)
          if (getStatus(decoded, index) === 1) setIndexes.push(index);
        expect(setIndexes).toEqual([...indexes].sort((a, b) => a - b));
      }),
      { numRuns: 50 },
    );
  });
});
