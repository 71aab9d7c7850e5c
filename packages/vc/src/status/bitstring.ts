import { ErrorCode, MicrocredError } from '../error/index.js';

/** BSL §2.2 / §3.2 step 2: a list holds at least 131,072 entries (16 KB of one-bit entries) for herd privacy. */
export const MINIMUM_STATUS_LIST_ENTRIES = 131_072;

// Values are read into a JS number; 32 bits is far beyond any real status (a statusMessage table for
// statusSize n needs 2^n rows, BSL §2.1), and keeps `2 ** statusSize` exact.
const MAX_STATUS_SIZE = 32;
// 1 GiB of bits: well past any real list, well below what a Uint8Array allows.
const MAX_BITSTRING_BYTES = 2 ** 30;

function rangeError(message: string, details?: Record<string, unknown>): MicrocredError {
  return new MicrocredError(ErrorCode.RANGE_ERROR, message, details === undefined ? {} : { details });
}

function checkStatusSize(statusSize: number): void {
  if (!Number.isInteger(statusSize) || statusSize < 1 || statusSize > MAX_STATUS_SIZE) {
    throw rangeError(`statusSize must be an integer from 1 to ${MAX_STATUS_SIZE}`, { statusSize });
  }
}

/** Position of the first bit of entry `index`, after checking that the whole entry lies inside the list. */
function firstBit(bits: Uint8Array, index: number, statusSize: number): number {
  checkStatusSize(statusSize);
  if (!Number.isSafeInteger(index) || index < 0) {
    throw rangeError('status list index must be a non-negative integer', { index });
  }
  const first = index * statusSize;
  if (first + statusSize > bits.length * 8) {
    // BSL §3.2 step 10: an index outside the bitstring MUST raise RANGE_ERROR.
    throw rangeError(`status list index ${index} is beyond the list`, {
      index,
      entries: Math.floor((bits.length * 8) / statusSize),
    });
  }
  return first;
}

/**
 * A zeroed bitstring of `length` entries of `statusSize` bits each (BSL §3.3 step 1).
 * The total number of bits must be a whole number of bytes.
 */
export function createBitstring(options: { length?: number; statusSize?: number } = {}): Uint8Array {
  const { length = MINIMUM_STATUS_LIST_ENTRIES, statusSize = 1 } = options;
  checkStatusSize(statusSize);
  if (!Number.isSafeInteger(length) || length < 1) {
    throw rangeError('bitstring length must be a positive integer', { length });
  }
  const totalBits = length * statusSize;
  if (totalBits % 8 !== 0 || totalBits / 8 > MAX_BITSTRING_BYTES) {
    throw rangeError('bitstring must be a whole number of bytes, at most 1 GiB', { length, statusSize });
  }
  return new Uint8Array(totalBits / 8);
}

/**
 * The status of entry `index`: `statusSize` bits read left to right, index 0 being the most significant
 * bit of byte 0 (BSL §2.2 encodedList, §7.1), the first bit of an entry being its most significant.
 */
export function getStatus(bits: Uint8Array, index: number, statusSize = 1): number {
  const first = firstBit(bits, index, statusSize);
  let value = 0;
  for (let position = first; position < first + statusSize; position++) {
    const byte = bits[Math.floor(position / 8)] ?? 0;
    value = value * 2 + ((byte >> (7 - (position % 8))) & 1);
  }
  return value;
}

/** Writes `value` into entry `index` in place, leaving every other entry unchanged. */
export function setStatus(bits: Uint8Array, index: number, value: number, statusSize = 1): void {
  const first = firstBit(bits, index, statusSize);
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** statusSize) {
    throw rangeError(`status value must fit in ${statusSize} bit(s)`, { value, statusSize });
  }
  for (let offset = 0; offset < statusSize; offset++) {
    const position = first + offset;
    const byteIndex = Math.floor(position / 8);
    const mask = 0x80 >> (position % 8);
    const bit = Math.floor(value / 2 ** (statusSize - 1 - offset)) % 2;
    const byte = bits[byteIndex] ?? 0;
    bits[byteIndex] = bit === 1 ? byte | mask : byte & ~mask;
  }
}
