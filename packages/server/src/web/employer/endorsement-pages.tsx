import type { Context } from 'hono';
import type { CatalogResult } from '../../domain/achievement/search-catalog.js';
import type { EmployerWorkspace } from '../../domain/employer/employer-access.js';
import type { EndorsementView } from '../../domain/endorsement/endorsements.js';
import type { Achievement, Issuer } from '../../domain/ports/index.js';
import { AchievementReview, EndorseForm } from '../shared/endorse-review.js';
import { achievementResults, EndorseResults, EndorseSearchForm } from '../shared/endorse-search.js';
import {
  EndorsementsGivenTable,
  type GivenTableOptions,
  splitGiven,
  WithdrawnEndorsements,
} from '../shared/endorsements-given-table.js';
import type { WebEnv } from '../shared/web-env.js';
import { WithdrawEndorsementForm } from '../shared/withdraw-endorsement-form.js';
import { employerPath } from './employer-context.js';
import { EmployerLayout } from './employer-layout.js';
import { canEdit } from './saved-role-pages.js';

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
  const { c, workspace } = props;
  const t = c.get('t');
  const { inForce, withdrawn, endorsed } = splitGiven(props.endorsements);
  const review = employerPath(workspace, '/endorsements/new');
  const givenTable: GivenTableOptions = {
    c,
    marker: 'endorsements',
    subjectHeading: t('endorsement.employer.achievement'),
    showKind: false,
    withdrawBase: canEdit(workspace) ? employerPath(workspace, '/endorsements') : null,
  };
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
          <EndorsementsGivenTable
            {...givenTable}
            endorsements={inForce}
            withdrawn={false}
            labelledBy="in-force-heading"
          />
        )}
      </section>
      <section aria-labelledby="search-heading">
        <h2 id="search-heading">{t('endorsement.search.heading')}</h2>
        <EndorseSearchForm
          c={c}
          action={employerPath(workspace, '/endorsements')}
          label={t('endorsement.search.label')}
          q={props.q}
        />
        <EndorseResults
          results={achievementResults(c, { entries: props.result.entries, endorsed, review })}
          markers={{ list: 'endorse-results', item: 'achievement' }}
          action={t(canEdit(workspace) ? 'endorsement.search.review' : 'endorsement.search.view')}
          endorsedLabel={t('endorsement.search.endorsed')}
          none={<p role="status">{t('endorsement.search.none')}</p>}
        />
      </section>
      <WithdrawnEndorsements table={givenTable} withdrawn={withdrawn} />
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
      <AchievementReview c={c} achievement={achievement} issuer={props.issuer} />
      {canEdit(workspace) ? (
        <EndorseForm
          c={c}
          action={employerPath(workspace, '/endorsements')}
          subject={{ field: 'achievement', value: achievement.id }}
          comment={props.comment}
          invalid={props.error !== undefined}
        />
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
  return (
    <EmployerLayout
      c={c}
      workspace={workspace}
      title={c.get('t')('endorsement.withdraw.title', { name: endorsement.subject.name })}
      error={props.error}
    >
      <WithdrawEndorsementForm
        c={c}
        endorsement={endorsement}
        action={employerPath(workspace, `/endorsements/${endorsement.id}/withdraw`)}
        cancel={employerPath(workspace, '/endorsements')}
        reason={props.reason}
        invalid={props.error !== undefined}
      />
    </EmployerLayout>
  );
}
