import { ErrorCode, MicrocredError } from '../error/index.js';
import { isRecord, type JsonObject } from '../json/index.js';
import { getStatus, MINIMUM_STATUS_LIST_ENTRIES } from './bitstring.js';
import { VC_V2_CONTEXT } from './build-bitstring-status-list-credential.js';
import { decodeStatusList } from './decode-status-list.js';
import { checkStatusMessages, findStatusMessage } from './status-message.js';

const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';

/** The outcome of BSL §3.2 steps 5–15 for one entry (`result` in the spec, plus what we learnt on the way). */
export interface BitstringStatusResult {
  /** The entry's value in the list; 0 means the purpose does not apply (not revoked, not suspended). */
  status: number;
  purpose: string;
  valid: boolean;
  /** From the entry's `statusMessage`, or BSL §2.1's "set"/"unset" when the purpose is `message`. */
  message?: string;
  /** Entries in the list (bits / statusSize). */
  entries: number;
  /** The list is below `minimumEntries` and was accepted only because `allowShortLists` is set. */
  short: boolean;
  warnings: string[];
}

function fail(code: ErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new MicrocredError(code, message, details === undefined ? {} : { details });
}

function hasType(value: unknown, type: string): boolean {
  return value === type || (Array.isArray(value) && value.includes(type));
}

// xsd:dateTime. VC 1.1 lists may omit the zone; reading it as UTC keeps the result independent of
// the host's time zone.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

