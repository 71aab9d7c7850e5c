import type { Context } from 'hono';
import type { Actor } from '../../domain/auth/actor.js';
import { resourceNotFound } from '../../domain/auth/resource-not-found.js';
import type { EndorsementView } from '../../domain/endorsement/endorsements.js';
import type { Platform } from '../../domain/platform.js';
import { UUID } from './uuid.js';
import { formField, readForm } from './web-context.js';
import type { WebEnv } from './web-env.js';
import { MAX_REASON } from './withdraw-endorsement-form.js';

/**
 * Endorsement `id` when `endorser` gives it and it is in force: NOT_FOUND for any other, so that a
 * workspace neither withdraws nor learns of another organisation's endorsements through its own pages.
 */
export async function givenEndorsement(
  platform: Platform,
  options: { readonly id: string; readonly endorser: Pick<EndorsementView['endorser'], 'kind' | 'id'> },
): Promise<EndorsementView> {
  if (!UUID.test(options.id)) throw resourceNotFound('endorsement');
  const endorsement = await platform.endorsements.get(options.id);
  if (
    endorsement.endorser.kind !== options.endorser.kind ||
    endorsement.endorser.id !== options.endorser.id ||
    endorsement.withdrawnAt !== null
  ) {
    throw resourceNotFound('endorsement');
  }
  return endorsement;
}

export type WithdrawOutcome =
  | { readonly done: 'withdrawn' }
  | { readonly refused: { readonly reason: string; readonly message: string } };

/**
 * Reads the confirmation's form (`WithdrawEndorsementForm`) and withdraws `endorsement` with its optional
 * reason; an over-long reason comes back as `refused`, in the page's words.
 */
export async function withdrawEndorsement(
  c: Context<WebEnv>,
  platform: Platform,
  options: { readonly actor: Actor; readonly endorsement: EndorsementView },
): Promise<WithdrawOutcome> {
  const t = c.get('t');
  const reason = formField(await readForm(c), 'reason').trim();
  if (reason.length > MAX_REASON) {
    return {
      refused: {
        reason,
        message: t('endorsement.withdraw.tooLong', { count: reason.length, max: MAX_REASON }),
      },
    };
  }
  await platform.endorsements.withdraw(
    options.actor,
    options.endorsement.id,
    reason === '' ? {} : { reason },
  );
  return { done: 'withdrawn' };
}
