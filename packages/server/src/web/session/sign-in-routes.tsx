import type { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { isServerError } from '../../domain/error/server-error.js';
import { normalizeEmail } from '../../domain/identity/normalize-email.js';
import { enforceRateLimit } from '../../edge/rate-limits.js';
import { takeAfterSignIn } from '../shared/after-sign-in.js';
import { ConfirmLinkPage } from '../shared/confirm-link-page.js';
import { SITE_COOKIES } from '../shared/site-cookies.js';
import { formField, readForm, signIn, signOut } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { SignInPage } from './sign-in-page.js';

// The address a link was just mailed to, for the page the form redirects to: kept in this browser's own
// cookie rather than the address bar, whose text another site could choose, and only for a few minutes.
const SENT_COOKIE = SITE_COOKIES.signInSent.name;
const SENT_SECONDS = SITE_COOKIES.signInSent.seconds;

/** `/signin` by emailed link, and `/signout`. */
export function mountSignInRoutes(web: Hono<WebEnv>, { platform, options }: WebDeps): void {
  // The form redirects here with `?done=sent`, so a reload cannot mail another link.
  web.get('/signin', (c) => {
    const sent = c.req.query('done') === 'sent' ? { email: getCookie(c, SENT_COOKIE) } : undefined;
    return c.html(
      <SignInPage c={c} devMailbox={options.devMailbox} {...(sent === undefined ? {} : { sent })} />,
    );
  });
  web.post('/signin', async (c) => {
    const form = await readForm(c);
    const email = formField(form, 'email');
    // Each request mails the address: past its limit, nothing more is queued for that inbox (429).
    if (email.includes('@')) await enforceRateLimit(c, 'signin-address', normalizeEmail(email));
    try {
      await platform.earners.requestSignIn({ email, locale: c.get('t').locale });
    } catch (error) {
      if (!isServerError(error) && !(error instanceof Error && error.name === 'ZodError')) throw error;
      return c.html(
        <SignInPage c={c} devMailbox={options.devMailbox} error={c.get('t')('signin.invalid')} />,
        400,
      );
    }
    setCookie(c, SENT_COOKIE, email.trim(), {
      httpOnly: true,
      secure: options.secureCookies,
      sameSite: 'Lax',
      path: '/signin',
      maxAge: SENT_SECONDS,
    });
    return c.redirect('/signin?done=sent', 303);
  });
  web.get('/signin/:secret', (c) => {
    const t = c.get('t');
    return c.html(
      <ConfirmLinkPage
        c={c}
        title={t('signin.confirmTitle')}
        text={t('signin.confirmText')}
        action={c.req.path}
        button={t('signin.confirmButton')}
      />,
    );
  });
  web.post('/signin/:secret', async (c) => {
    await readForm(c);
    const earnerId = await platform.earners.signInWithLink({
      secret: c.req.param('secret'),
      locale: c.get('t').locale,
    });
    signIn(c, options, await platform.earners.startSession(earnerId));
    const after = takeAfterSignIn(c);
    if (after !== null) return c.redirect(after, 303);
    // Issuer staff come for the console, employers' staff for their workspace; everyone else for their
    // credentials (all are in the menu).
    const staff = await platform.staff.accessOf(earnerId);
    if (staff.isAdmin || staff.workspaces.length > 0) return c.redirect('/console', 303);
    const employer = await platform.employers.accessOf(earnerId);
    return c.redirect(employer.workspaces.length > 0 ? '/employer' : '/account', 303);
  });
  web.post('/signout', async (c) => {
    await readForm(c);
    const secret = c.get('sessionSecret');
    if (secret !== null) await platform.earners.endSession(secret);
    signOut(c);
    return c.redirect('/', 303);
  });
}
