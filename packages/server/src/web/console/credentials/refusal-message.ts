import { isServerError, ServerErrorCode } from '../../../domain/error/server-error.js';
import { userMessage } from '../../shared/user-message.js';

/**
 * Why a form was refused, when the person can fix it by changing what they typed; null when the page
 * should answer as an error instead: a role that may not act (403), something not there (404), a fault.
 */
export function refusalMessage(error: unknown): string | null {
  if (isServerError(error) && error.code === ServerErrorCode.FORBIDDEN) return null;
  return userMessage(error);
}
