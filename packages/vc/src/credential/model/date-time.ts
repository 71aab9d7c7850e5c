import { z } from 'zod';

/**
 * OB 3.0 `DateTimeZ` / VC 2.0 `dateTimeStamp` (validFrom, validUntil, awardedDate): an RFC 3339
 * date-time whose timezone is mandatory (`Z` or `±hh:mm`), VC 2.0 §4.9.
 */
export const DateTimeZSchema = z.iso.datetime({ offset: true });

/**
 * OB 3.0 `DateTime` (activityStartDate, activityEndDate, proof `created`): ISO 8601 with an optional
 * timezone. Readers accept a local time; builders still always emit `Z` (STANDARDS.md §6).
 */
export const DateTimeSchema = z.iso.datetime({ offset: true, local: true });

/** OB 3.0 `Date` (Profile.dateOfBirth): `YYYY-MM-DD`. */
export const DateSchema = z.iso.date();
