import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../error/index.js';
import { createBitstring, getStatus, MINIMUM_STATUS_LIST_ENTRIES, setStatus } from './bitstring.js';

describe('createBitstring', () => {
  it('defaults to the 16 KB minimum list, all zero', () => {
    const bits = createBitstring();
    expect(bits.length).toBe(MINIMUM_STATUS_LIST_ENTRIES / 8);
    expect(bits.every((byte) => byte === 0)).toBe(true);
  });

  it('sizes the list as entries × statusSize bits', () => {
    expect(createBitstring({ length: 16, statusSize: 2 }).length).toBe(4);
  });

  it('rejects lengths that are not a whole number of bytes', () => {
    expect(() => createBitstring({ length: 12 })).toThrow(
      expect.objectContaining({ code: ErrorCode.RANGE_ERROR }),
    );
    expect(() => createBitstring({ length: 0 })).toThrow(
      expect.objectContaining({ code: ErrorCode.RANGE_ERROR }),
    );
  });
});

describe('bit order (BSL §2.2: index 0 is the left-most bit)', () => {
  it('puts index 0 in the most significant bit of byte 0', () => {
    const bits = createBitstring({ length: 16 });
    setStatus(bits, 0, 1);
    expect([...bits]).toEqual([0x80, 0x00]);
  });

  it('puts index 7 in the least significant bit of byte 0', () => {
    const bits = createBitstring({ length: 16 });
    setStatus(bits, 7, 1);
    expect([...bits]).toEqual([0x01, 0x00]);
  });

  it('puts index 8 in the most significant bit of byte 1', () => {
    const bits = createBitstring({ length: 16 });
    setStatus(bits, 8, 1);
    expect([...bits]).toEqual([0x00, 0x80]);
  });

  it('reads a multi-bit entry with its first bit most significant', () => {
    const bits = Uint8Array.of(0b0110_0000);
    expect(getStatus(bits, 0, 2)).toBe(1);
    expect(getStatus(bits, 1, 2)).toBe(2);
    expect(getStatus(bits, 0, 3)).toBe(3);
  });
});

describe('statusSize 2', () => {
  it('round-trips every value 0–3 at every position of a byte', () => {
    for (let index = 0; index < 4; index++) {
      for (let value = 0; value < 4; value++) {
        const bits = createBitstring({ length: 8, statusSize: 2 });
        setStatus(bits, index, value, 2);
        expect(getStatus(bits, index, 2)).toBe(value);
      }
    }
  });

  it('clears bits when a smaller value overwrites a larger one', () => {
    const bits = createBitstring({ length: 8, statusSize: 2 });
    setStatus(bits, 3, 3, 2);
    setStatus(bits, 3, 1, 2);
    expect(getStatus(bits, 3, 2)).toBe(1);
    expect([...bits]).toEqual([0b0000_0001, 0]);
  });
});

describe('range errors', () => {
  const bits = createBitstring({ length: 16 });
  const rangeError = expect.objectContaining({ code: ErrorCode.RANGE_ERROR });

  it('rejects an index at or beyond the end of the list', () => {
    expect(() => getStatus(bits, 16)).toThrow(rangeError);
    expect(() => setStatus(bits, 16, 1)).toThrow(rangeError);
    expect(() => getStatus(bits, 8, 2)).toThrow(rangeError);
  });

  it('rejects negative and fractional indexes', () => {
    expect(() => getStatus(bits, -1)).toThrow(rangeError);
    expect(() => getStatus(bits, 1.5)).toThrow(rangeError);
  });

  it('rejects a value that does not fit in statusSize bits', () => {
    expect(() => setStatus(bits, 0, 2)).toThrow(rangeError);
    expect(() => setStatus(bits, 0, 4, 2)).toThrow(rangeError);
    expect(() => setStatus(bits, 0, -1)).toThrow(rangeError);
  });

  it('rejects a statusSize below 1', () => {
    expect(() => getStatus(bits, 0, 0)).toThrow(rangeError);
  });
});

describe('setStatus then getStatus (property)', () => {
  it('returns the value written and leaves every other entry unchanged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.uint8Array({ minLength: 9, maxLength: 64 }),
        fc.nat(),
        fc.nat(),
        (statusSize, initial, rawIndex, rawValue) => {
          const bits = Uint8Array.from(initial);
          const entries = Math.floor((bits.length * 8) / statusSize);
          const index = rawIndex % entries;
          const value = rawValue % 2 ** statusSize;
          const before = Array.from({ length: entries }, (_, i) => getStatus(bits, i, statusSize));
          setStatus(bits, index, value, statusSize);
          expect(getStatus(bits, index, statusSize)).toBe(value);
          for (let i = 0; i < entries; i++) {
            if (i !== index) expect(getStatus(bits, i, statusSize)).toBe(before[i]);
          }
        },
      ),
    );
  });
});
