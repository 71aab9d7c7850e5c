import type { Context } from 'hono';
import type { CatalogEntry } from '../../../domain/achievement/search-catalog.js';
import type { Workspace } from '../../../domain/auth/staff-access.js';
import { type EndorsementView, MAX_COMMENT } from '../../../domain/endorsement/endorsements.js';
import type { Achievement, Issuer } from '../../../domain/ports/index.js';
import {
  AchievementCriteria,
  AchievementFacts,
  AchievementSkills,
  achievementTexts,
} from '../../shared/achievement-summary.js';
import { PostForm } from '../../shared/layout.js';
import { Notes } from '../../shared/notes.js';
import type { WebEnv } from '../../shared/web-env.js';
import { consolePath } from '../console-context.js';
import { ConsoleLayout } from '../console-layout.js';

export { MAX_COMMENT };
/** WithdrawEndorsementSchema's bound, so that the page refuses what the use case would. */
export const MAX_REASON = 500;
export const MAX_SEARCH = 200;

/** Endorsing and withdrawing need the issuer role, as the use cases do; a viewer reads. */
export function mayEndorse(workspace: Workspace): boolean {
  return workspace.role !== 'viewer';
}

/** What an endorsement is about: an achievement links to its page; an issuer is named. */
function SubjectName(props: { readonly endorsement: EndorsementView }) {
  const { subject } = props.endorsement;
  return subject.kind === 'achievement' ? (
    <a href={`/achievements/${subject.id}`}>{subject.name}</a>
  ) : (
    <span>{subject.name}</span>
  );
}

