import { ErrorCode, MicrocredError } from '../../error/index.js';

export interface CheckValidityPeriodOptions {
  /** A dateTimeStamp, or undefined when the period is open at the start. */
  readonly from: string | undefined;
  /** A dateTimeStamp, or undefined when the period is open at the end. */
  readonly until: string | undefined;
  readonly fromField: string;
  readonly untilField: string;
}

/** Throws RANGE_ERROR when a period ends before it starts (VC 2.0 §4.9: validFrom ≤ validUntil). */
export function checkValidityPeriod({
  from,
  until,
  fromField,
  untilField,
}: CheckValidityPeriodOptions): void {
  if (from !== undefined && until !== undefined && Date.parse(until) < Date.parse(from)) {
    throw new MicrocredError(ErrorCode.RANGE_ERROR, `${untilField} is before ${fromField}`, {
      details: { field: untilField },
    });
  }
}
