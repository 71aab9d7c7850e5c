import { ErrorCode, MicrocredError } from '../../error/index.js';

// XML Schema dateTime with a timezone (dateTimeStamp), as VC 2.0 requires for validFrom/validUntil.
const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
// XML Schema dateTime, timezone optional (Data Integrity `created`, OB DateTime fields).
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** `2024-01-01T00:00:00Z`: whole seconds, as the published test vectors write `created`. */
export function toXsdDateTime(value: Date | string): string {
  if (typeof value === 'string') {
    if (!isDateTimeStamp(value)) {
      throw new MicrocredError(
        ErrorCode.MALFORMED_VALUE_ERROR,
        `not an XML Schema dateTimeStamp: ${String(value).slice(0, 60)}`,
      );
    }
    return value;
  }
  if (Number.isNaN(value.getTime()))
    throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, 'invalid date');
  return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isDateTimeStamp(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME_STAMP.test(value) && !Number.isNaN(Date.parse(value));
}

export function isXsdDateTime(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}
