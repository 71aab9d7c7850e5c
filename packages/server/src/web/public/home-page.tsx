import type { Context } from 'hono';
import { Layout } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';

/** `/`: what the platform is for, for earners, verifiers and issuers. */
export function HomePage(props: {
  readonly c: Context<WebEnv>;
  readonly issuers: readonly { slug: string; name: string }[];
}) {
  const { c } = props;
  const t = c.get('t');
  return (
    <Layout c={c} title={t('home.title')} description={t('home.lead')}>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <div class="grid">
        <section class="card">
          <h2>{t('home.earners')}</h2>
          <p>{t('home.earnersText')}</p>
          <a class="button" href={c.get('earner') === null ? '/signin' : '/account'}>
            {c.get('earner') === null ? t('nav.signIn') : t('nav.myCredentials')}
          </a>
        </section>
        <section class="card">
          <h2>{t('home.verifiers')}</h2>
          <p>{t('home.verifiersText')}</p>
          <a class="button" href="/verify">
            {t('nav.verify')}
          </a>
        </section>
        <section class="card">
          <h2>{t('home.issuers')}</h2>
          <p>{t('home.issuersText')}</p>
          <ul>
            {props.issuers.map((issuer) => (
              <li>
                <a href={`/issuers/${issuer.slug}`}>{issuer.name}</a>
              </li>
            ))}
          </ul>
          <a href="/docs">{t('home.api')}</a>
        </section>
      </div>
    </Layout>
  );
}
