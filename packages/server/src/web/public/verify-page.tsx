import type { VerificationReport } from '@microcred/vc';
import type { Context } from 'hono';
import { readCredentialFields } from '../shared/credential-fields.js';
import { CredentialSourceForm } from '../shared/credential-source/credential-source-form.js';
import { Layout } from '../shared/layout.js';
import { VerificationPanel } from '../shared/verification-words.js';
import type { WebEnv } from '../shared/web-env.js';

/** `/verify`: a file (drop or choose), pasted JSON or JWT, or a URL; then the report in plain words. */
export function VerifyPage(props: {
  readonly c: Context<WebEnv>;
  readonly report?: VerificationReport;
  readonly error?: string;
  readonly url?: string;
}) {
  const { c, report } = props;
  const t = c.get('t');
  const fields = report?.credential === undefined ? null : readCredentialFields(report.credential);
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
          <VerificationPanel c={c} report={report} heading={t('verify.panel.heading')} />
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
      />
    </Layout>
  );
}
