import type { Context } from 'hono';
import { ServerErrorCode } from '../../domain/error/server-error.js';
import type { PolicyUrls } from '../../domain/policy/policy-urls.js';
import { toProblem } from '../../edge/problem/to-problem.js';
import { negotiateLocale, translator } from '../../i18n/translate.js';
import { MessagePage } from './message-page.js';
import type { WebEnv } from './web-env.js';

/**
 * Error pages for browsers: the same codes as the API's problems, in words. Outside the page routes (an
 * unknown path) no page context ran: `policies` gives the footer the links every other page has.
 */
export function renderWebError(
  c: Context<WebEnv>,
  error: unknown,
  policies?: PolicyUrls,
): Response | Promise<Response> {
  const { problem, internal } = toProblem(error, { instance: c.req.path });
  if (internal) c.get('logger')?.error({ err: error }, 'page failed');
  if (problem.code === ServerErrorCode.UNAUTHORIZED)
    return c.redirect(`/signin?next=${encodeURIComponent(c.req.path)}`, 303);
  if (c.get('t') === undefined) {
    c.set('t', translator(negotiateLocale(c.req.header('Accept-Language'))));
    c.set('earner', null);
    c.set('staff', null);
    c.set('employer', null);
    c.set('csrfToken', '');
  }
  if (c.get('policies') === undefined && policies !== undefined) c.set('policies', policies);
  const t = c.get('t');
  const retryAfter = Number(problem.details?.retryAfterSeconds ?? 60);
  const title =
    problem.status === 404
      ? t('error.notFound')
      : problem.status >= 500
        ? t('error.internal')
        : problem.code === ServerErrorCode.RATE_LIMITED
          ? t('error.tooMany')
          : t('error.title');
  const text =
    problem.status === 404
      ? t('error.notFoundText')
      : problem.status >= 500
        ? t('error.internalText')
        : problem.code === ServerErrorCode.RATE_LIMITED
          ? t('error.tooManyText', { minutes: Math.max(1, Math.ceil(retryAfter / 60)) })
          : problem.detail;
  c.header(
    'Content-Security-Policy',
    "default-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  );
  return c.html(
    <MessagePage
      c={c}
      title={title}
      text={text}
      status="error"
      link={{ href: '/', label: t('error.home') }}
    />,
    problem.status as 400,
  );
}