function readTime(list: JsonObject, field: string): number | undefined {
  const value = list[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !DATE_TIME.test(value)) {
    fail(ErrorCode.MALFORMED_VALUE_ERROR, `status list ${field} is not a date-time`);
  }
  return Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`);
}

function readEntry(entry: unknown, warnings: string[]) {
  if (!isRecord(entry) || !hasType(entry.type, 'BitstringStatusListEntry')) {
    fail(ErrorCode.MALFORMED_VALUE_ERROR, 'credentialStatus is not a BitstringStatusListEntry');
  }
  const { statusPurpose, statusListIndex, statusSize = 1 } = entry;
  if (typeof statusPurpose !== 'string' || statusPurpose === '') {
    fail(ErrorCode.MALFORMED_VALUE_ERROR, 'statusPurpose must be a non-empty string');
  }
  let index: number;
  if (typeof statusListIndex === 'string' && /^[0-9]+$/.test(statusListIndex)) {
    index = Number(statusListIndex);
  } else if (
    typeof statusListIndex === 'number' &&
    Number.isInteger(statusListIndex) &&
    statusListIndex >= 0
  ) {
    // Seen in the 1EdTech validator's own samples; BSL §2.1 asks for a string, so flag it but read it.
    warnings.push('statusListIndex is a JSON number; BSL §2.1 requires a base-10 string');
    index = statusListIndex;
  } else {
    fail(ErrorCode.MALFORMED_VALUE_ERROR, 'statusListIndex must be a base-10 integer string');
  }
  // §2.1 allows arbitrary-size integers; one past 2^53 is past any list we would expand.
  if (!Number.isSafeInteger(index)) fail(ErrorCode.RANGE_ERROR, 'statusListIndex is beyond any status list');
  if (typeof statusSize !== 'number' || !Number.isInteger(statusSize) || statusSize < 1) {
    fail(ErrorCode.MALFORMED_VALUE_ERROR, 'statusSize must be an integer greater than zero');
  }
  if (statusSize > 32) fail(ErrorCode.RANGE_ERROR, 'statusSize above 32 bits is not supported');
  const messages = checkStatusMessages(entry.statusMessage, statusSize);
  const listUrl = typeof entry.statusListCredential === 'string' ? entry.statusListCredential : undefined;
  return { purpose: statusPurpose, index, statusSize, messages, listUrl };
}

function readList(listCredential: unknown, now: Date, warnings: string[]) {
  if (!isRecord(listCredential))
    fail(ErrorCode.MALFORMED_VALUE_ERROR, 'status list credential is not an object');
  const context = listCredential['@context'];
  const firstContext = Array.isArray(context) ? context[0] : context;
  // VCDM 2.0 lists use validFrom/validUntil; VC 1.1 lists (still published by peers) use
  // issuanceDate/expirationDate with the v1 context.
  let from: number | undefined;
  let until: number | undefined;
  if (firstContext === VC_V2_CONTEXT) {
    from = readTime(listCredential, 'validFrom');
    until = readTime(listCredential, 'validUntil');
  } else if (firstContext === VC_V1_CONTEXT) {
    from = readTime(listCredential, 'issuanceDate');
    until = readTime(listCredential, 'expirationDate');
  } else {
    fail(ErrorCode.MALFORMED_VALUE_ERROR, 'status list credential has no VC 1.1 or VC 2.0 base context');
  }
  // BSL §2.1: the dereferenced credential MUST have type BitstringStatusListCredential.
  if (!hasType(listCredential.type, 'BitstringStatusListCredential')) {
    fail(
      ErrorCode.STATUS_VERIFICATION_ERROR,
      'status list credential is not a BitstringStatusListCredential',
    );
  }
  const at = now.getTime();
  if (Number.isNaN(at)) fail(ErrorCode.MALFORMED_VALUE_ERROR, '"now" is not a valid date');
  // BSL §2.2 validFrom/validUntil bound when the list itself may be relied upon.
  if (from !== undefined && at < from)
    fail(ErrorCode.STATUS_VERIFICATION_ERROR, 'status list is not yet valid');
  if (until !== undefined && at > until) fail(ErrorCode.STATUS_VERIFICATION_ERROR, 'status list has expired');

  let subject = listCredential.credentialSubject;
  if (Array.isArray(subject) && subject.length === 1) subject = subject[0];
  if (!isRecord(subject))
    fail(ErrorCode.MALFORMED_VALUE_ERROR, 'status list needs exactly one credentialSubject');
  if (!hasType(subject.type, 'BitstringStatusList')) {
    fail(ErrorCode.STATUS_VERIFICATION_ERROR, 'credentialSubject.type is not BitstringStatusList');
  }
  const { statusPurpose, encodedList } = subject;
  const purposes = typeof statusPurpose === 'string' ? [statusPurpose] : statusPurpose;
  if (!Array.isArray(purposes) || purposes.length === 0 || !purposes.every((p) => typeof p === 'string')) {
    fail(ErrorCode.MALFORMED_VALUE_ERROR, 'credentialSubject.statusPurpose must be one or more strings');
  }
  if (typeof encodedList !== 'string') fail(ErrorCode.MALFORMED_VALUE_ERROR, 'encodedList must be a string');
  if (!encodedList.startsWith('u')) warnings.push('encodedList has no multibase "u" prefix (pre-BSL form)');
  const id = typeof listCredential.id === 'string' ? listCredential.id : undefined;
  return { purposes: purposes as string[], encodedList, id };
}

/**
 * BSL §3.2 Validate Algorithm, steps 5–15, for one `BitstringStatusListEntry` and the list credential it
 * points to. Retrieving the list (step 4, STATUS_RETRIEVAL_ERROR) and checking its proofs and issuer
 * are the verifier's job and must happen before this call. Throws a `MicrocredError` with the
 * spec's code (STATUS_VERIFICATION_ERROR, STATUS_LIST_LENGTH_ERROR, RANGE_ERROR, MALFORMED_VALUE_ERROR).
 *
 * `minimumEntries` is step 2's minimumNumberOfEntries. `allowShortLists` turns STATUS_LIST_LENGTH_ERROR
 * into a warning: DCC publishes 100,000-entry lists that its verifiers accept.
 */
export function evaluateBitstringStatus(options: {
  entry: unknown;
  listCredential: unknown;
  now: Date;
  minimumEntries?: number;
  allowShortLists?: boolean;
  maxDecompressedBytes?: number;
}): BitstringStatusResult {
  const { minimumEntries = MINIMUM_STATUS_LIST_ENTRIES, allowShortLists = false } = options;
  if (!Number.isSafeInteger(minimumEntries) || minimumEntries < 1) {
    fail(ErrorCode.MALFORMED_VALUE_ERROR, 'minimumEntries must be a positive integer');
  }
  const warnings: string[] = [];
  const entry = readEntry(options.entry, warnings);
  const list = readList(options.listCredential, options.now, warnings);
  if (list.id !== undefined && entry.listUrl !== undefined && list.id !== entry.listUrl) {
    // BSL §2.2 only says the id MAY match; peers serve lists from URLs other than their id.
    warnings.push(`status list id ${list.id} differs from statusListCredential ${entry.listUrl}`);
  }

  // Step 5: the list must have been published for the purpose the entry claims.
  if (!list.purposes.includes(entry.purpose)) {
    fail(ErrorCode.STATUS_VERIFICATION_ERROR, `status list is not for purpose "${entry.purpose}"`, {
      purpose: entry.purpose,
      listPurposes: list.purposes,
    });
  }

  // Steps 8–9.
  const bits = decodeStatusList(list.encodedList, {
    ...(options.maxDecompressedBytes === undefined
      ? {}
      : { maxDecompressedBytes: options.maxDecompressedBytes }),
  });
  const entries = Math.floor((bits.length * 8) / entry.statusSize);
  let short = false;
  if (entries < minimumEntries) {
    if (!allowShortLists) {
      fail(
        ErrorCode.STATUS_LIST_LENGTH_ERROR,
        `status list has ${entries} entries, fewer than ${minimumEntries}`,
        {
          entries,
          minimumEntries,
        },
      );
    }
    short = true;
    warnings.push(`status list has ${entries} entries, fewer than the ${minimumEntries} BSL §3.2 requires`);
  }

  // Steps 10–15.
  const status = getStatus(bits, entry.index, entry.statusSize);
  const message =
    entry.messages !== undefined || entry.purpose === 'message'
      ? findStatusMessage(entry.messages, status)
      : undefined;
  return {
    status,
    purpose: entry.purpose,
    valid: status === 0,
    ...(message === undefined ? {} : { message }),
    entries,
    short,
    warnings,
  };
}
