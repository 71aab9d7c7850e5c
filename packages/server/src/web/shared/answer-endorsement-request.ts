import type { Context } from 'hono';
import type { Actor } from '../../domain/auth/actor.js';
import type { Platform } from '../../domain/platform.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { MAX_ANSWER } from './endorsement-request-review.js';
import { correctableMessage } from './user-message.js';
import { formField, readForm } from './web-context.js';
import type { WebEnv } from './web-env.js';

const INTENTS = ['endorse', 'decline', 'comment'] as const;
type Intent = (typeof INTENTS)[number];

/** What an answer did, as the list it returns to says it (`?done=`). */
export const ANSWER_DONE = {
  endorsed: 'endorsementRequest.done.endorsed',
  declined: 'endorsementRequest.done.declined',
  commented: 'endorsementRequest.done.commented',
} as const satisfies Record<string, MessageKey>;

export type RequestAnswer =
  | { readonly done: keyof typeof ANSWER_DONE }
  | { readonly refused: { readonly comment: string; readonly message: string } };

/**
 * Reads the review form (`EndorsementRequestReview`) and answers request `id` for the actor's organisation:
 * endorse with a comment, decline, or comment alone. What the member can fix (an empty or over-long
 * comment, a request answered meanwhile) comes back as `refused`, in the page's words; anything else
 * (a role that may not answer, a request not theirs) is thrown for the error page.
 */
export async function answerEndorsementRequest(
  c: Context<WebEnv>,
  platform: Platform,
  actor: Actor,
  id: string,
): Promise<RequestAnswer> {
  const t = c.get('t');
  const form = await readForm(c);
  const intentField = formField(form, 'intent');
  const intent: Intent = (INTENTS as readonly string[]).includes(intentField)
    ? (intentField as Intent)
    : 'comment';
  const comment = formField(form, 'comment').trim();
  if (comment === '' && intent !== 'decline') {
    return { refused: { comment, message: t('endorsementRequest.answer.required') } };
  }
  // Counted as the use case counts it, so that the page refuses exactly what it would.
  if (comment.length > MAX_ANSWER) {
    return {
      refused: {
        comment,
        message: t('endorsementRequest.tooLong', { count: comment.length, max: MAX_ANSWER }),
      },
    };
  }
  const options = { locale: t.locale };
  try {
    if (intent === 'endorse') await platform.endorsementRequests.endorse(actor, id, { comment }, options);
    else if (intent === 'decline') {
      await platform.endorsementRequests.decline(actor, id, comment === '' ? {} : { comment }, options);
    } else await platform.endorsementRequests.comment(actor, id, { comment }, options);
  } catch (error) {
    const message = correctableMessage(error, t);
    if (message === null) throw error;
    return { refused: { comment, message } };
  }
  return { done: intent === 'endorse' ? 'endorsed' : intent === 'decline' ? 'declined' : 'commented' };
}
