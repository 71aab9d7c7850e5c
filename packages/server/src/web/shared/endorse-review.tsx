import type { Context } from 'hono';
import { MAX_COMMENT } from '../../domain/endorsement/endorsements.js';
import type { Achievement, Issuer } from '../../domain/ports/index.js';
import {
  AchievementCriteria,
  AchievementFacts,
  AchievementSkills,
  achievementTexts,
} from './achievement-summary.js';
import { PostForm } from './layout.js';
import { TextAreaField } from './text-area-field.js';
import type { WebEnv } from './web-env.js';

export { MAX_COMMENT };

/** A published achievement as the one who might endorse it reviews it: as its public page says it. */
export function AchievementReview(props: {
  readonly c: Context<WebEnv>;
  readonly achievement: Achievement;
  readonly issuer: Issuer | null;
}) {
  const { c, achievement } = props;
  const t = c.get('t');
  const { description } = achievementTexts(achievement);
  return (
    <>
      {description === null ? null : <p data-description>{description}</p>}
      <AchievementFacts c={c} achievement={achievement} issuer={props.issuer} />
      <p>
        <a href={`/achievements/${achievement.id}`}>{t('endorsement.review.publicPage')}</a>
      </p>
      <AchievementCriteria c={c} achievement={achievement} />
      <AchievementSkills c={c} achievement={achievement} />
    </>
  );
}

/**
 * The form that endorses what was reviewed with a comment, posted to `action`; `subject` is the hidden
 * field that names it again (`achievement` by id, `issuer` by slug), as `endorseWithComment` reads it.
 */
export function EndorseForm(props: {
  readonly c: Context<WebEnv>;
  readonly action: string;
  readonly subject: { readonly field: 'achievement' | 'issuer'; readonly value: string };
  readonly comment?: string | undefined;
  readonly invalid: boolean;
}) {
  const { c } = props;
  const t = c.get('t');
  return (
    <section aria-labelledby="endorse-heading">
      <h2 id="endorse-heading">{t('endorsement.form.heading')}</h2>
      <PostForm c={c} action={props.action} class="stack">
        <input type="hidden" name={props.subject.field} value={props.subject.value} />
        <TextAreaField
          id="endorse-comment"
          name="comment"
          label={t('endorsement.form.comment')}
          hint={t('endorsement.form.hint', { max: MAX_COMMENT })}
          rows={5}
          required
          maxLength={MAX_COMMENT}
          invalid={props.invalid}
          value={props.comment ?? ''}
        />
        <p>
          <button type="submit">{t('endorsement.form.submit')}</button>
        </p>
      </PostForm>
    </section>
  );
}
