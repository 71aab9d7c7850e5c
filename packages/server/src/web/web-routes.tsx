import { readFileSync } from 'node:fs';
import type { CredentialInput } from '@microcred/vc';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { isServerError, ServerError, ServerErrorCode } from '../domain/error/server-error.js';
import type { Platform } from '../domain/platform.js';
import { negotiateMediaType } from '../edge/negotiate-media-type.js';
import { toProblem } from '../edge/problem/to-problem.js';
import { enforceRateLimit } from '../edge/rate-limits.js';
import { negotiateLocale, translator } from '../i18n/translate.js';
import { AccountRoutes } from './account-routes.js';
import { downloadRoutes } from './download-routes.js';
import { fetchCredential } from './fetch-credential.js';
import { ImportedCredentialPage, IssuedCredentialPage } from './pages/credential-page.js';
import { AchievementPage, IssuerPage } from './pages/issuer-pages.js';
import { PublicPortfolioPage } from './pages/portfolio-page.js';
import {
  ClaimPage,
  ConfirmLinkPage,
  HomePage,
  MailboxPage,
  MailPage,
  MessagePage,
  SignInPage,
} from './pages/simple-pages.js';
import { VerifyPage } from './pages/verify-page.js';
import { pathwayPageRoutes } from './pathway-page-routes.js';
import { readUpload, UPLOAD_LIMIT_BYTES } from './read-upload.js';
import { formField, readForm, signIn, signOut, webContext } from './web-context.js';
import type { WebEnv, WebOptions } from './web-env.js';

const ASSETS: Readonly<Record<string, { type: string; body: string }>> = {
  'site.css': {
    type: 'text/css; charset=utf-8',
    body: readFileSync(new URL('./assets/site.css', import.meta.url), 'utf8'),
  },
  'site.js': {
    type: 'text/javascript; charset=utf-8',
    body: readFileSync(new URL('./assets/site.js', import.meta.url), 'utf8'),
  },
};

/** Paths whose every answer is a page (the negotiated ones, /credentials/{id} and /achievements/{id}, are added per request). */
const PAGE_PATHS = [
  '/',
  '/signin',
  '/signin/*',
  '/signout',
  '/claim/*',
  '/account',
  '/account/*',
  '/u/*',
  '/verify',
  '/imported/*',
  '/issuers/:slug',
  '/dev/*',
];

/** A browser asking for a page, as opposed to a client asking for the JSON document at the same URL. */
export function wantsHtml(c: Context): boolean {
  return (
    negotiateMediaType({ accept: c.req.header('Accept'), offers: ['application/json', 'text/html'] }) ===
    'text/html'
  );
}

