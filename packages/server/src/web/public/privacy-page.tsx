import type { Context } from 'hono';
import type { MessageKey } from '../../i18n/messages/en.js';
import { Layout } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';

/**
 * The numbers the page states, each read from the code or the configuration that enforces it (see
 * privacy-routes.tsx), so that the page changes when they do.
 */
export interface PrivacyFacts {
  readonly host: string;
  /** `MAIL_FROM`, when the server was given it. */
  readonly mailFrom: string | undefined;
  readonly mailRetentionDays: number;
  readonly sessionDays: number;
  readonly signInLinkMinutes: number;
  readonly confirmLinkHours: number;
  readonly claimLinkDays: number;
  readonly verificationResultDays: number;
  readonly minRespondents: number;
  /** Every cookie the pages set: its name, and what the page says of it. */
  readonly cookies: readonly {
    readonly name: string;
    readonly key: MessageKey;
    readonly params?: Readonly<Record<string, number>>;
  }[];
}

function Items(props: {
  readonly c: Context<WebEnv>;
  readonly keys: readonly MessageKey[];
  readonly facts: PrivacyFacts;
}) {
  const t = props.c.get('t');
  const params = factParams(props.facts);
  return (
    <ul class="ticks">
      {props.keys.map((key) => (
        <li>{t(key, params)}</li>
      ))}
    </ul>
  );
}

function factParams(facts: PrivacyFacts): Record<string, string | number> {
  return {
    host: facts.host,
    mailDays: facts.mailRetentionDays,
    sessionDays: facts.sessionDays,
    signInMinutes: facts.signInLinkMinutes,
    confirmHours: facts.confirmLinkHours,
    claimDays: facts.claimLinkDays,
    verificationDays: facts.verificationResultDays,
    respondents: facts.minRespondents,
  };
}

/** What the earner can do about their data, each where it is done. */
const EARNER_PAGES = [
  { href: '/account', link: 'privacy.link.credentials', text: 'privacy.earner.do.credentials' },
  { href: '/account/settings', link: 'privacy.link.settings', text: 'privacy.earner.do.settings' },
  { href: '/account/sharing', link: 'privacy.link.sharing', text: 'privacy.earner.do.sharing' },
  { href: '/account/apps', link: 'privacy.link.apps', text: 'privacy.earner.do.apps' },
] as const satisfies readonly { href: string; link: MessageKey; text: MessageKey }[];

/**
 * `/privacy`: what this software stores, shows and sends, for each audience, when the operator names no
 * privacy policy of their own (`PRIVACY_POLICY_URL`).
 */
export function PrivacyPage(props: { readonly c: Context<WebEnv>; readonly facts: PrivacyFacts }) {
  const { c, facts } = props;
  const t = c.get('t');
  const params = factParams(facts);
  return (
    <Layout c={c} title={t('privacy.title')} description={t('privacy.description')}>
      <article class="privacy">
        <h1>{t('privacy.title')}</h1>
        <p class="lead">{t('privacy.lead', params)}</p>

        <section aria-labelledby="privacy-operator">
          <h2 id="privacy-operator">{t('privacy.operator.heading')}</h2>
          <p>
            {t('privacy.operator.text', params)}
            {facts.mailFrom === undefined
              ? null
              : ` ${t('privacy.operator.mail', { mailFrom: facts.mailFrom })}`}
          </p>
          <p>{t('privacy.operator.others')}</p>
        </section>

        <section aria-labelledby="privacy-earner">
          <h2 id="privacy-earner">{t('privacy.earner.heading')}</h2>
          <h3>{t('privacy.earner.stored')}</h3>
          <Items
            c={c}
            facts={facts}
            keys={[
              'privacy.earner.stored.credential',
              'privacy.earner.stored.account',
              'privacy.earner.stored.choices',
              'privacy.earner.stored.survey',
            ]}
          />
          <h3>{t('privacy.earner.seen')}</h3>
          <Items
            c={c}
            facts={facts}
            keys={[
              'privacy.earner.seen.unclaimed',
              'privacy.earner.seen.portfolio',
              'privacy.earner.seen.issuer',
              'privacy.earner.seen.employers',
              'privacy.earner.seen.admin',
            ]}
          />
          <h3>{t('privacy.earner.kept')}</h3>
          <Items
            c={c}
            facts={facts}
            keys={[
              'privacy.earner.kept.account',
              'privacy.earner.kept.credentials',
              'privacy.earner.kept.links',
            ]}
          />
          <h3>{t('privacy.earner.do')}</h3>
          <ul class="ticks">
            {EARNER_PAGES.map((page) => (
              <li>
                <a href={page.href}>{t(page.link)}</a> — {t(page.text)}
              </li>
            ))}
            <li>
              {t('privacy.link.mail')} — {t('privacy.earner.do.mail')}
            </li>
          </ul>
        </section>

        <section aria-labelledby="privacy-staff">
          <h2 id="privacy-staff">{t('privacy.staff.heading')}</h2>
          <Items c={c} facts={facts} keys={['privacy.staff.stored', 'privacy.staff.seen']} />
        </section>

        <section aria-labelledby="privacy-verifier">
          <h2 id="privacy-verifier">{t('privacy.verifier.heading')}</h2>
          <Items c={c} facts={facts} keys={['privacy.verifier.check', 'privacy.verifier.search']} />
        </section>

        <section aria-labelledby="privacy-visitor">
          <h2 id="privacy-visitor">{t('privacy.visitor.heading')}</h2>
          <h3>{t('privacy.visitor.cookies')}</h3>
          <p>{t('privacy.visitor.cookies.text')}</p>
          <dl class="facts" data-cookies>
            {facts.cookies.map((cookie) => (
              <>
                <dt>
                  <code>{cookie.name}</code>
                </dt>
                <dd>{t(cookie.key, { ...params, ...cookie.params })}</dd>
              </>
            ))}
          </dl>
          <Items
            c={c}
            facts={facts}
            keys={[
              'privacy.visitor.views',
              'privacy.visitor.log',
              'privacy.visitor.limits',
              'privacy.visitor.images',
            ]}
          />
        </section>

        <section aria-labelledby="privacy-sent">
          <h2 id="privacy-sent">{t('privacy.sent.heading')}</h2>
          <Items
            c={c}
            facts={facts}
            keys={[
              'privacy.sent.mail',
              'privacy.sent.webhooks',
              'privacy.sent.wallets',
              'privacy.sent.apps',
              'privacy.sent.share',
              'privacy.sent.log',
              'privacy.sent.fetch',
            ]}
          />
        </section>
      </article>
    </Layout>
  );
}
