import { ErrorCode, MicrocredError } from '../../error/index.js';
import { DateTimeZSchema } from '../model/date-time.js';

export interface ToDateTimeStampOptions {
  readonly value: Date | string;
  /** The property being set, for error messages. */
  readonly field: string;
}

/**
 * A Date, or an RFC 3339 date-time with timezone, as a UTC `dateTimeStamp` ending in `Z`
 * (VC 2.0 §4.9 requires a timezone; one fixed zone keeps issued documents comparable).
 * Milliseconds are kept only when not zero. A string without timezone is refused rather than
 * guessed, since its instant would depend on the issuing machine's zone.
 */
export function toDateTimeStamp({ value, field }: ToDateTimeStampOptions): string {
  if (typeof value === 'string' && !DateTimeZSchema.safeParse(value).success) {
    throw new MicrocredError(
      ErrorCode.VALIDATION_ERROR,
      `${field} must be a date-time with timezone, e.g. 2025-01-31T09:00:00Z`,
      { details: { field } },
    );
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  const time = date.getTime();
  if (Number.isNaN(time)) {
    throw new MicrocredError(ErrorCode.VALIDATION_ERROR, `${field} is not a valid date`, {
      details: { field },
    });
  }
  const iso = date.toISOString();
  // toISOString writes years outside 0000-9999 as ±YYYYYY, which is not an XML Schema dateTimeStamp.
  if (!/^\d{4}-/.test(iso)) {
    throw new MicrocredError(ErrorCode.VALIDATION_ERROR, `${field} is out of range`, { details: { field } });
  }
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
