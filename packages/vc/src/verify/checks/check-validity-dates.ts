import { ErrorCode } from '../../error/index.js';
import { isDateTimeStamp, isXsdDateTime } from '../../proof/data-integrity/xsd-date-time.js';
import type { CredentialStep } from '../verification-context.js';
import { CheckId, type VerificationCheck } from '../verification-report.js';
import { failed, passed } from './check-outcome.js';

/** validFrom/validUntil (VC 2.0 §4.9) or issuanceDate/expirationDate (VC 1.1), with their formats. */
export const checkValidityDates: CredentialStep = ({ credential, isV2, now }) => {
  const checks: VerificationCheck[] = [];
  const fromKey = isV2 ? 'validFrom' : 'issuanceDate';
  const untilKey = isV2 ? 'validUntil' : 'expirationDate';
  const from = credential[fromKey];
  const until = credential[untilKey];
  const wellFormed = isV2 ? isDateTimeStamp : isXsdDateTime;
  if (from === undefined) {
    checks.push(
      isV2
        ? passed(CheckId.VALID_FROM, 'no validFrom: valid from issuance')
        : failed(
            CheckId.VALID_FROM,
            ErrorCode.MALFORMED_VALUE_ERROR,
            'a VC 1.1 credential needs an issuanceDate',
          ),
    );
  } else if (!wellFormed(from)) {
    checks.push(
      failed(
        CheckId.VALID_FROM,
        ErrorCode.MALFORMED_VALUE_ERROR,
        `${fromKey} is not a date-time with a timezone`,
      ),
    );
  } else if (Date.parse(from) > now.getTime()) {
    checks.push(failed(CheckId.VALID_FROM, ErrorCode.RANGE_ERROR, `not yet valid: ${fromKey} is ${from}`));
  } else {
    checks.push(passed(CheckId.VALID_FROM, `valid from ${from}`));
  }
  if (until !== undefined) {
    if (!wellFormed(until)) {
      checks.push(
        failed(
          CheckId.VALID_UNTIL,
          ErrorCode.MALFORMED_VALUE_ERROR,
          `${untilKey} is not a date-time with a timezone`,
        ),
      );
    } else if (typeof from === 'string' && wellFormed(from) && Date.parse(from) > Date.parse(until)) {
      checks.push(failed(CheckId.VALID_UNTIL, ErrorCode.RANGE_ERROR, `${untilKey} is before ${fromKey}`));
    } else if (Date.parse(until) <= now.getTime()) {
      checks.push(failed(CheckId.VALID_UNTIL, ErrorCode.RANGE_ERROR, `expired on ${until}`));
    } else {
      checks.push(passed(CheckId.VALID_UNTIL, `valid until ${until}`));
    }
  }
  return { checks };
};
