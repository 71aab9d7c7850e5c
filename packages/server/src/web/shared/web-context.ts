import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { newSecret, SESSION_LIFETIME_MS } from '../../domain/earner/email-links.js';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { Platform } from '../../domain/platform.js';
import { revalidatedResponse } from '../../edge/representation/cacheable-response.js';
import { SESSION_COOKIE, sessionEarner } from '../../edge/session-earner.js';
import { isLocale, negotiateLocale, translator } from '../../i18n/translate.js';
import { SITE_COOKIES } from './site-cookies.js';
import type { WebEnv, WebOptions } from './web-env.js';

const CSRF_COOKIE = SITE_COOKIES.csrf.name;
const LOCALE_COOKIE = SITE_COOKIES.locale.name;

/**
 * Pages may load only what this origin serves (plus https images issuers host themselves); no inline
 * script, no plugins, no framing, forms post only here.
 */
export const PAGE_CSP =
  "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; object-src 'none'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function cookieOptions(options: WebOptions, maxAgeSeconds?: number) {
  return {
    httpOnly: true,
    secure: options.secureCookies,
    sameSite: 'Lax' as const,
    path: '/',
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

/** Language, session and form token for every page; the page security headers on every answer. */
export function webContext(platform: Platform, options: WebOptions): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    // Several page patterns can match one path (`/signin` and `/signin/*`): set up once.
    if (c.get('t') !== undefined) return next();
    const { sessionSecret, earner } = await sessionEarner(platform, c);
    if (sessionSecret !== null && earner === null) deleteCookie(c, SESSION_COOKIE, { path: '/' });

    const asked = c.req.query('lang');
    if (isLocale(asked))
      setCookie(c, LOCALE_COOKIE, asked, {
        ...cookieOptions(options, SITE_COOKIES.locale.seconds),
        httpOnly: false,
      });
    const cookieLocale = getCookie(c, LOCALE_COOKIE);
    const locale = isLocale(asked)
      ? asked
      : isLocale(cookieLocale)
        ? cookieLocale
        : (earner?.locale ?? negotiateLocale(c.req.header('Accept-Language')));

    let csrfToken = getCookie(c, CSRF_COOKIE);
    if (csrfToken === undefined || !/^[A-Za-z0-9_-]{43}$/.test(csrfToken)) {
      csrfToken = newSecret();
      setCookie(c, CSRF_COOKIE, csrfToken, cookieOptions(options));
    }
    c.set('t', translator(locale));
    c.set('earner', earner);
    const [staff, employer] =
      earner === null
        ? [null, null]
        : await Promise.all([platform.staff.accessOf(earner.id), platform.employers.accessOf(earner.id)]);
    c.set('staff', staff);
    c.set('employer', employer);
    c.set('sessionSecret', earner === null ? null : sessionSecret);
    c.set('csrfToken', csrfToken);
    c.set('policies', platform.policyUrls);
    await next();
    const formTarget = c.get('formRedirectOrigin');
    c.header(
      'Content-Security-Policy',
      formTarget === undefined
        ? PAGE_CSP
        : PAGE_CSP.replace("form-action 'self'", `form-action 'self' ${formTarget}`),
      { append: false },
    );
    c.header('Content-Language', locale);
    c.header('Vary', 'Cookie, Accept-Language', { append: true });
    if (earner === null && isPublicPage(c)) await revalidatedResponse(c, { cacheControl: PUBLIC_PAGE_CACHE });
    else c.header('Cache-Control', 'no-store', { append: false });
  };
}

/**
 * The pages that show what is public (home, catalogue, achievement, credential, issuer, skill, endorsement
 * and portfolio pages, the empty verify form, the privacy page), as a visitor who is not signed in gets them. Pages behind
 * a secret link (claim, sign-in, unsubscribe) or for someone signed in stay `no-store`.
 */
const PUBLIC_PAGES = [
  /^\/$/,
  /^\/achievements(?:\/[^/]+)?$/,
  /^\/credentials\/[^/]+$/,
  /^\/issuers\/[^/]+$/,
  /^\/skills\/[^/]+$/,
  /^\/endorsements\/[^/]+$/,
  /^\/u\/[^/]+$/,
  /^\/verify$/,
  /^\/privacy$/,
];

// Private: every page carries the visitor's form token (and may set its cookie), so no shared cache may
// hand it to another visitor. no-cache: a revocation or an edit must show at once, so the browser asks
// each time, and gets a 304 while nothing changed.
const PUBLIC_PAGE_CACHE = 'private, no-cache';

function isPublicPage(c: Context<WebEnv>): boolean {
  return (
    (c.req.method === 'GET' || c.req.method === 'HEAD') &&
    c.res.status === 200 &&
    (c.res.headers.get('Content-Type') ?? '').startsWith('text/html') &&
    PUBLIC_PAGES.some((page) => page.test(c.req.path)) &&
    // `/verify?url=…` is a verification run for this visitor, not the form.
    (c.req.path !== '/verify' || c.req.query('url') === undefined)
  );
}

/**
 * Lets this page's form lead to `origin` (CSP `form-action` also governs the redirects a form's answer
 * makes): only for a form whose answer sends the browser to another site by design (OAuth consent).
 */
export function allowFormRedirectTo(c: Context<WebEnv>, origin: string): void {
  // An origin is scheme, host and port: nothing a CSP source list would read as another directive.
  if (/^https?:\/\/[A-Za-z0-9.[\]:-]+$/.test(origin)) c.set('formRedirectOrigin', origin);
}

/**
 * A posted form, refused unless its token is the one in its cookie: another site can make a browser post
 * (cookies and all) but can read neither the cookie nor our pages, so it cannot know the token.
 */
export async function readForm(c: Context<WebEnv>): Promise<Record<string, unknown>> {
  const form = (await c.req.parseBody()) as Record<string, unknown>;
  const sent = form._csrf;
  const expected = c.get('csrfToken');
  const ok =
    typeof sent === 'string' &&
    sent.length === expected.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok)
    throw new ServerError(ServerErrorCode.FORBIDDEN, 'this form has expired: reload the page and try again');
  return form;
}

/** A text field of a posted form ('' when absent or a file). */
export function formField(form: Readonly<Record<string, unknown>>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

export function signIn(c: Context<WebEnv>, options: WebOptions, secret: string): void {
  setCookie(c, SESSION_COOKIE, secret, cookieOptions(options, Math.floor(SESSION_LIFETIME_MS / 1000)));
}

export function signOut(c: Context<WebEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Whether the signed-in person works for an issuer (or runs the platform): the console is for them. */
export function hasConsole(c: Context<WebEnv>): boolean {
  const staff = c.get('staff');
  return staff !== null && (staff.isAdmin || staff.workspaces.length > 0);
}

/** Whether the signed-in person works for an employer (or runs the platform): the workspace is for them. */
export function hasEmployerWorkspace(c: Context<WebEnv>): boolean {
  const access = c.get('employer');
  return access !== null && access !== undefined && (access.isAdmin || access.workspaces.length > 0);
}

/** The signed-in earner, or a redirect to sign in. */
export function requireEarner(c: Context<WebEnv>) {
  const earner = c.get('earner');
  if (earner === null) throw new ServerError(ServerErrorCode.UNAUTHORIZED, 'sign in to continue');
  return earner;
}
