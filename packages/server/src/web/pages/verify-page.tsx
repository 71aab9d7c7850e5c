import type { VerificationReport } from '@microcred/vc';
import type { Context } from 'hono';
import { readCredentialFields } from '../credential-fields.js';
import { Layout, PostForm } from '../layout.js';
import { VerificationPanel } from '../verification-words.js';
import type { WebEnv } from '../web-env.js';

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
      <PostForm c={c} action="/verify" multipart>
        <div class="dropzone" data-dropzone>
          <label for="verify-file">{t('verify.file')}</label>
          <input
            id="verify-file"
            type="file"
            name="file"
            accept=".json,.jwt,.png,.svg,application/json,image/png,image/svg+xml"
          />
          <span data-dropzone-name class="hint"></span>
          <p class="hint">{t('verify.fileHint')}</p>
        </div>
        <label for="verify-text">{t('verify.paste')}</label>
        <textarea id="verify-text" name="text" spellcheck={false}></textarea>
        <label for="verify-url">{t('verify.url')}</label>
        <input id="verify-url" type="url" name="url" placeholder="https://" value={props.url ?? ''} />
        <div class="actions">
          <button type="submit">{t('verify.submit')}</button>
        </div>
      </PostForm>
    </Layout>
  );
}
