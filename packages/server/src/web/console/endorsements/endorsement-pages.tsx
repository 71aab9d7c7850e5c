import type { Context } from 'hono';
import type { CatalogEntry } from '../../../domain/achievement/search-catalog.js';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import type { EndorsementView } from '../../../domain/endorsement/endorsements.js';
import type { Achievement, Issuer } from '../../../domain/ports/index.js';
import { AchievementReview, EndorseForm } from '../../shared/endorse-review.js';
import { achievementResults, EndorseResults, EndorseSearchForm } from '../../shared/endorse-search.js';
import {
  EndorsementSubject,
  EndorsementsGivenTable,
  type GivenTableOptions,
  splitGiven,
  WithdrawnEndorsements,
} from '../../shared/endorsements-given-table.js';
import { Notes } from '../../shared/notes.js';
import type { WebEnv } from '../../shared/web-env.js';
import { WithdrawEndorsementForm } from '../../shared/withdraw-endorsement-form.js';
import { consolePath } from '../console-context.js';
import { ConsoleLayout } from '../console-layout.js';

/** Endorsing and withdrawing need the issuer role, as the use cases do; a viewer reads. */
export function mayEndorse(workspace: Workspace): boolean {
  return workspace.role !== 'viewer';
}

/** The endorsements in force that the issuer and its achievements receive. */
function ReceivedTable(props: {
  readonly c: Context<WebEnv>;
  readonly endorsements: readonly EndorsementView[];
}) {
  const t = props.c.get('t');
  return (
    <div class="table-scroll">
      <table class="data stack" aria-labelledby="received-heading" data-received>
        <thead>
          <tr>
            <th scope="col">{t('console.endorsements.column.endorser')}</th>
            <th scope="col">{t('console.endorsements.column.subject')}</th>
            <th scope="col">{t('endorsement.employer.comment')}</th>
            <th scope="col">{t('endorsement.employer.since')}</th>
            <th scope="col">{t('endorsement.employer.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.endorsements.map((endorsement) => (
            <tr data-endorsement={endorsement.id}>
              <th scope="row">{endorsement.endorser.name}</th>
              <td data-label={t('console.endorsements.column.subject')}>
                {endorsement.subject.kind === 'issuer' ? (
                  t('console.endorsements.yourIssuer')
                ) : (
                  <EndorsementSubject endorsement={endorsement} />
                )}
              </td>
              <td data-label={t('endorsement.employer.comment')} class="endorsement-comment">
                {endorsement.comment}
              </td>
              <td data-label={t('endorsement.employer.since')}>{t.date(endorsement.createdAt)}</td>
              <td>
                <a href={`/endorsements/${endorsement.id}`}>
                  {t('endorsement.employer.publicPage')}
                  <span class="visually-hidden"> {endorsement.endorser.name}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * `/console/{slug}/endorsements`: what the issuer endorses (and has withdrawn), what it and its achievements
 * receive, and the published achievements and issuers it could endorse, searched by name.
 */
export function ConsoleEndorsementsPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly given: readonly EndorsementView[];
  readonly received: readonly EndorsementView[];
  readonly q: string;
  readonly achievements: readonly CatalogEntry[];
  readonly issuers: readonly Issuer[];
  readonly message?: string | undefined;
}) {
  const { c, workspace } = props;
  const t = c.get('t');
  const title = t('console.endorsements.title');
  const { inForce, withdrawn, endorsed } = splitGiven(props.given);
  const review = consolePath(workspace, '/endorsements/new');
  const action = t(mayEndorse(workspace) ? 'endorsement.search.review' : 'endorsement.search.view');
  const endorsedLabel = t('console.endorsements.search.endorsed');
  const givenTable: GivenTableOptions = {
    c,
    marker: 'given',
    subjectHeading: t('console.endorsements.column.subject'),
    showKind: true,
    withdrawBase: mayEndorse(workspace) ? consolePath(workspace, '/endorsements') : null,
  };
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <h1>{title}</h1>
      <Notes message={props.message} error={undefined} />
      <p class="lead">{t('console.endorsements.lead')}</p>
      {mayEndorse(workspace) ? null : <p class="hint">{t('console.endorsements.readOnly')}</p>}
      <section aria-labelledby="given-heading">
        <h2 id="given-heading">{t('console.endorsements.given')}</h2>
        {inForce.length === 0 ? (
          <p data-given-empty>{t('console.endorsements.noneGiven')}</p>
        ) : (
          <EndorsementsGivenTable
            {...givenTable}
            endorsements={inForce}
            withdrawn={false}
            labelledBy="given-heading"
          />
        )}
      </section>
      <section aria-labelledby="received-heading">
        <h2 id="received-heading">{t('console.endorsements.received')}</h2>
        {props.received.length === 0 ? (
          <p data-received-empty>{t('console.endorsements.noneReceived')}</p>
        ) : (
          <ReceivedTable c={c} endorsements={props.received} />
        )}
      </section>
      <section aria-labelledby="search-heading">
        <h2 id="search-heading">{t('console.endorsements.search.heading')}</h2>
        <EndorseSearchForm
          c={c}
          action={consolePath(workspace, '/endorsements')}
          label={t('console.endorsements.search.label')}
          q={props.q}
        />
        <h3 id="issuer-results-heading">{t('console.endorsements.search.issuers')}</h3>
        <EndorseResults
          results={props.issuers.map((issuer) => ({
            id: issuer.id,
            name: issuer.name,
            endorsed: endorsed.has(issuer.id),
            href: `${review}?issuer=${encodeURIComponent(issuer.slug)}`,
          }))}
          markers={{ list: 'issuer-results', item: 'issuer' }}
          labelledBy="issuer-results-heading"
          action={action}
          endorsedLabel={endorsedLabel}
          none={<p>{t('console.endorsements.search.noIssuer')}</p>}
        />
        <h3 id="achievement-results-heading">{t('console.endorsements.search.achievements')}</h3>
        <EndorseResults
          results={achievementResults(c, { entries: props.achievements, endorsed, review })}
          markers={{ list: 'endorse-results', item: 'achievement' }}
          labelledBy="achievement-results-heading"
          action={action}
          endorsedLabel={endorsedLabel}
          none={<p>{t('endorsement.search.none')}</p>}
        />
      </section>
      <WithdrawnEndorsements table={givenTable} withdrawn={withdrawn} />
    </ConsoleLayout>
  );
}

/** What is being endorsed, as the review shows it: a published achievement, or an issuer as a whole. */
export type EndorseTarget =
  | {
      readonly kind: 'achievement';
      readonly achievement: Achievement;
      readonly issuer: Issuer | null;
    }
  | {
      readonly kind: 'issuer';
      readonly issuer: Issuer;
      readonly did: string;
      readonly achievements: readonly Achievement[];
    };

function targetName(target: EndorseTarget): string {
  return target.kind === 'achievement' ? target.achievement.name : target.issuer.name;
}

/** An issuer as a whole, for review: who it is and what it awards. */
function IssuerReview(props: {
  readonly c: Context<WebEnv>;
  readonly target: Extract<EndorseTarget, { kind: 'issuer' }>;
}) {
  const { c, target } = props;
  const t = c.get('t');
  const { issuer } = target;
  return (
    <>
      {issuer.description === null ? null : <p data-description>{issuer.description}</p>}
      <dl class="facts">
        <dt>{t('console.endorsements.review.did')}</dt>
        <dd>
          <code>{target.did}</code>
        </dd>
        {issuer.url === null ? null : (
          <>
            <dt>{t('console.endorsements.review.website')}</dt>
            <dd>{issuer.url}</dd>
          </>
        )}
      </dl>
      <p>
        <a href={`/issuers/${issuer.slug}`}>{t('endorsement.review.publicPage')}</a>
      </p>
      <section aria-labelledby="awards-heading">
        <h2 id="awards-heading">{t('console.endorsements.review.awards')}</h2>
        {target.achievements.length === 0 ? (
          <p>{t('console.endorsements.review.noAwards')}</p>
        ) : (
          <ul data-awards>
            {target.achievements.map((achievement) => (
              <li>
                <a href={`/achievements/${achievement.id}`}>{achievement.name}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/**
 * `/console/{slug}/endorsements/new?achievement={id}` or `?issuer={slug}`: what is endorsed (an
 * achievement as its public page says it, or an issuer and what it awards), then the comment to endorse it
 * with. A viewer reads the review without the form; the issuer's own achievements and itself get no form.
 */
export function ConsoleEndorseReviewPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly target: EndorseTarget;
  readonly comment?: string;
  readonly error?: string | undefined;
}) {
  const { c, workspace, target } = props;
  const t = c.get('t');
  const name = targetName(target);
  const title = t('endorsement.review.title', { name });
  const own =
    target.kind === 'achievement'
      ? target.achievement.issuerId === workspace.issuerId
      : target.issuer.id === workspace.issuerId;
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <p>
        <a href={consolePath(workspace, '/endorsements')}>{t('endorsement.review.back')}</a>
      </p>
      <h1>{title}</h1>
      <Notes message={undefined} error={props.error} />
      <p class="lead">{t('endorsement.review.lead')}</p>
      {target.kind === 'achievement' ? (
        <AchievementReview c={c} achievement={target.achievement} issuer={target.issuer} />
      ) : (
        <IssuerReview c={c} target={target} />
      )}
      {own ? (
        <p class="hint" data-own>
          {t('console.endorsements.review.own')}
        </p>
      ) : !mayEndorse(workspace) ? (
        <p class="hint">{t('console.endorsements.readOnly')}</p>
      ) : (
        <EndorseForm
          c={c}
          action={consolePath(workspace, '/endorsements')}
          subject={
            target.kind === 'achievement'
              ? { field: 'achievement', value: target.achievement.id }
              : { field: 'issuer', value: target.issuer.slug }
          }
          comment={props.comment}
          invalid={props.error !== undefined}
        />
      )}
    </ConsoleLayout>
  );
}

/** `/console/{slug}/endorsements/{id}/withdraw`: the confirmation, a page of its own (no script). */
export function ConsoleWithdrawEndorsementPage(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly endorsement: EndorsementView;
  readonly reason?: string;
  readonly error?: string | undefined;
}) {
  const { c, workspace, endorsement } = props;
  const t = c.get('t');
  const title = t('endorsement.withdraw.title', { name: endorsement.subject.name });
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <h1>{title}</h1>
      <Notes message={undefined} error={props.error} />
      <WithdrawEndorsementForm
        c={c}
        endorsement={endorsement}
        action={consolePath(workspace, `/endorsements/${endorsement.id}/withdraw`)}
        cancel={consolePath(workspace, '/endorsements')}
        reason={props.reason}
        invalid={props.error !== undefined}
      />
    </ConsoleLayout>
  );
}
