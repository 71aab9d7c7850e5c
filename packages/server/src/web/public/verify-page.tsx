import { CheckId, type VerificationReport } from '@microcred/vc';
import type { Context } from 'hono';
import { readCredentialFields } from '../shared/credential-fields.js';
import { CredentialSourceForm } from '../shared/credential-source/credential-source-form.js';
import { Layout, PostForm } from '../shared/layout.js';
import { VerificationPanel } from '../shared/verification-words.js';
import type { WebEnv } from '../shared/web-env.js';

/** The answer to "issued to the person who sent it?", from the report's `recipient` check. */
function recipientOutcome(report: VerificationReport): 'match' | 'mismatch' | 'unstated' | undefined {
  const check = report.checks.find((candidate) => candidate.id === CheckId.RECIPIENT);
  if (check === undefined) return undefined;
  if (!check.ok) return 'mismatch';
  return check.warning === true ? 'unstated' : 'match';
}

/** `/verify`: a file (drop or choose), pasted JSON or JWT, or a URL; then the report in plain words. */
export function VerifyPage(props: {
  readonly c: Context<WebEnv>;
  readonly report?: VerificationReport;
  readonly error?: string;
  readonly url?: string;
  /** The address the credential should have been issued to, as given (the report then answers for it). */
  readonly recipient?: string;
  /** The sealed result, when it can be shared by link (see platform.sharedVerifications). */
  readonly seal?: string | null;
}) {
  const { c, report } = props;
  const t = c.get('t');
  const fields = report?.credential === undefined ? null : readCredentialFields(report.credential);
  const recipient = report === undefined ? undefined : recipientOutcome(report);
  return (
    <Layout c={c} title={t('verify.title')} description={t('verify.lead')}>
      <h1>{t('verify.title')}</h1>
      <p class="lead">{t('verify.lead')}</p>
      {props.error === undefined ? null : (
        <p class="error-box" role="alert">
          {props.error}
        </p>
      )}
      {report === undefined ? null : (
        <section aria-labelledby="result-heading" id="result">
          <h2 id="result-heading">
            {fields === null
              ? t('verify.result')
              : t('verify.resultFor', { name: fields.name, issuer: fields.issuerName })}
          </h2>
          {recipient === undefined ? null : (
            <p class={`recipient-${recipient}`} data-recipient={recipient}>
              <strong>{t(`verify.recipient.${recipient}`, { email: props.recipient ?? '' })}</strong>
            </p>
          )}
          <VerificationPanel c={c} report={report} heading={t('verify.panel.heading')} />
          {props.seal === undefined || props.seal === null ? null : (
            <PostForm c={c} action="/verify/share">
              <input type="hidden" name="seal" value={props.seal} />
              <p class="hint">{t('verify.share.hint')}</p>
              <button type="submit">{t('verify.share.button')}</button>
            </PostForm>
          )}
        </section>
      )}
      <CredentialSourceForm
        c={c}
        action="/verify"
        idPrefix="verify"
        labels={{
          file: t('verify.file'),
          fileHint: t('verify.fileHint'),
          paste: t('verify.paste'),
          url: t('verify.url'),
          submit: t('verify.submit'),
        }}
        {...(props.url === undefined ? {} : { url: props.url })}
      >
        <label for="verify-recipient">{t('verify.recipient')}</label>
        <input
          id="verify-recipient"
          type="email"
          name="recipient"
          autocomplete="off"
          maxlength={320}
          aria-describedby="verify-recipient-hint"
          value={props.recipient ?? ''}
        />
        <p class="hint" id="verify-recipient-hint">
          {t('verify.recipientHint')}
        </p>
      </CredentialSourceForm>
    </Layout>
  );
}
