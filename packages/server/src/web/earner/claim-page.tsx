import type { Context } from 'hono';
import type { ClaimView } from '../../domain/earner/claim-credential.js';
import { BadgeImage } from '../shared/badge-image.js';
import { readCredentialFields } from '../shared/credential-fields.js';
import { Layout, PostForm } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';

/** `/claim/{secret}`: the credential an emailed link offers, to accept or decline. */
export function ClaimPage(props: {
  readonly c: Context<WebEnv>;
  readonly claim: ClaimView;
  readonly secret: string;
  readonly imageUrl: string;
}) {
  const { c, claim } = props;
  const t = c.get('t');
  const fields = readCredentialFields(claim.credential.document);
  return (
    <Layout c={c} title={t('claim.title', { name: fields.name })}>
      <div class="hero">
        <BadgeImage t={t} src={props.imageUrl} name={fields.name} />
        <div>
          <h1>{t('claim.title', { name: fields.name })}</h1>
          <p class="lead">{t('claim.lead', { issuer: fields.issuerName, email: claim.email })}</p>
          {fields.description === null ? null : <p>{fields.description}</p>}
          <p class="hint">{t('claim.explain')}</p>
          <div class="actions">
            <PostForm c={c} action={`/claim/${props.secret}/accept`}>
              <button type="submit">{t('claim.accept')}</button>
            </PostForm>
            <PostForm c={c} action={`/claim/${props.secret}/decline`}>
              <button type="submit" class="secondary">
                {t('claim.decline')}
              </button>
            </PostForm>
          </div>
        </div>
      </div>
    </Layout>
  );
}
