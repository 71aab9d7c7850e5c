import type { Context } from 'hono';
import type { Actor } from '../../domain/auth/actor.js';
import type { Platform } from '../../domain/platform.js';
import { MAX_COMMENT } from './endorse-review.js';
import { correctableMessage } from './user-message.js';
import { formField, readForm } from './web-context.js';
import type { WebEnv } from './web-env.js';

/** What the review's form names (`EndorseForm`): an achievement by id, or an issuer by slug; '' for neither. */
export interface NamedSubject {
  readonly achievement: string;
  readonly issuer: string;
}

/** What the use case endorses, once the named subject is found. */
export type EndorseSubject = { readonly achievementId: string } | { readonly issuerId: string };

export type EndorseOutcome =
  | { readonly done: 'endorsed' }
  | {
      readonly refused: {
        readonly named: NamedSubject;
        readonly comment: string;
        readonly message: string;
      };
    };

/**
 * Reads the review's form (`EndorseForm`) and endorses what it names for `endorserId`. What the member can
 * fix (an empty or over-long comment, a subject endorsed meanwhile) comes back as `refused`, in the page's
 * words, with what was sent to show again; anything else (a subject `subjectOf` cannot find, a role that may
 * not endorse) is thrown for the error page.
 */
export async function endorseWithComment(
  c: Context<WebEnv>,
  platform: Platform,
  options: {
    readonly actor: Actor;
    readonly endorserId: string;
    readonly subjectOf: (named: NamedSubject) => Promise<EndorseSubject>;
  },
): Promise<EndorseOutcome> {
  const t = c.get('t');
  const form = await readForm(c);
  const named = {
    achievement: formField(form, 'achievement').trim(),
    issuer: formField(form, 'issuer').trim(),
  };
  const comment = formField(form, 'comment').trim();
  if (comment === '') return { refused: { named, comment, message: t('endorsement.form.required') } };
  // Counted as the use case counts it, so that the page refuses exactly what it would.
  if (comment.length > MAX_COMMENT) {
    return {
      refused: {
        named,
        comment,
        message: t('endorsement.form.tooLong', { count: comment.length, max: MAX_COMMENT }),
      },
    };
  }
  const subject = await options.subjectOf(named);
  try {
    await platform.endorsements.endorse(options.actor, {
      endorserId: options.endorserId,
      comment,
      ...subject,
    });
  } catch (error) {
    const message = correctableMessage(error, t);
    if (message === null) throw error;
    return { refused: { named, comment, message } };
  }
  return { done: 'endorsed' };
}
