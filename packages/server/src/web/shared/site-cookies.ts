/**
 * The cookies the pages set besides the session's (`SESSION_COOKIE`, edge/session-earner.ts): named here
 * once, so that the code that sets each and the privacy page that lists them cannot drift apart.
 */
export const SITE_COOKIES = {
  /** The anti-CSRF token forms double-submit; a browser-session cookie. */
  csrf: { name: 'mc_csrf' },
  /** The language picked with `?lang=`. */
  locale: { name: 'mc_lang', seconds: 365 * 86400 },
  /** The address a sign-in link was just sent to, shown back on `/signin` (its path only). */
  signInSent: { name: 'mc_signin_sent', seconds: 10 * 60 },
  /**
   * The page to return to once signed in (see after-sign-in.ts): long enough to find the mail and open
   * its link; the sign-in link itself lives 30 minutes.
   */
  afterSignIn: { name: 'mc_after_signin', seconds: 30 * 60 },
} as const;
