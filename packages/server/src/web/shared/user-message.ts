import { ZodError } from 'zod';
import { isServerError, ServerErrorCode } from '../../domain/error/server-error.js';

/** A refusal the person can act on (a taken handle, a bad address), as opposed to a fault: null for a fault. */
export function userMessage(error: unknown): string | null {
  if (error instanceof ZodError) return error.issues.map((issue) => issue.message).join('; ');
  if (
    isServerError(error) &&
    error.code !== ServerErrorCode.INTERNAL &&
    error.code !== ServerErrorCode.NOT_FOUND
  ) {
    return error.message;
  }
  return null;
}

/**
 * A refusal a form shows beside the values it keeps, because changing them can fix it; null when the page
 * should answer as an error instead: a role that may not act (403), a session that is missing (303),
 * something not there (404), a fault.
 */
export function correctableMessage(error: unknown): string | null {
  if (
    isServerError(error) &&
    (error.code === ServerErrorCode.FORBIDDEN || error.code === ServerErrorCode.UNAUTHORIZED)
  ) {
    return null;
  }
  return userMessage(error);
}
