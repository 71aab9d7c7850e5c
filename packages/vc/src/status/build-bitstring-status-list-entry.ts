import { ErrorCode, MicrocredError } from '../error/index.js';
import { checkStatusMessages, type StatusMessage } from './status-message.js';

/** A `credentialStatus` entry pointing into a Bitstring Status List (BSL §2.1). */
export interface BitstringStatusListEntry {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: string;
  statusListIndex: string;
  statusListCredential: string;
  statusSize?: number;
  statusMessage?: StatusMessage[];
}

function malformed(message: string): MicrocredError {
  return new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, message);
}

/**
 * The entry for position `statusListIndex` of the list at `statusListCredential`. The entry `id` is
 * `list URL + '#' + index` because BSL §2.1 forbids the list URL itself; the index is written in base 10
 * as a string, as §2.1 requires. Indexes SHOULD be assigned randomly (§2.1): that is the caller's job.
 */
export function buildBitstringStatusListEntry(options: {
  statusListCredential: string;
  statusListIndex: number;
  statusPurpose: string;
  statusSize?: number;
  statusMessage?: readonly StatusMessage[];
}): BitstringStatusListEntry {
  const { statusListCredential, statusListIndex, statusPurpose, statusSize } = options;
  if (!URL.canParse(statusListCredential) || statusListCredential.includes('#')) {
    throw malformed('statusListCredential must be a URL without a fragment');
  }
  if (!Number.isSafeInteger(statusListIndex) || statusListIndex < 0) {
    throw new MicrocredError(ErrorCode.RANGE_ERROR, 'statusListIndex must be a non-negative integer');
  }
  if (typeof statusPurpose !== 'string' || statusPurpose === '') {
    throw malformed('statusPurpose must be a non-empty string');
  }
  if (statusSize !== undefined && (!Number.isInteger(statusSize) || statusSize < 1 || statusSize > 32)) {
    throw malformed('statusSize must be an integer from 1 to 32');
  }
  const statusMessage = checkStatusMessages(
    options.statusMessage === undefined ? undefined : [...options.statusMessage],
    statusSize ?? 1,
  );
  return {
    id: `${statusListCredential}#${statusListIndex}`,
    type: 'BitstringStatusListEntry',
    statusPurpose,
    statusListIndex: String(statusListIndex),
    statusListCredential,
    ...(statusSize === undefined ? {} : { statusSize }),
    ...(statusMessage === undefined ? {} : { statusMessage }),
  };
}
