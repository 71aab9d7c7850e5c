import { CheckId, type VerificationReport } from '@microcred/vc';
import type { Context } from 'hono';
import type { EndorsementView } from '../../domain/endorsement/endorsements.js';
import { Layout, StandingBadge } from '../shared/layout.js';
import { standingOfReport } from '../shared/verification-words.js';
import type { WebEnv } from '../shared/web-env.js';

/** The slug of a platform issuer from its `did:web:{host}:issuers:{slug}`, or null for any other id. */
export function issuerSlugOfDid(did: unknown): string | null {
  if (typeof did !== 'string') return null;
  const match = /:issuers:([^:#]+)$/.exec(did);
  return match?.[1] === undefined ? null : decodeURIComponent(match[1]);
}

function endorserSlug(endorsement: EndorsementView): string | null {
  if (endorsement.endorser.kind !== 'issuer') return null;
  const issuer = (endorsement.document as { issuer?: { id?: unknown } }).issuer;
  return issuerSlugOfDid(issuer?.id);
}

function subjectHref(endorsement: EndorsementView): string | null {
  if (endorsement.subject.kind === 'achievement') return `/achievements/${endorsement.subject.id}`;
  const subject = (endorsement.document as { credentialSubject?: { id?: unknown } }).credentialSubject;
  const slug = issuerSlugOfDid(subject?.id);
  return slug === null ? null : `/issuers/${slug}`;
}

/**
 * "Endorsed by Demo Employer — “comment”", linking to the endorsement's page. The comment is text: JSX
 * escapes it, so whatever an endorser typed never becomes markup.
 */
export function EndorsementLine(props: {
  readonly c: Context<WebEnv>;
  readonly endorsement: EndorsementView;
}) {
  const { c, endorsement } = props;
  const t = c.get('t');
  return (
    <>
      <a href={`/endorsements/${endorsement.id}`}>
        {t('endorsement.by', { endorser: endorsement.endorser.name })}
      </a>{' '}
      — <q class="endorsement-comment">{endorsement.comment}</q>
    </>
  );
}

/** `/endorsements/{id}` for browsers: who endorses what, what they say, since when, and whether it still holds. */
export function EndorsementPage(props: {
  readonly c: Context<WebEnv>;
  readonly endorsement: EndorsementView;
}) {
  const { c, endorsement } = props;
  const t = c.get('t');
  const title = t('endorsement.page.title', {
    endorser: endorsement.endorser.name,
    subject: endorsement.subject.name,
  });
  const slug = endorserSlug(endorsement);
  const subject = subjectHref(endorsement);
  const withdrawn = endorsement.withdrawnAt !== null;
  return (
    <Layout c={c} title={title} description={title}>
      <h1>{title}</h1>
      <p>
        <span
          class={`standing ${withdrawn ? 'standing-revoked' : 'standing-verified'}`}
          data-endorsement-state={withdrawn ? 'withdrawn' : 'in-force'}
        >
          {endorsement.withdrawnAt === null
            ? t('endorsement.page.inForce')
            : t('endorsement.page.withdrawnOn', { date: t.date(endorsement.withdrawnAt) })}
        </span>
        {endorsement.withdrawnReason === null ? null : (
          <>
            {' '}
            <span data-withdrawn-reason>
              {t('endorsement.page.reason', { reason: endorsement.withdrawnReason })}
            </span>
          </>
        )}
      </p>
      <section aria-labelledby="endorsement-comment">
        <h2 id="endorsement-comment">{t('endorsement.page.comment')}</h2>
        <blockquote class="endorsement-comment" data-comment>
          <p>{endorsement.comment}</p>
        </blockquote>
      </section>
      <dl class="facts">
        <dt>{t('endorsement.page.endorser')}</dt>
        <dd data-endorser={endorsement.endorser.kind}>
          {slug === null ? (
            endorsement.endorser.name
          ) : (
            <a href={`/issuers/${slug}`}>{endorsement.endorser.name}</a>
          )}
        </dd>
        <dt>{t('endorsement.page.subject')}</dt>
        <dd>
          {subject === null ? endorsement.subject.name : <a href={subject}>{endorsement.subject.name}</a>}
        </dd>
        <dt>{t('endorsement.page.date')}</dt>
        <dd>
          <time datetime={endorsement.createdAt.toISOString()}>{t.date(endorsement.createdAt)}</time>
        </dd>
      </dl>
      <p>
        <a href={`/endorsements/${endorsement.id}/endorsement.json`} type="application/vc+ld+json">
          {t('endorsement.page.json')}
        </a>
      </p>
    </Layout>
  );
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One endorsement a credential embeds, as the credential's own verification report judged it. */
interface EmbeddedEndorsement {
  /** What it sits on: the credential's achievement, or its issuer as a whole. */
  readonly of: 'achievement' | 'issuer';
  readonly endorser: string;
  readonly comment: string | null;
  readonly href: string | null;
  readonly standing: string;
}

/**
 * The endorsements embedded in a credential's issuer (`issuer.endorsement`) and achievements
 * (`credentialSubject.achievement.endorsement`), each with the verdict of its own nested report: the
 * pipeline verified each one at that path, so a withdrawn (revoked) or forged endorsement shows as such,
 * never as verified, whatever the credential's own verdict.
 */
export function embeddedEndorsements(
  credential: unknown,
  report: VerificationReport,
): readonly EmbeddedEndorsement[] {
  if (!isRecord(credential)) return [];
  const checked = report.checks.some((check) => check.id === CheckId.ENDORSEMENTS);
  const found: EmbeddedEndorsement[] = [];
  const collect = (owner: Record<string, unknown>, at: string, of: EmbeddedEndorsement['of']) => {
    asArray(owner.endorsement).forEach((endorsement, index) => {
      if (!isRecord(endorsement)) return;
      const nested = report.nested?.find((item) => item.path === `${at}endorsement[${index}]`);
      const issuer = endorsement.issuer;
      const endorser = isRecord(issuer) && typeof issuer.name === 'string' ? issuer.name : '';
      const about = asArray(endorsement.credentialSubject).find(isRecord);
      const comment = typeof about?.endorsementComment === 'string' ? about.endorsementComment : null;
      // Only an http(s) address is linked: a document's text never becomes a script URL.
      const href =
        typeof endorsement.id === 'string' && /^https?:\/\//.test(endorsement.id) ? endorsement.id : null;
      found.push({
        of,
        endorser,
        comment,
        href,
        standing: checked && nested !== undefined ? standingOfReport(nested.report) : 'unverified',
      });
    });
  };
  if (isRecord(credential.issuer)) collect(credential.issuer, 'issuer.', 'issuer');
  asArray(credential.credentialSubject).forEach((subject, subjectIndex) => {
    if (!isRecord(subject) || !isRecord(subject.achievement)) return;
    collect(subject.achievement, `credentialSubject[${subjectIndex}].achievement.`, 'achievement');
  });
  return found;
}

/** "Endorsed by {name} — “comment”" for each endorsement a credential carries, with whether it verified. */
export function CredentialEndorsements(props: {
  readonly c: Context<WebEnv>;
  readonly credential: unknown;
  readonly report: VerificationReport;
}) {
  const { c } = props;
  const t = c.get('t');
  const endorsements = embeddedEndorsements(props.credential, props.report);
  if (endorsements.length === 0) return null;
  return (
    <section aria-labelledby="credential-endorsements-heading">
      <h2 id="credential-endorsements-heading">{t('endorsement.section')}</h2>
      <ul class="endorsements" data-credential-endorsements>
        {endorsements.map((endorsement) => {
          const by = t(endorsement.of === 'issuer' ? 'endorsement.issuerBy' : 'endorsement.by', {
            endorser: endorsement.endorser,
          });
          return (
            <li data-endorsement-of={endorsement.of} data-endorsement-standing={endorsement.standing}>
              {endorsement.href === null ? by : <a href={endorsement.href}>{by}</a>}
              {endorsement.comment === null ? null : (
                <>
                  {' '}
                  — <q class="endorsement-comment">{endorsement.comment}</q>
                </>
              )}{' '}
              <StandingBadge c={c} standing={endorsement.standing} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
