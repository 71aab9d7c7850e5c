import { ErrorCode, MicrocredError } from '../../error/index.js';

// XML Schema dateTime with a timezone (dateTimeStamp), as VC 2.0 requires for validFrom/validUntil.
const DATE_TIME_STAMP = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
// XML Schema dateTime, timezone optional (VC 1.1 dates, the legacy Ed25519Signature2020 `created`).
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

/**
 * Date.parse rolls a day past the end of its month over (`2030-02-30` is 2 March), so a date that is not
 * in the calendar would be read as another one (ADVERSARIAL V20): it is refused instead.
 */
function isCalendarDate(value: string): boolean {
  const match = /^(-?\d{4,})-(\d{2})-(\d{2})T/.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

export function isDateTimeStamp(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    DATE_TIME_STAMP.test(value) &&
    isCalendarDate(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

export function isXsdDateTime(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    DATE_TIME.test(value) &&
    isCalendarDate(value) &&
    !Number.isNaN(Date.parse(value))
  );
}
