import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { type PolicyUrls, PRIVACY_PAGE_PATH } from '../../domain/policy/policy-urls.js';
import { LOCALES } from '../../i18n/translate.js';
import { hasConsole, hasEmployerWorkspace } from './web-context.js';
import type { WebEnv } from './web-env.js';

/** Open Graph / Twitter card fields for pages people share. */
export interface SharePreview {
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly image: string;
  /** Set for a large PNG card (1200×630): its size and words, and X shows it large. */
  readonly card?: { readonly width: number; readonly height: number; readonly alt: string };
}

export function Layout(props: {
  readonly c: Context<WebEnv>;
  readonly title: string;
  readonly description?: string;
  readonly preview?: SharePreview;
  readonly children: Child;
}) {
  const { c } = props;
  const t = c.get('t');
  const earner = c.get('earner');
  const path = c.req.path;
  return (
    <html lang={t.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · microcred`}</title>
        {props.description === undefined ? null : <meta name="description" content={props.description} />}
        {props.preview === undefined ? null : (
          <>
            <meta property="og:type" content="website" />
            <meta property="og:title" content={props.preview.title} />
            <meta property="og:description" content={props.preview.description} />
            <meta property="og:url" content={props.preview.url} />
            <meta property="og:image" content={props.preview.image} />
            {props.preview.card === undefined ? null : (
              <>
                <meta property="og:image:type" content="image/png" />
                <meta property="og:image:width" content={String(props.preview.card.width)} />
                <meta property="og:image:height" content={String(props.preview.card.height)} />
                <meta property="og:image:alt" content={props.preview.card.alt} />
                <meta name="twitter:image:alt" content={props.preview.card.alt} />
              </>
            )}
            <meta
              name="twitter:card"
              content={props.preview.card === undefined ? 'summary' : 'summary_large_image'}
            />
            <meta name="twitter:title" content={props.preview.title} />
            <meta name="twitter:description" content={props.preview.description} />
            <meta name="twitter:image" content={props.preview.image} />
            <link rel="canonical" href={props.preview.url} />
          </>
        )}
        <link rel="stylesheet" href="/assets/site.css" />
        <link rel="icon" href="/assets/icon.svg" type="image/svg+xml" />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <script src="/assets/site.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          {t('layout.skip')}
        </a>
        <header class="site">
          <nav aria-label={t('layout.nav')}>
            <a class="brand" href="/">
              microcred
            </a>
            <ul>
              <li>
                <a href="/achievements" aria-current={path === '/achievements' ? 'page' : undefined}>
                  {t('nav.catalogue')}
                </a>
              </li>
              <li>
                <a href="/verify" aria-current={path === '/verify' ? 'page' : undefined}>
                  {t('nav.verify')}
                </a>
              </li>
              {earner === null ? (
                <li>
                  <a href="/signin" aria-current={path === '/signin' ? 'page' : undefined}>
                    {t('nav.signIn')}
                  </a>
                </li>
              ) : (
                <>
                  {hasConsole(c) ? (
                    <li>
                      <a href="/console" aria-current={path.startsWith('/console') ? 'page' : undefined}>
                        {t('nav.console')}
                      </a>
                    </li>
                  ) : null}
                  {hasEmployerWorkspace(c) ? (
                    <li>
                      <a href="/employer" aria-current={path.startsWith('/employer') ? 'page' : undefined}>
                        {t('nav.employer')}
                      </a>
                    </li>
                  ) : null}
                  <li>
                    <a href="/account" aria-current={path === '/account' ? 'page' : undefined}>
                      {t('nav.myCredentials')}
                    </a>
                  </li>
                  <li>
                    <a
                      href="/account/settings"
                      aria-current={path === '/account/settings' ? 'page' : undefined}
                    >
                      {t('nav.settings')}
                    </a>
                  </li>
                  <li>
                    <form method="post" action="/signout" class="inline">
                      <input type="hidden" name="_csrf" value={c.get('csrfToken')} />
                      <button type="submit" class="link">
                        {t('nav.signOut')}
                      </button>
                    </form>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site">
          <p>{t('layout.footer')}</p>
          <PolicyLinks c={c} />
          <ul class="languages" aria-label={t('layout.language')}>
            {LOCALES.map((locale) => (
              <li>
                <a
                  href={`?lang=${locale}`}
                  lang={locale}
                  hreflang={locale}
                  aria-current={locale === t.locale ? 'true' : undefined}
                >
                  {LANGUAGE_NAMES[locale] ?? locale}
                </a>
              </li>
            ))}
          </ul>
        </footer>
      </body>
    </html>
  );
}

/**
 * The privacy policy, and the terms when they are a document of their own (without `TERMS_OF_SERVICE_URL`
 * the terms are the privacy page: one link says it). An error page rendered before the page context has
 * no policies: `/privacy` leads to the configured policy anyway.
 */
function PolicyLinks(props: { readonly c: Context<WebEnv> }) {
  const t = props.c.get('t');
  const policies = props.c.get('policies') as PolicyUrls | undefined;
  const privacy = policies?.privacyPolicy ?? PRIVACY_PAGE_PATH;
  const path = props.c.req.path;
  return (
    <nav aria-label={t('layout.policies')}>
      <ul>
        <li>
          <a
            href={privacy}
            data-policy="privacy"
            aria-current={
              path === PRIVACY_PAGE_PATH && policies?.builtInPrivacyPage !== false ? 'page' : undefined
            }
          >
            {t('layout.privacy')}
          </a>
        </li>
        {policies === undefined || policies.termsOfService === policies.privacyPolicy ? null : (
          <li>
            <a href={policies.termsOfService} data-policy="terms">
              {t('layout.terms')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = { en: 'English', fr: 'Français' };

/** A form that posts here with its anti-CSRF token. */
export function PostForm(props: {
  readonly c: Context<WebEnv>;
  readonly action: string;
  readonly children: Child;
  readonly class?: string;
  readonly multipart?: boolean;
  readonly confirm?: string;
}) {
  return (
    <form
      method="post"
      action={props.action}
      class={props.class}
      enctype={props.multipart === true ? 'multipart/form-data' : undefined}
      data-confirm={props.confirm}
    >
      <input type="hidden" name="_csrf" value={props.c.get('csrfToken')} />
      {props.children}
    </form>
  );
}

/** The verdict in words and colour (colour is never the only signal). */
export function StandingBadge(props: { readonly c: Context<WebEnv>; readonly standing: string }) {
  const t = props.c.get('t');
  const label =
    props.standing === 'verified'
      ? t('standing.verified')
      : props.standing === 'unproven'
        ? t('standing.unproven')
        : props.standing === 'revoked'
          ? t('standing.revoked')
          : props.standing === 'suspended'
            ? t('standing.suspended')
            : props.standing === 'expired'
              ? t('standing.expired')
              : t('standing.unverified');
  return (
    <span class={`standing standing-${props.standing}`} data-standing={props.standing}>
      {label}
    </span>
  );
}
