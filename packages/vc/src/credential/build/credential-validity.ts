import { checkValidityPeriod } from './check-validity-period.js';
import { toDateTimeStamp } from './to-date-time-stamp.js';

export interface CredentialValidityInput {
  readonly validFrom: Date | string;
  readonly validUntil?: Date | string | undefined;
  readonly awardedDate?: Date | string | undefined;
}

/**
 * The dates every credential carries, as dateTimeStamps (VC 2.0 §4.9 requires a timezone), checked for
 * order. Throws VALIDATION_ERROR for a bad date and RANGE_ERROR when validUntil comes before validFrom.
 */
export function credentialValidity(input: CredentialValidityInput): {
  validFrom: string;
  validUntil: string | undefined;
  awardedDate: string | undefined;
} {
  const validFrom = toDateTimeStamp({ value: input.validFrom, field: 'validFrom' });
  const validUntil =
    input.validUntil === undefined
      ? undefined
      : toDateTimeStamp({ value: input.validUntil, field: 'validUntil' });
  checkValidityPeriod({
    from: validFrom,
    until: validUntil,
    fromField: 'validFrom',
    untilField: 'validUntil',
  });
  const awardedDate =
    input.awardedDate === undefined
      ? undefined
      : toDateTimeStamp({ value: input.awardedDate, field: 'awardedDate' });
  return { validFrom, validUntil, awardedDate };
}
