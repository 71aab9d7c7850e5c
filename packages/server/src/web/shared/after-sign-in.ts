import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SITE_COOKIES } from './site-cookies.js';
import type { WebEnv } from './web-env.js';

const AFTER_SIGN_IN_COOKIE = SITE_COOKIES.afterSignIn.name;
const AFTER_SIGN_IN_SECONDS = SITE_COOKIES.afterSignIn.seconds;

/** A path of this site (never `//host` or `/\\host`, which browsers read as another site). */
function isOwnPath(value: string): boolean {
  return /^\/(?![/\\])/.test(value) && value.length <= 4096 && !/[\r\n]/.test(value);
}

/**
 * Where to take this browser once it signs in: a page that needs an earner and was opened signed out
 * with a state of its own (an app's consent request, whose query the sign-in mail cannot carry).
 */
export function rememberAfterSignIn(c: Context<WebEnv>, path: string, options: { secure: boolean }): void {
  if (!isOwnPath(path)) return;
  setCookie(c, AFTER_SIGN_IN_COOKIE, path, {
    httpOnly: true,
    secure: options.secure,
    sameSite: 'Lax',
    path: '/',
    maxAge: AFTER_SIGN_IN_SECONDS,
  });
}

/** The page `rememberAfterSignIn` kept for this browser, once (null when none). */
export function takeAfterSignIn(c: Context<WebEnv>): string | null {
  const path = getCookie(c, AFTER_SIGN_IN_COOKIE);
  if (path === undefined) return null;
  deleteCookie(c, AFTER_SIGN_IN_COOKIE, { path: '/' });
  return isOwnPath(path) ? path : null;
}
