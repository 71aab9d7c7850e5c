import { ErrorCode, MicrocredError } from '../error/index.js';

/** One row of `statusMessage` (BSL §2.1): `status` is the value in hexadecimal, prefixed `0x`. */
export interface StatusMessage {
  status: string;
  message: string;
  [key: string]: unknown;
}

function malformed(message: string): MicrocredError {
  return new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, message);
}

/**
 * Checks `statusMessage` against `statusSize` as BSL §2.1 requires: present when `statusSize` > 1,
 * 2^statusSize rows, each `{status: '0x…', message}`. Returns the rows, or undefined when absent.
 */
export function checkStatusMessages(value: unknown, statusSize: number): StatusMessage[] | undefined {
  if (value === undefined) {
    if (statusSize > 1) throw malformed('statusMessage is required when statusSize is greater than 1');
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 2 ** statusSize) {
    throw malformed(
      `statusMessage must be an array of ${2 ** statusSize} entries for statusSize ${statusSize}`,
    );
  }
  return value.map((row: unknown) => {
    if (typeof row !== 'object' || row === null)
      throw malformed('each statusMessage entry must be an object');
    const { status, message } = row as Record<string, unknown>;
    if (typeof status !== 'string' || !/^0x[0-9a-fA-F]+$/.test(status) || typeof message !== 'string') {
      throw malformed('each statusMessage entry needs a "0x…" status and a message string');
    }
    return row as StatusMessage;
  });
}

/** The message for `status`: the matching row, else BSL §2.1's defaults "unset" (0) and "set" (1). */
export function findStatusMessage(
  messages: readonly StatusMessage[] | undefined,
  status: number,
): string | undefined {
  if (messages === undefined) return status === 0 ? 'unset' : status === 1 ? 'set' : undefined;
  return messages.find((row) => Number.parseInt(row.status.slice(2), 16) === status)?.message;
}