/** Error pages for browsers: the same codes as the API's problems, in words. */
export function renderWebError(c: Context<WebEnv>, error: unknown): Response | Promise<Response> {
  const { problem, internal } = toProblem(error, { instance: c.req.path });
  if (internal) c.get('logger')?.error({ err: error }, 'page failed');
  if (problem.code === ServerErrorCode.UNAUTHORIZED)
    return c.redirect(`/signin?next=${encodeURIComponent(c.req.path)}`, 303);
  if (c.get('t') === undefined) {
    c.set('t', translator(negotiateLocale(c.req.header('Accept-Language'))));
    c.set('earner', null);
    c.set('csrfToken', '');
  }
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

/**
 * The web pages: earners' claim and portfolio, public credential, portfolio, issuer and achievement pages,
 * the verify page, the development mailbox. Server-rendered; the one script only enhances.
 */
export function webRoutes(options: { readonly platform: Platform } & WebOptions): Hono<WebEnv> {
  const { platform } = options;
  const web = new Hono<WebEnv>();
  const context = webContext(platform, options);
  for (const path of PAGE_PATHS) web.use(path, context);
  const negotiated: MiddlewareHandler<WebEnv> = async (c, next) => (wantsHtml(c) ? context(c, next) : next());
  web.use('/credentials/:id', negotiated);
  web.use('/achievements/:id', negotiated);
  web.use('/credentials/:id/download/*', context);
  web.onError((error, c) => renderWebError(c, error));

  web.get('/assets/:name', (c) => {
    const asset = ASSETS[c.req.param('name')];
    if (asset === undefined) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such file');
    return c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=3600' });
  });

  web.get('/', async (c) => {
    const issuers = await platform.issuers.listPublic({ limit: 50 });
    return c.html(<HomePage c={c} issuers={issuers} />);
  });

  web.get('/signin', (c) => c.html(<SignInPage c={c} devMailbox={options.devMailbox} />));
  web.post('/signin', async (c) => {
    const form = await readForm(c);
    const email = formField(form, 'email');
    // Each request mails the address: past its limit, nothing more is queued for that inbox (429).
    if (email.includes('@')) await enforceRateLimit(c, 'signin-address', email.trim().toLowerCase());
    try {
      await platform.earners.requestSignIn({ email, locale: c.get('t').locale });
    } catch (error) {
      if (!isServerError(error) && !(error instanceof Error && error.name === 'ZodError')) throw error;
      return c.html(
        <SignInPage c={c} devMailbox={options.devMailbox} error={c.get('t')('signin.invalid')} />,
        400,
      );
    }
    return c.html(<SignInPage c={c} devMailbox={options.devMailbox} sent={email.trim()} />);
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
    return c.redirect('/account', 303);
  });
  web.post('/signout', async (c) => {
    await readForm(c);
    const secret = c.get('sessionSecret');
    if (secret !== null) await platform.earners.endSession(secret);
    signOut(c);
    return c.redirect('/', 303);
  });

  web.get('/claim/:secret', async (c) => {
    const claim = await platform.earners.viewClaim(c.req.param('secret'));
    return c.html(
      <ClaimPage
        c={c}
        claim={claim}
        secret={c.req.param('secret')}
        imageUrl={`/achievements/${claim.credential.achievementId}/image`}
      />,
    );
  });
  web.post('/claim/:secret/accept', async (c) => {
    await readForm(c);
    const signedIn = c.get('earner');
    const { earnerId, credentialId } = await platform.earners.acceptClaim({
      secret: c.req.param('secret'),
      signedIn: signedIn?.id ?? null,
      locale: c.get('t').locale,
    });
    if (signedIn?.id !== earnerId) signIn(c, options, await platform.earners.startSession(earnerId));
    return c.redirect(`/credentials/${credentialId}`, 303);
  });
  web.post('/claim/:secret/decline', async (c) => {
    await readForm(c);
    await platform.earners.declineClaim({ secret: c.req.param('secret') });
    const t = c.get('t');
    return c.html(<MessagePage c={c} title={t('claim.declinedTitle')} text={t('claim.declinedText')} />);
  });

  web.route('/', AccountRoutes({ platform, options }));
  web.route('/', pathwayPageRoutes({ platform }));
  web.route('/', downloadRoutes({ platform }));

  web.get('/u/:handle', async (c) => {
    const portfolio = await platform.earners.publicPortfolio(c.req.param('handle'));
    return c.html(
      <PublicPortfolioPage
        c={c}
        portfolio={portfolio}
        pageUrl={`${platform.publicUrl}/u/${portfolio.earner.handle}`}
      />,
    );
  });

  web.get('/credentials/:id', async (c, next) => {
    if (!wantsHtml(c)) return next();
    const viewer = c.get('earner');
    const page = await platform.earners.viewCredential(c.req.param('id'), viewer?.id ?? null);
    const report = await platform.verify(page.credential.jwt ?? page.credential.document);
    const base = platform.publicUrl;
    return c.html(
      <IssuedCredentialPage
        c={c}
        page={page}
        report={report}
        pageUrl={`${base}/credentials/${page.credential.id}`}
        imageUrl={`${base}/achievements/${page.credential.achievementId}/image`}
      />,
    );
  });

  web.get('/imported/:id', async (c) => {
    const viewer = c.get('earner');
    const { imported } = await platform.earners.viewImport(c.req.param('id'), viewer?.id ?? null);
    // Verified again on every view: a revocation after the import shows at once.
    const report = await platform.verify(imported.jwt ?? imported.document);
    return c.html(
      <ImportedCredentialPage
        c={c}
        imported={imported}
        report={report}
        isOwner={viewer?.id === imported.earnerId}
      />,
    );
  });

  web.get('/achievements/:id', async (c, next) => {
    if (!wantsHtml(c)) return next();
    const { achievement, issuer, earners } = await platform.achievements.viewPublic(c.req.param('id'));
    return c.html(<AchievementPage c={c} achievement={achievement} issuer={issuer} earners={earners} />);
  });

  web.get('/issuers/:slug', async (c) => {
    const { issuer, did, achievements } = await platform.issuers.viewPublic(c.req.param('slug'));
    return c.html(<IssuerPage c={c} issuer={issuer} did={did} achievements={achievements} />);
  });

  web.get('/verify', async (c) => {
    const url = c.req.query('url');
    if (url === undefined || url.trim() === '') return c.html(<VerifyPage c={c} />);
    return renderVerification(c, platform, { url: url.trim() });
  });
  web.post('/verify', async (c) => {
    const form = await readForm(c);
    return renderVerification(c, platform, form);
  });

  if (options.devMailbox) {
    web.get('/dev/mailbox', async (c) => c.html(<MailboxPage c={c} mails={await platform.mail.list(200)} />));
    web.get('/dev/mailbox/:id', async (c) => {
      const mail = await platform.mail.find(c.req.param('id'));
      if (mail === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such mail');
      return c.html(<MailPage c={c} mail={mail} />);
    });
  }

  return web;
}

/** Reads what the verify form was given (file, pasted text or URL) into a verifier input. */
async function credentialFromForm(
  platform: Platform,
  form: Record<string, unknown>,
  viewer: string | null,
): Promise<{ input: CredentialInput; url: string | null } | null> {
  const upload = await readUpload(form.file);
  if (upload !== null) return { input: upload, url: null };
  const text = typeof form.text === 'string' ? form.text.trim() : '';
  if (text !== '') return { input: text, url: null };
  const url = typeof form.url === 'string' ? form.url.trim() : '';
  if (url === '') return null;
  return { input: await fetchCredential(platform, url, viewer), url };
}

async function renderVerification(c: Context<WebEnv>, platform: Platform, form: Record<string, unknown>) {
  const t = c.get('t');
  const url = typeof form.url === 'string' ? form.url : undefined;
  let source: Awaited<ReturnType<typeof credentialFromForm>>;
  try {
    source = await credentialFromForm(platform, form, c.get('earner')?.id ?? null);
  } catch (error) {
    if (!isServerError(error)) throw error;
    const message =
      error.code === ServerErrorCode.PAYLOAD_TOO_LARGE
        ? t('upload.tooLarge', { limit: Math.round(UPLOAD_LIMIT_BYTES / 1024 / 1024) })
        : error.code === ServerErrorCode.UNSUPPORTED_MEDIA_TYPE
          ? t('upload.wrongType')
          : error.code === ServerErrorCode.NOT_FOUND
            ? t('verify.urlNotFound')
            : error.code === ServerErrorCode.RESOURCE_UNAVAILABLE
              ? t('verify.urlUnavailable')
              : error.message;
    return c.html(<VerifyPage c={c} error={message} {...(url === undefined ? {} : { url })} />, 400);
  }
  if (source === null) return c.html(<VerifyPage c={c} error={t('verify.nothing')} />, 400);
  const report = await platform.verify(source.input);
  return c.html(<VerifyPage c={c} report={report} {...(url === undefined ? {} : { url })} />);
}
