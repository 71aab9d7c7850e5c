import type { Hono } from 'hono';
import { LINK_LIFETIMES_MS, SESSION_LIFETIME_MS } from '../../domain/earner/email-links.js';
import { DEFAULT_MAIL_RETENTION_DAYS } from '../../domain/mail/forget-sent-mail.js';
import { MIN_RESPONDENTS } from '../../domain/outcomes/achievement-outcomes.js';
import { PRIVACY_PAGE_PATH, TERMS_PAGE_PATH } from '../../domain/policy/policy-urls.js';
import { JOB_RESULTS_KEPT_MS } from '../../domain/verification/verification-jobs.js';
import { SESSION_COOKIE } from '../../edge/session-earner.js';
import { SITE_COOKIES } from '../shared/site-cookies.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { type PrivacyFacts, PrivacyPage } from './privacy-page.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * `/privacy`: the built-in page, from the lifetimes and settings the code enforces; or, when the operator
 * names their own policy (`PRIVACY_POLICY_URL`), a redirect to it, so that links already out (mails, other
 * hosts' client records) still lead to the policy in force.
 */
export function mountPrivacyRoutes(web: Hono<WebEnv>, { platform, options }: WebDeps): void {
  const facts: PrivacyFacts = {
    host: new URL(platform.publicUrl).host,
    mailFrom: options.mail?.from,
    mailRetentionDays: options.mail?.retentionDays ?? DEFAULT_MAIL_RETENTION_DAYS,
    sessionDays: SESSION_LIFETIME_MS / DAY_MS,
    signInLinkMinutes: LINK_LIFETIMES_MS['sign-in'] / MINUTE_MS,
    confirmLinkHours: LINK_LIFETIMES_MS['verify-email'] / HOUR_MS,
    claimLinkDays: LINK_LIFETIMES_MS.claim / DAY_MS,
    verificationResultDays: JOB_RESULTS_KEPT_MS / DAY_MS,
    minRespondents: MIN_RESPONDENTS,
    cookies: [
      { name: SITE_COOKIES.csrf.name, key: 'privacy.cookie.csrf' },
      { name: SESSION_COOKIE, key: 'privacy.cookie.session' },
      { name: SITE_COOKIES.locale.name, key: 'privacy.cookie.lang' },
      {
        name: SITE_COOKIES.signInSent.name,
        key: 'privacy.cookie.signinSent',
        params: { minutes: SITE_COOKIES.signInSent.seconds / 60 },
      },
      {
        name: SITE_COOKIES.afterSignIn.name,
        key: 'privacy.cookie.afterSignin',
        params: { minutes: SITE_COOKIES.afterSignIn.seconds / 60 },
      },
    ],
  };
  web.get(PRIVACY_PAGE_PATH, (c) => {
    const policies = platform.policyUrls;
    if (!policies.builtInPrivacyPage) return c.redirect(policies.privacyPolicy, 302);
    return c.html(<PrivacyPage c={c} facts={facts} />);
  });
  // Registrations at other hosts name this address (their rules want one on this host): it leads on.
  web.get(TERMS_PAGE_PATH, (c) => c.redirect(platform.policyUrls.termsOfService, 302));
}
