import type { Context } from 'hono';
import type { EndorsementRequestView } from '../../domain/endorsement/endorsement-requests.js';
import type { Achievement, EndorsementRequestState, Issuer } from '../../domain/ports/index.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import {
  AchievementCriteria,
  AchievementFacts,
  AchievementSkills,
  achievementTexts,
} from './achievement-summary.js';
import { PostForm } from './layout.js';
import { TextAreaField } from './text-area-field.js';
import type { WebEnv } from './web-env.js';

/** The domain's limit (EndorsementRequestCommentSchema), so the page refuses what it would. */
export const MAX_ANSWER = 2000;

export const REQUEST_STATE_LABELS = {
  pending: 'endorsementRequest.state.pending',
  endorsed: 'endorsementRequest.state.endorsed',
  declined: 'endorsementRequest.state.declined',
  cancelled: 'endorsementRequest.state.cancelled',
} as const satisfies Record<EndorsementRequestState, MessageKey>;

/**
 * A request an organisation received, as it reviews it (the employer workspace and the console alike): the
 * request, what the achievement certifies (as its public page says it, with a sample credential when the
 * issuer gave one), then one form to endorse with a comment, decline, or comment alone. `readOnly` is what
 * a member who may not answer reads instead of the form; a closed request has no form.
 */
export function EndorsementRequestReview(props: {
  readonly c: Context<WebEnv>;
  readonly request: EndorsementRequestView;
  readonly achievement: Achievement;
  readonly issuer: Issuer | null;
  /** Where the form posts. */
  readonly action: string;
  readonly mayAnswer: boolean;
  readonly readOnly: string;
  readonly comment?: string | undefined;
  readonly invalid: boolean;
}) {
  const { c, request, achievement } = props;
  const t = c.get('t');
  const { description } = achievementTexts(achievement);
  return (
    <>
      <p class="lead">{t('endorsementRequest.review.asks', { issuer: request.requester.name })}</p>
      {request.message === '' ? null : (
        <blockquote class="endorsement-comment" data-request-message>
          <p>{request.message}</p>
        </blockquote>
      )}
      {description === null ? null : <p data-description>{description}</p>}
      <AchievementFacts c={c} achievement={achievement} issuer={props.issuer} />
      <ul>
        <li>
          <a href={`/achievements/${achievement.id}`}>{t('endorsementRequest.review.publicPage')}</a>
        </li>
        {request.sampleCredentialId === null ? null : (
          <li>
            <a href={`/credentials/${request.sampleCredentialId}`} data-sample-credential>
              {t('endorsementRequest.review.sample')}
            </a>
          </li>
        )}
      </ul>
      <AchievementCriteria c={c} achievement={achievement} />
      <AchievementSkills c={c} achievement={achievement} />
      {request.responseComment === null ? null : (
        <section aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t('endorsementRequest.review.yourAnswer')}</h2>
          <blockquote class="endorsement-comment">
            <p>{request.responseComment}</p>
          </blockquote>
        </section>
      )}
      {request.state !== 'pending' ? (
        <p data-request-state={request.state}>
          {t('endorsementRequest.review.closed', { state: t(REQUEST_STATE_LABELS[request.state]) })}
          {request.endorsementId === null ? null : (
            <>
              {' '}
              <a href={`/endorsements/${request.endorsementId}`}>{t('endorsement.employer.publicPage')}</a>
            </>
          )}
        </p>
      ) : props.mayAnswer ? (
        <section aria-labelledby="respond-heading">
          <h2 id="respond-heading">{t('endorsementRequest.answer.heading')}</h2>
          <PostForm c={c} action={props.action} class="stack">
            <TextAreaField
              id="request-comment"
              name="comment"
              label={t('endorsementRequest.answer.comment')}
              hint={t('endorsementRequest.answer.hint', { max: MAX_ANSWER })}
              rows={5}
              maxLength={MAX_ANSWER}
              invalid={props.invalid}
              value={props.comment ?? ''}
            />
            <p>
              <button type="submit" name="intent" value="endorse">
                {t('endorsementRequest.answer.endorse')}
              </button>{' '}
              <button type="submit" name="intent" value="comment" class="secondary">
                {t('endorsementRequest.answer.commentOnly')}
              </button>{' '}
              <button type="submit" name="intent" value="decline" class="danger">
                {t('endorsementRequest.answer.decline')}
              </button>
            </p>
          </PostForm>
        </section>
      ) : (
        <p class="hint">{props.readOnly}</p>
      )}
    </>
  );
}
