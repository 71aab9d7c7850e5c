import type { Context } from 'hono';
import type { CatalogResult } from '../../domain/achievement/search-catalog.js';
import type { EmployerWorkspace } from '../../domain/employer/employer-access.js';
import type { EndorsementView } from '../../domain/endorsement/endorsements.js';
import type { Achievement, Issuer } from '../../domain/ports/index.js';
import {
  AchievementCriteria,
  AchievementFacts,
  AchievementSkills,
  achievementTexts,
} from '../shared/achievement-summary.js';
import { PostForm } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';
import { employerPath } from './employer-context.js';
import { EmployerLayout } from './employer-layout.js';
import { canEdit } from './saved-role-pages.js';

/** The domain's limits (EndorseInputSchema, WithdrawEndorsementSchema), so the page refuses what it would. */
export const MAX_COMMENT = 2000;
export const MAX_REASON = 500;
export const MAX_SEARCH = 200;

/** The employer's endorsements, in force or withdrawn: a table of its own. */
function EndorsementTable(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly endorsements: readonly EndorsementView[];
  readonly withdrawn: boolean;
  readonly labelledBy: string;
}) {
  const { c, workspace, withdrawn } = props;
  const t = c.get('t');
  const canChange = canEdit(workspace) && !withdrawn;
  return (
    <div class="table-scroll">
      <table
        class="data"
        aria-labelledby={props.labelledBy}
        data-endorsements={withdrawn ? 'withdrawn' : 'in-force'}
      >
        <thead>
          <tr>
            <th scope="col">{t('endorsement.employer.achievement')}</th>
            <th scope="col">{t('endorsement.employer.comment')}</th>
            <th scope="col">
              {t(withdrawn ? 'endorsement.employer.withdrawnOn' : 'endorsement.employer.since')}
            </th>
            <th scope="col">{t('endorsement.employer.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.endorsements.map((endorsement) => (
            <tr data-endorsement={endorsement.id}>
              <th scope="row">
                {endorsement.subject.kind === 'achievement' ? (
                  <a href={`/achievements/${endorsement.subject.id}`}>{endorsement.subject.name}</a>
                ) : (
                  endorsement.subject.name
                )}
              </th>
              <td class="endorsement-comment">
                {endorsement.comment}
                {endorsement.withdrawnReason === null ? null : (
                  <>
                    <br />
                    <span class="muted">
                      {t('endorsement.page.reason', { reason: endorsement.withdrawnReason })}
                    </span>
                  </>
                )}
              </td>
              <td>{t.date(endorsement.withdrawnAt ?? endorsement.createdAt)}</td>
              <td>
                <a href={`/endorsements/${endorsement.id}`}>
                  {t('endorsement.employer.publicPage')}
                  <span class="visually-hidden"> {endorsement.subject.name}</span>
                </a>
                {canChange ? (
                  <>
                    {' · '}
                    <a
                      class="remove-link"
                      href={employerPath(workspace, `/endorsements/${endorsement.id}/withdraw`)}
                    >
                      {t('endorsement.employer.withdrawLink')}
                      <span class="visually-hidden"> {endorsement.subject.name}</span>
                    </a>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * `/employer/{slug}/endorsements`: what the employer endorses (and has withdrawn), and the published
 * achievements it could endorse, searched by name.
 */
export function EndorsementsPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly endorsements: readonly EndorsementView[];
  readonly q: string;
  readonly result: CatalogResult;
  readonly message?: string | undefined;
}) {
  const { c, workspace, result } = props;
  const t = c.get('t');
  const inForce = props.endorsements.filter((endorsement) => endorsement.withdrawnAt === null);
  const withdrawn = props.endorsements.filter((endorsement) => endorsement.withdrawnAt !== null);
  const endorsed = new Set(inForce.map((endorsement) => endorsement.subject.id));
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={t('endorsement.employer.title')}
      message={props.message}
    >
      <p class="lead">{t('endorsement.employer.lead')}</p>
      {canEdit(workspace) ? null : <p class="hint">{t('endorsement.employer.readOnly')}</p>}
      <section aria-labelledby="in-force-heading">
        <h2 id="in-force-heading">{t('endorsement.employer.inForce')}</h2>
        {inForce.length === 0 ? (
          <p data-endorsements-empty>{t('endorsement.employer.noneInForce')}</p>
        ) : (
          <EndorsementTable
            c={c}
            workspace={workspace}
            endorsements={inForce}
            withdrawn={false}
            labelledBy="in-force-heading"
          />
        )}
      </section>
      <section aria-labelledby="search-heading">
        <h2 id="search-heading">{t('endorsement.search.heading')}</h2>
        <form method="get" action={employerPath(workspace, '/endorsements')} class="filters">
          <div>
            <label for="endorse-q">{t('endorsement.search.label')}</label>
            <input id="endorse-q" name="q" type="search" maxlength={MAX_SEARCH} value={props.q} />
          </div>
          <div class="filter-actions">
            <button type="submit">{t('endorsement.search.submit')}</button>
          </div>
        </form>
        {result.entries.length === 0 ? (
          <p role="status">{t('endorsement.search.none')}</p>
        ) : (
          <ul class="endorse-results" data-endorse-results>
            {result.entries.map(({ achievement, issuer }) => (
              <li data-achievement={achievement.id}>
                <strong>{achievement.name}</strong>{' '}
                <span class="muted">{t('endorsement.search.by', { issuer: issuer.name })}</span>
                {endorsed.has(achievement.id) ? (
                  <span class="muted"> · {t('endorsement.search.endorsed')}</span>
                ) : null}{' '}
                <a href={`${employerPath(workspace, '/endorsements/new')}?achievement=${achievement.id}`}>
                  {t(canEdit(workspace) ? 'endorsement.search.review' : 'endorsement.search.view')}
                  <span class="visually-hidden"> {achievement.name}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      {withdrawn.length === 0 ? null : (
        <section aria-labelledby="withdrawn-heading">
          <h2 id="withdrawn-heading">{t('endorsement.employer.withdrawn')}</h2>
          <EndorsementTable
            c={c}
            workspace={workspace}
            endorsements={withdrawn}
            withdrawn={true}
            labelledBy="withdrawn-heading"
          />
        </section>
      )}
    </EmployerLayout>
  );
}

/**
 * `/employer/{slug}/endorsements/new?achievement={id}`: what the achievement certifies (as its public page
 * says it), then the comment to endorse it with; a viewer reads the review without the form.
 */
export function EndorseReviewPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly achievement: Achievement;
  readonly issuer: Issuer | null;
  readonly comment?: string;
  readonly error?: string | undefined;
}) {
  const { c, workspace, achievement } = props;
  const t = c.get('t');
  const { description } = achievementTexts(achievement);
  const invalid = props.error !== undefined;
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={t('endorsement.review.title', { name: achievement.name })}
      error={props.error}
      before={
        <p>
          <a href={employerPath(workspace, '/endorsements')}>{t('endorsement.review.back')}</a>
        </p>
      }
    >
      <p class="lead">{t('endorsement.review.lead')}</p>
      {description === null ? null : <p data-description>{description}</p>}
      <AchievementFacts c={c} achievement={achievement} issuer={props.issuer} />
      <p>
        <a href={`/achievements/${achievement.id}`}>{t('endorsement.review.publicPage')}</a>
      </p>
      <AchievementCriteria c={c} achievement={achievement} />
      <AchievementSkills c={c} achievement={achievement} />
      {canEdit(workspace) ? (
        <section aria-labelledby="endorse-heading">
          <h2 id="endorse-heading">{t('endorsement.form.heading')}</h2>
          <PostForm c={c} action={employerPath(workspace, '/endorsements')} class="stack">
            <input type="hidden" name="achievement" value={achievement.id} />
            <label for="endorse-comment">{t('endorsement.form.comment')}</label>
            <p class="hint" id="endorse-comment-hint">
              {t('endorsement.form.hint', { max: MAX_COMMENT })}
            </p>
            <textarea
              id="endorse-comment"
              name="comment"
              rows={5}
              required
              maxlength={MAX_COMMENT}
              aria-describedby="endorse-comment-hint"
              aria-invalid={invalid ? 'true' : undefined}
            >
              {props.comment ?? ''}
            </textarea>
            <p>
              <button type="submit">{t('endorsement.form.submit')}</button>
            </p>
          </PostForm>
        </section>
      ) : (
        <p class="hint">{t('endorsement.employer.readOnly')}</p>
      )}
    </EmployerLayout>
  );
}

/** `/employer/{slug}/endorsements/{id}/withdraw`: the confirmation, a page of its own (no script). */
export function WithdrawEndorsementPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: EmployerWorkspace;
  readonly endorsement: EndorsementView;
  readonly reason?: string;
  readonly error?: string | undefined;
}) {
  const { c, workspace, endorsement } = props;
  const t = c.get('t');
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={t('endorsement.withdraw.title', { name: endorsement.subject.name })}
      error={props.error}
    >
      <p>{t('endorsement.withdraw.text')}</p>
      <blockquote class="endorsement-comment">
        <p>{endorsement.comment}</p>
      </blockquote>
      <PostForm
        c={c}
        action={employerPath(workspace, `/endorsements/${endorsement.id}/withdraw`)}
        class="stack"
      >
        <label for="withdraw-reason">{t('endorsement.withdraw.reason')}</label>
        <p class="hint" id="withdraw-reason-hint">
          {t('endorsement.withdraw.reasonHint', { max: MAX_REASON })}
        </p>
        <textarea
          id="withdraw-reason"
          name="reason"
          rows={3}
          maxlength={MAX_REASON}
          aria-describedby="withdraw-reason-hint"
          aria-invalid={props.error === undefined ? undefined : 'true'}
        >
          {props.reason ?? ''}
        </textarea>
        <p>
          <button type="submit" class="danger">
            {t('endorsement.withdraw.confirm')}
          </button>{' '}
          <a href={employerPath(workspace, '/endorsements')}>{t('endorsement.withdraw.cancel')}</a>
        </p>
      </PostForm>
    </EmployerLayout>
  );
}
