import { isServerError, ServerErrorCode } from '../../../domain/error/server-error.js';
import type { Translator } from '../../../i18n/translate.js';
import { correctableMessage } from '../../shared/user-message.js';

/** A refusal a settings form shows beside the values it keeps, with the status of the page that shows it. */
export interface FormRefusal {
  readonly status: 400 | 409;
  readonly message: string;
}

/**
 * What the person can correct on the form (bad input, the last owner kept): shown on it. Anything else,
 * a role that may not act, another issuer's resource, a fault, is thrown on to the error pages (403, 404,
 * 500), so a refused role is never answered as if its input were at fault. In the page's language (`t`).
 */
export function formRefusal(error: unknown, t: Translator): FormRefusal {
  const message = correctableMessage(error, t);
  if (message === null) throw error;
  return { status: isServerError(error) && error.code === ServerErrorCode.CONFLICT ? 409 : 400, message };
}
