import type { Context } from 'hono';
import type { EndorsementView } from '../../domain/endorsement/endorsements.js';
import type { WebEnv } from './web-env.js';

/** What an endorsement is about: an achievement links to its page; an issuer is named. */
export function EndorsementSubject(props: { readonly endorsement: EndorsementView }) {
  const { subject } = props.endorsement;
  return subject.kind === 'achievement' ? (
    <a href={`/achievements/${subject.id}`}>{subject.name}</a>
  ) : (
    <span>{subject.name}</span>
  );
}

/** An organisation's endorsements split as its page lists them, and what it endorses now (by subject id). */
export function splitGiven(endorsements: readonly EndorsementView[]): {
  readonly inForce: readonly EndorsementView[];
  readonly withdrawn: readonly EndorsementView[];
  readonly endorsed: ReadonlySet<string>;
} {
  const inForce = endorsements.filter((endorsement) => endorsement.withdrawnAt === null);
  return {
    inForce,
    withdrawn: endorsements.filter((endorsement) => endorsement.withdrawnAt !== null),
    endorsed: new Set(inForce.map((endorsement) => endorsement.subject.id)),
  };
}

/** How an audience shows the table: the parts that differ between the console and the employer workspace. */
export interface GivenTableOptions {
  readonly c: Context<WebEnv>;
  /** The table's `data-` attribute, which says whether it lists the endorsements in force or withdrawn. */
  readonly marker: string;
  readonly subjectHeading: string;
  /** Whether the subject is said to be an issuer or an achievement (an issuer endorses both). */
  readonly showKind: boolean;
  /** The audience's endorsements page, under which each is withdrawn; null for a member who may not. */
  readonly withdrawBase: string | null;
}

/**
 * The endorsements an organisation gives, in force or withdrawn (the console and the employer workspace
 * alike): each links to its public page, and one in force to its withdrawal when the member may withdraw.
 */
export function EndorsementsGivenTable(
  props: GivenTableOptions & {
    readonly endorsements: readonly EndorsementView[];
    readonly withdrawn: boolean;
    readonly labelledBy: string;
  },
) {
  const { c, withdrawn } = props;
  const t = c.get('t');
  const withdrawBase = withdrawn ? null : props.withdrawBase;
  const marker = { [`data-${props.marker}`]: withdrawn ? 'withdrawn' : 'in-force' };
  return (
    <div class="table-scroll">
      <table class="data stack" aria-labelledby={props.labelledBy} {...marker}>
        <thead>
          <tr>
            <th scope="col">{props.subjectHeading}</th>
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
                <EndorsementSubject endorsement={endorsement} />
                {props.showKind ? (
                  <>
                    {' '}
                    <span class="muted">
                      {t(
                        endorsement.subject.kind === 'issuer'
                          ? 'console.endorsements.kind.issuer'
                          : 'console.endorsements.kind.achievement',
                      )}
                    </span>
                  </>
                ) : null}
              </th>
              <td data-label={t('endorsement.employer.comment')} class="endorsement-comment">
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
              <td
                data-label={t(withdrawn ? 'endorsement.employer.withdrawnOn' : 'endorsement.employer.since')}
              >
                {t.date(endorsement.withdrawnAt ?? endorsement.createdAt)}
              </td>
              <td>
                <a href={`/endorsements/${endorsement.id}`}>
                  {t('endorsement.employer.publicPage')}
                  <span class="visually-hidden"> {endorsement.subject.name}</span>
                </a>
                {withdrawBase === null ? null : (
                  <>
                    {' · '}
                    <a class="remove-link" href={`${withdrawBase}/${endorsement.id}/withdraw`}>
                      {t('endorsement.employer.withdrawLink')}
                      <span class="visually-hidden"> {endorsement.subject.name}</span>
                    </a>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The endorsements the organisation has withdrawn, in a section of their own (none when there are none). */
export function WithdrawnEndorsements(props: {
  readonly table: GivenTableOptions;
  readonly withdrawn: readonly EndorsementView[];
}) {
  if (props.withdrawn.length === 0) return null;
  return (
    <section aria-labelledby="withdrawn-heading">
      <h2 id="withdrawn-heading">{props.table.c.get('t')('endorsement.employer.withdrawn')}</h2>
      <EndorsementsGivenTable
        {...props.table}
        endorsements={props.withdrawn}
        withdrawn={true}
        labelledBy="withdrawn-heading"
      />
    </section>
  );
}
