import { ResultStatusTypeSchema } from '@microcred/vc';
import { z } from 'zod';
import { normalizeEmail } from '../identity/normalize-email.js';

/** Upper bounds on one row's values: a bulk file is untrusted input that ends up inside signed credentials. */
export const RECIPIENT_FIELD_LIMITS = {
  name: 200,
  // RFC 5321 §4.5.3.1.3: a forward-path is at most 256 octets including the angle brackets.
  email: 254,
  did: 2_048,
  url: 2_048,
  narrative: 10_000,
  resultDescription: 2_048,
  resultValue: 1_000,
  results: 20,
  // As the single-issue API takes it (`IssueCredentialInputSchema.idempotencyKey`).
  idempotencyKey: 200,
} as const;

// DID Core §3.1 ABNF: "did:" method-name ":" method-specific-id, with no path, query or fragment
// (a recipient is a subject, not a resource of one).
const DID_SYNTAX =
  /^did:[a-z0-9]+:(?:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*:)*(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$/;

// PostgreSQL cannot store NUL in text or jsonb, nor an unpaired UTF-16 surrogate in jsonb: one such
// value would make the whole upload fail to save, so it is a row error here.
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isStorable = (value: string) => !value.includes('\u0000') && !UNPAIRED_SURROGATE.test(value);

const text = (max: number) =>
  z
    .string()
    .max(max, `is longer than ${max.toLocaleString('en')} characters`)
    .refine(isStorable, 'contains a NUL character or a broken surrogate pair');

const httpUrl = text(RECIPIENT_FIELD_LIMITS.url).pipe(
  z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
);

// OB 3.0 DateTimeZ as @microcred/vc's DateTimeZSchema reads it: VC 2.0 §4.9 wants a timezone, and a
// local time would mean different instants on differently configured servers.
const dateTime = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time with timezone, e.g. 2025-06-30T09:00:00Z',
});

const ResultFieldsSchema = z
  .strictObject({
    /** The id (or name, as the domain resolves it) of one ResultDescription of the achievement. */
    resultDescription: text(RECIPIENT_FIELD_LIMITS.resultDescription).optional(),
    // A score is naturally a number in JSON; OB 3.0 Result.value is a string.
    value: z
      .union([z.string(), z.number().finite()], { error: 'must be a string or a number' })
      .transform(String)
      .pipe(text(RECIPIENT_FIELD_LIMITS.resultValue))
      .optional(),
    status: ResultStatusTypeSchema.optional(),
  })
  .refine((result) => Object.values(result).some((value) => value !== undefined), {
    error: 'needs a value, a status or a resultDescription',
  });

/**
 * The per-recipient fields of a bulk upload (camelCase, as in JSON lines; CSV columns map onto them).
 * Emails are trimmed and lower-cased; exactly one of `email` and `did` names the recipient.
 */
export const RecipientFieldsSchema = z
  .strictObject({
    email: z
      .string()
      .overwrite(normalizeEmail)
      .max(RECIPIENT_FIELD_LIMITS.email, `is longer than ${RECIPIENT_FIELD_LIMITS.email} characters`)
      .pipe(z.email({ error: 'is not a valid email address' }))
      .optional(),
    did: z
      .string()
      .max(RECIPIENT_FIELD_LIMITS.did, `is longer than ${RECIPIENT_FIELD_LIMITS.did} characters`)
      .regex(DID_SYNTAX, 'is not a DID (did:method:identifier)')
      .optional(),
    name: text(RECIPIENT_FIELD_LIMITS.name)
      .refine((value) => !/\p{Cc}/u.test(value), 'must be one line of text without control characters')
      .optional(),
    evidenceUrl: httpUrl.optional(),
    evidenceNarrative: text(RECIPIENT_FIELD_LIMITS.narrative).optional(),
    narrative: text(RECIPIENT_FIELD_LIMITS.narrative).optional(),
    results: z
      .array(ResultFieldsSchema)
      .max(RECIPIENT_FIELD_LIMITS.results, `has more than ${RECIPIENT_FIELD_LIMITS.results} results`)
      .optional(),
    activityStartDate: dateTime.optional(),
    activityEndDate: dateTime.optional(),
    /** Replaying a row with a key the issuer already used returns that credential instead of a new one. */
    idempotencyKey: text(RECIPIENT_FIELD_LIMITS.idempotencyKey).optional(),
  })
  .superRefine((fields, context) => {
    if (fields.email === undefined && fields.did === undefined) {
      context.addIssue({ code: 'custom', message: 'no recipient: give an email address or a DID', path: [] });
    } else if (fields.email !== undefined && fields.did !== undefined) {
      context.addIssue({
        code: 'custom',
        message: 'give either an email address or a DID, not both',
        path: [],
      });
    }
    const { activityStartDate: start, activityEndDate: end } = fields;
    if (start !== undefined && end !== undefined && Date.parse(end) < Date.parse(start)) {
      context.addIssue({
        code: 'custom',
        message: 'is before the activity start date',
        path: ['activityEndDate'],
      });
    }
  });

/** One recipient's validated fields. A type alias (not an interface), so it is a `JsonObject` as storage wants. */
export type RecipientFields = z.output<typeof RecipientFieldsSchema>;
