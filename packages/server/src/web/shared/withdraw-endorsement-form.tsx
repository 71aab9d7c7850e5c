import type { Context } from 'hono';
import type { EndorsementView } from '../../domain/endorsement/endorsements.js';
import { PostForm } from './layout.js';
import { TextAreaField } from './text-area-field.js';
import type { WebEnv } from './web-env.js';

/** WithdrawEndorsementSchema's bound, so that the page refuses what the use case would. */
export const MAX_REASON = 500;

/**
 * The confirmation that withdraws an endorsement, with an optional reason, posted to `action` (a page of its
 * own, no script); `cancel` is the list it returns to.
 */
export function WithdrawEndorsementForm(props: {
  readonly c: Context<WebEnv>;
  readonly endorsement: EndorsementView;
  readonly action: string;
  readonly cancel: string;
  readonly reason?: string | undefined;
  readonly invalid: boolean;
}) {
  const { c, endorsement } = props;
  const t = c.get('t');
  return (
    <>
      <p>{t('endorsement.withdraw.text')}</p>
      <blockquote class="endorsement-comment">
        <p>{endorsement.comment}</p>
      </blockquote>
      <PostForm c={c} action={props.action} class="stack">
        <TextAreaField
          id="withdraw-reason"
          name="reason"
          label={t('endorsement.withdraw.reason')}
          hint={t('endorsement.withdraw.reasonHint', { max: MAX_REASON })}
          rows={3}
          maxLength={MAX_REASON}
          invalid={props.invalid}
          value={props.reason ?? ''}
        />
        <p>
          <button type="submit" class="danger">
            {t('endorsement.withdraw.confirm')}
          </button>{' '}
          <a href={props.cancel}>{t('endorsement.withdraw.cancel')}</a>
        </p>
      </PostForm>
    </>
  );
}
