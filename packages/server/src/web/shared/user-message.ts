import { ZodError } from 'zod';
import { isServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import { fieldErrorsOf } from '../../edge/problem/to-problem.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import type { Translator } from '../../i18n/translate.js';

/** The codes a page shows as a refusal: a fault (500) and "not there" (404) become error pages instead. */
type RefusalCode = Exclude<
  ServerErrorCode,
  typeof ServerErrorCode.INTERNAL | typeof ServerErrorCode.NOT_FOUND
>;

// One sentence per code, so that a new code does not compile until it says why it refuses, in each language.
const LEAD: Readonly<Record<RefusalCode, MessageKey>> = {
  PARSING_ERROR: 'refusal.parsingError',
  MALFORMED_VALUE_ERROR: 'refusal.malformedValueError',
  CRYPTOGRAPHIC_SECURITY_ERROR: 'refusal.cryptographicSecurityError',
  RANGE_ERROR: 'refusal.rangeError',
  UNKNOWN_CONTEXT: 'refusal.unknownContext',
  UNDEFINED_TERM: 'refusal.undefinedTerm',
  UNSUPPORTED_CRYPTOSUITE: 'refusal.unsupportedCryptosuite',
  PROOF_GENERATION_ERROR: 'refusal.proofGenerationError',
  PROOF_VERIFICATION_ERROR: 'refusal.proofVerificationError',
  INVALID_KEY: 'refusal.invalidKey',
  UNBOUND_KEY: 'refusal.unboundKey',
  DID_RESOLUTION_ERROR: 'refusal.didResolutionError',
  RESOURCE_UNAVAILABLE: 'refusal.resourceUnavailable',
  STATUS_RETRIEVAL_ERROR: 'refusal.statusRetrievalError',
  FETCH_REFUSED: 'refusal.fetchRefused',
  STATUS_VERIFICATION_ERROR: 'refusal.statusVerificationError',
  STATUS_LIST_LENGTH_ERROR: 'refusal.statusListLengthError',
  REVOKED: 'refusal.revoked',
  SUSPENDED: 'refusal.suspended',
  SCHEMA_VALIDATION_ERROR: 'refusal.schemaValidationError',
  BAKE_ERROR: 'refusal.bakeError',
  VALIDATION_ERROR: 'refusal.validationError',
  PAYLOAD_TOO_LARGE: 'refusal.payloadTooLarge',
  UNAUTHORIZED: 'refusal.unauthorized',
  FORBIDDEN: 'refusal.forbidden',
  CONFLICT: 'refusal.conflict',
  HEADERS_TOO_LARGE: 'refusal.headersTooLarge',
  UNSUPPORTED_MEDIA_TYPE: 'refusal.unsupportedMediaType',
  RATE_LIMITED: 'refusal.rateLimited',
};

interface FieldReason {
  readonly path: string;
  readonly message: string;
}

function isFieldReasonList(value: unknown): value is FieldReason[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        typeof item === 'object' &&
        item !== null &&
        typeof item.path === 'string' &&
        typeof item.message === 'string',
    )
  );
}

function fieldText(t: Translator, reason: FieldReason): string {
  return reason.path === ''
    ? reason.message
    : t('refusal.field', { path: reason.path, message: reason.message });
}

/**
 * The domain's own words for a refusal. A domain message usually restates its first failing field; the
 * other fields of `details.errors` are added after it, so a form with several bad values names them all.
 */
function detailOf(t: Translator, message: string, details: unknown): string {
  const listed = isFieldReasonList(details) ? details : [];
  const more = listed
    .filter((reason) => !message.includes(reason.message))
    .map((reason) => fieldText(t, reason));
  return [message, ...more].filter((part) => part !== '').join(t('refusal.separator'));
}

function refusal(t: Translator, code: RefusalCode, detail: string): string {
  const lead = t(LEAD[code]);
  return detail === '' ? t('refusal.alone', { lead }) : t('refusal.withDetail', { lead, detail });
}

/**
 * A refusal the person can act on (a taken handle, a bad address), as opposed to a fault: null for a fault.
 * In the page's language: a sentence for the error's code, then the domain's detail (field by field for
 * invalid input), which stays as the domain wrote it.
 */
export function userMessage(error: unknown, t: Translator): string | null {
  if (error instanceof ZodError) {
    const detail = fieldErrorsOf(error)
      .map((reason) => fieldText(t, reason))
      .join(t('refusal.separator'));
    return refusal(t, ServerErrorCode.VALIDATION_ERROR, detail);
  }
  if (
    isServerError(error) &&
    error.code !== ServerErrorCode.INTERNAL &&
    error.code !== ServerErrorCode.NOT_FOUND
  ) {
    return refusal(t, error.code, detailOf(t, error.message, error.details?.errors));
  }
  return null;
}

/**
 * A refusal a form shows beside the values it keeps, because changing them can fix it; null when the page
 * should answer as an error instead: a role that may not act (403), a session that is missing (303),
 * something not there (404), a fault. In the page's language, as `userMessage`.
 */
export function correctableMessage(error: unknown, t: Translator): string | null {
  if (
    isServerError(error) &&
    (error.code === ServerErrorCode.FORBIDDEN || error.code === ServerErrorCode.UNAUTHORIZED)
  ) {
    return null;
  }
  return userMessage(error, t);
}
