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