/** The endorsements the issuer gives, in force or withdrawn. */
function GivenTable(props: {
  readonly c: Context<WebEnv>;
  readonly workspace: Workspace;
  readonly endorsements: readonly EndorsementView[];
  readonly withdrawn: boolean;
  readonly labelledBy: string;
}) {
  const { c, workspace, withdrawn } = props;
  const t = c.get('t');
  const canWithdraw = mayEndorse(workspace) && !withdrawn;
  return (
    <div class="table-scroll">
      <table
        class="data"
        aria-labelledby={props.labelledBy}
        data-given={withdrawn ? 'withdrawn' : 'in-force'}
      >
        <thead>
          <tr>
            <th scope="col">{t('console.endorsements.column.subject')}</th>
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
                <SubjectName endorsement={endorsement} />{' '}
                <span class="muted">
                  {t(
                    endorsement.subject.kind === 'issuer'
                      ? 'console.endorsements.kind.issuer'
                      : 'console.endorsements.kind.achievement',
                  )}
                </span>
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
                {canWithdraw ? (
                  <>
                    {' · '}
                    <a
                      class="remove-link"
                      href={consolePath(workspace, `/endorsements/${endorsement.id}/withdraw`)}
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

/** The endorsements in force that the issuer and its achievements receive. */
function ReceivedTable(props: {
  readonly c: Context<WebEnv>;
  readonly endorsements: readonly EndorsementView[];
}) {
  const t = props.c.get('t');
  return (
    <div class="table-scroll">
      <table class="data" aria-labelledby="received-heading" data-received>
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
              <td>
                {endorsement.subject.kind === 'issuer' ? (
                  t('console.endorsements.yourIssuer')
                ) : (
                  <SubjectName endorsement={endorsement} />
                )}
              </td>
              <td class="endorsement-comment">{endorsement.comment}</td>
              <td>{t.date(endorsement.createdAt)}</td>
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
  const inForce = props.given.filter((endorsement) => endorsement.withdrawnAt === null);
  const withdrawn = props.given.filter((endorsement) => endorsement.withdrawnAt !== null);
  const endorsed = new Set(inForce.map((endorsement) => endorsement.subject.id));
  const review = consolePath(workspace, '/endorsements/new');
  const action = t(mayEndorse(workspace) ? 'endorsement.search.review' : 'endorsement.search.view');
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
          <GivenTable
            c={c}
            workspace={workspace}
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
        <form method="get" action={consolePath(workspace, '/endorsements')} class="filters">
          <div>
            <label for="endorse-q">{t('console.endorsements.search.label')}</label>
            <input id="endorse-q" name="q" type="search" maxlength={MAX_SEARCH} value={props.q} />
          </div>
          <div class="filter-actions">
            <button type="submit">{t('endorsement.search.submit')}</button>
          </div>
        </form>
        <h3 id="issuer-results-heading">{t('console.endorsements.search.issuers')}</h3>
        {props.issuers.length === 0 ? (
          <p>{t('console.endorsements.search.noIssuer')}</p>
        ) : (
          <ul class="endorse-results" aria-labelledby="issuer-results-heading" data-issuer-results>
            {props.issuers.map((issuer) => (
              <li data-issuer={issuer.id}>
                <strong>{issuer.name}</strong>
                {endorsed.has(issuer.id) ? (
                  <span class="muted"> · {t('console.endorsements.search.endorsed')}</span>
                ) : null}{' '}
                <a href={`${review}?issuer=${encodeURIComponent(issuer.slug)}`}>
                  {action}
                  <span class="visually-hidden"> {issuer.name}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
        <h3 id="achievement-results-heading">{t('console.endorsements.search.achievements')}</h3>
        {props.achievements.length === 0 ? (
          <p>{t('endorsement.search.none')}</p>
        ) : (
          <ul class="endorse-results" aria-labelledby="achievement-results-heading" data-endorse-results>
            {props.achievements.map(({ achievement, issuer }) => (
              <li data-achievement={achievement.id}>
                <strong>{achievement.name}</strong>{' '}
                <span class="muted">{t('endorsement.search.by', { issuer: issuer.name })}</span>
                {endorsed.has(achievement.id) ? (
                  <span class="muted"> · {t('console.endorsements.search.endorsed')}</span>
                ) : null}{' '}
                <a href={`${review}?achievement=${achievement.id}`}>
                  {action}
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
          <GivenTable
            c={c}
            workspace={workspace}
            endorsements={withdrawn}
            withdrawn={true}
            labelledBy="withdrawn-heading"
          />
        </section>
      )}
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
  const description = target.kind === 'achievement' ? achievementTexts(target.achievement).description : null;
  return (
    <ConsoleLayout c={c} workspace={workspace} title={title}>
      <p>
        <a href={consolePath(workspace, '/endorsements')}>{t('endorsement.review.back')}</a>
      </p>
      <h1>{title}</h1>
      <Notes message={undefined} error={props.error} />
      <p class="lead">{t('endorsement.review.lead')}</p>
      {target.kind === 'achievement' ? (
        <>
          {description === null ? null : <p data-description>{description}</p>}
          <AchievementFacts c={c} achievement={target.achievement} issuer={target.issuer} />
          <p>
            <a href={`/achievements/${target.achievement.id}`}>{t('endorsement.review.publicPage')}</a>
          </p>
          <AchievementCriteria c={c} achievement={target.achievement} />
          <AchievementSkills c={c} achievement={target.achievement} />
        </>
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
        <section aria-labelledby="endorse-heading">
          <h2 id="endorse-heading">{t('endorsement.form.heading')}</h2>
          <PostForm c={c} action={consolePath(workspace, '/endorsements')} class="stack">
            {target.kind === 'achievement' ? (
              <input type="hidden" name="achievement" value={target.achievement.id} />
            ) : (
              <input type="hidden" name="issuer" value={target.issuer.slug} />
            )}
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
              aria-invalid={props.error === undefined ? undefined : 'true'}
            >
              {props.comment ?? ''}
            </textarea>
            <p>
              <button type="submit">{t('endorsement.form.submit')}</button>
            </p>
          </PostForm>
        </section>
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
      <p>{t('endorsement.withdraw.text')}</p>
      <blockquote class="endorsement-comment">
        <p>{endorsement.comment}</p>
      </blockquote>
      <PostForm
        c={c}
        action={consolePath(workspace, `/endorsements/${endorsement.id}/withdraw`)}
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
          <a href={consolePath(workspace, '/endorsements')}>{t('endorsement.withdraw.cancel')}</a>
        </p>
      </PostForm>
    </ConsoleLayout>
  );
}
