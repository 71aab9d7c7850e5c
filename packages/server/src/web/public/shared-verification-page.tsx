import type { VerificationReport } from '@microcred/vc';
import type { Context } from 'hono';
import type { SharedVerification } from '../../domain/ports/index.js';
import { CredentialSourceForm } from '../shared/credential-source/credential-source-form.js';
import { Layout } from '../shared/layout.js';
import { VerificationPanel } from '../shared/verification-words.js';
import type { WebEnv } from '../shared/web-env.js';

/** A moment as every viewer reads it: the day in their language, the time in UTC. */
function checkedOn(c: Context<WebEnv>, at: Date): string {
  return `${c.get('t').date(at)}, ${at.toISOString().slice(11, 16)} UTC`;
}

/** `/verifications/{id}`: a shared result, checked again when the credential is public here. */
export function SharedVerificationPage(props: {
  readonly c: Context<WebEnv>;
  readonly shared: SharedVerification;
  readonly firstReport: VerificationReport;
  readonly recheck: { readonly credentialId: string; readonly report: VerificationReport } | null;
  /** The visitor's own copy, compared with the result. */
  readonly comparison?: { readonly report: VerificationReport; readonly same: boolean };
  readonly error?: string;
}) {
  const { c, shared, recheck, comparison } = props;
  const t = c.get('t');
  const date = checkedOn(c, shared.checkedAt);
  const outcome = t(shared.verified ? 'sharedVerification.verified' : 'sharedVerification.notVerified');
  return (
    <Layout c={c} title={t('sharedVerification.title')}>
      <h1>{t('sharedVerification.title')}</h1>
      <p class="lead">{t('sharedVerification.firstChecked', { date, outcome })}</p>
      {props.error === undefined ? null : (
        <p class="error-box" role="alert">
          {props.error}
        </p>
      )}
      {recheck === null ? null : (
        <section aria-labelledby="recheck-heading">
          <h2 id="recheck-heading">{t('sharedVerification.recheckHeading')}</h2>
          <p>{t('sharedVerification.recheckLead')}</p>
          <VerificationPanel c={c} report={recheck.report} heading={t('verify.panel.heading')} />
          <p>
            <a href={`/credentials/${recheck.credentialId}`}>{t('sharedVerification.openCredential')}</a>
          </p>
        </section>
      )}
      <section aria-labelledby="first-heading">
        <h2 id="first-heading">{t('sharedVerification.firstHeading')}</h2>
        <VerificationPanel c={c} report={props.firstReport} heading={t('verify.panel.heading')} />
      </section>
      {recheck !== null ? null : (
        <section aria-labelledby="compare-heading" id="compare">
          <h2 id="compare-heading">{t('sharedVerification.compareHeading')}</h2>
          <p>{t('sharedVerification.digestOnly', { digest: shared.digest })}</p>
          {comparison === undefined ? null : (
            <div id="comparison">
              <p class={comparison.same ? 'notice' : 'error-box'} role="status">
                {t(comparison.same ? 'sharedVerification.same' : 'sharedVerification.different', { date })}
              </p>
              <VerificationPanel
                c={c}
                report={comparison.report}
                heading={t('sharedVerification.yourCopy')}
              />
            </div>
          )}
          <CredentialSourceForm
            c={c}
            action={`/verifications/${shared.id}`}
            idPrefix="compare"
            labels={{
              file: t('verify.file'),
              fileHint: t('verify.fileHint'),
              paste: t('verify.paste'),
              url: t('verify.url'),
              submit: t('sharedVerification.compareSubmit'),
            }}
          />
        </section>
      )}
    </Layout>
  );
}
