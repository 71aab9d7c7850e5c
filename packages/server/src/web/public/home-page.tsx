import type { Context } from 'hono';
import { VERIFICATIONS_PERIOD_DAYS } from '../../domain/analytics/instance-figures.js';
import type { InstanceFigures } from '../../domain/ports/analytics-repository.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { Layout } from '../shared/layout.js';
import { hasConsole, hasEmployerWorkspace } from '../shared/web-context.js';
import type { WebEnv } from '../shared/web-env.js';

const FIGURES = [
  ['credentialsIssued', 'home.figure.credentials'],
  ['verificationsSince', 'home.figure.verifications'],
  ['achievements', 'home.figure.achievements'],
  ['issuers', 'home.figure.issuers'],
] as const satisfies readonly (readonly [keyof InstanceFigures, MessageKey])[];

/** The instance's live numbers: the number large, what it counts under it (read in that order too). */
function Figures(props: { readonly c: Context<WebEnv>; readonly figures: InstanceFigures }) {
  const t = props.c.get('t');
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading" class="visually-hidden">
        {t('home.figures')}
      </h2>
      <dl class="figures">
        {FIGURES.map(([field, label]) => (
          <div data-figure={field}>
            <dt>{t(label, { count: props.figures[field], days: VERIFICATIONS_PERIOD_DAYS })}</dt>
            <dd>{t.number(props.figures[field])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function AudienceCard(props: {
  readonly heading: string;
  readonly text: string;
  readonly points: readonly string[];
  readonly children: unknown;
}) {
  return (
    <section class="card audience">
      <h2>{props.heading}</h2>
      <p>{props.text}</p>
      <ul class="ticks">
        {props.points.map((point) => (
          <li>{point}</li>
        ))}
      </ul>
      <div class="actions">{props.children}</div>
    </section>
  );
}

/** `/`: what the platform does for earners, employers and issuers, with the instance's live numbers. */
export function HomePage(props: {
  readonly c: Context<WebEnv>;
  readonly issuers: readonly { slug: string; name: string }[];
  readonly figures: InstanceFigures;
}) {
  const { c } = props;
  const t = c.get('t');
  const signedIn = c.get('earner') !== null;
  return (
    <Layout c={c} title={t('home.title')} description={t('home.lead')}>
      <div class="home-hero">
        <h1>{t('home.title')}</h1>
        <p class="lead">{t('home.lead')}</p>
        <div class="actions">
          <a class="button" href="/verify">
            {t('nav.verify')}
          </a>
          <a class="button secondary" href="/achievements">
            {t('home.browse')}
          </a>
        </div>
      </div>
      <Figures c={c} figures={props.figures} />
      <div class="grid audiences">
        <AudienceCard
          heading={t('home.earners')}
          text={t('home.earnersText')}
          points={[
            t('home.earners.claim'),
            t('home.earners.keep'),
            t('home.earners.stack'),
            t('home.earners.share'),
          ]}
        >
          <a class="button" href={signedIn ? '/account' : '/signin'}>
            {signedIn ? t('nav.myCredentials') : t('nav.signIn')}
          </a>
        </AudienceCard>
        <AudienceCard
          heading={t('home.verifiers')}
          text={t('home.verifiersText')}
          points={[t('home.verifiers.check'), t('home.verifiers.trust'), t('home.verifiers.talent')]}
        >
          <a class="button" href="/verify">
            {t('nav.verify')}
          </a>
          <a class="button secondary" href={hasEmployerWorkspace(c) ? '/employer' : '/signin'}>
            {t('home.verifiers.workspace')}
          </a>
        </AudienceCard>
        <AudienceCard
          heading={t('home.issuers')}
          text={t('home.issuersPitch')}
          points={[t('home.issuers.define'), t('home.issuers.issue'), t('home.issuers.measure')]}
        >
          <a class="button" href={hasConsole(c) ? '/console' : '/signin'}>
            {t('home.issuers.console')}
          </a>
          <a class="button secondary" href="/docs">
            {t('home.api')}
          </a>
        </AudienceCard>
      </div>
      <section aria-labelledby="issuers-heading">
        <h2 id="issuers-heading">{t('home.issuersList')}</h2>
        {props.issuers.length === 0 ? (
          <p>{t('home.issuers.none')}</p>
        ) : (
          <ul class="issuer-list">
            {props.issuers.map((issuer) => (
              <li>
                <a href={`/issuers/${issuer.slug}`}>{issuer.name}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p class="hint">
        {t('home.standards')} <a href="/log/checkpoint">{t('home.standardsLog')}</a>
      </p>
    </Layout>
  );
}
