import { type Context, Hono } from 'hono';
import { ZodError } from 'zod';
import { isServerError, ServerError, ServerErrorCode } from '../domain/error/server-error.js';
import type { Platform } from '../domain/platform.js';
import { enforceRateLimit } from '../edge/rate-limits.js';
import { fetchCredential } from './fetch-credential.js';
import { MyCredentialsPage, SettingsPage } from './pages/account-pages.js';
import { ConfirmLinkPage, MessagePage } from './pages/simple-pages.js';
import { readUpload, UPLOAD_LIMIT_BYTES } from './read-upload.js';
import { formField, readForm, requireEarner, signIn, signOut } from './web-context.js';
import type { WebEnv, WebOptions } from './web-env.js';

/** A refusal the earner can act on (a taken handle, a bad address), as opposed to a fault. */
function userMessage(error: unknown): string | null {
  if (error instanceof ZodError) return error.issues.map((issue) => issue.message).join('; ');
  if (
    isServerError(error) &&
    error.code !== ServerErrorCode.INTERNAL &&
    error.code !== ServerErrorCode.NOT_FOUND
  ) {
    return error.message;
  }
  return null;
}

/** Where to go back to after a small change: the page the form was on, if it is one of ours. */
function backTo(c: Context<WebEnv>, fallback: string): string {
  const referer = c.req.header('Referer');
  if (referer === undefined) return fallback;
  try {
    const url = new URL(referer);
    return url.origin === new URL(c.req.url).origin ? `${url.pathname}${url.search}` : fallback;
  } catch {
    return fallback;
  }
}

/** The signed-in earner's pages: credentials, choices, imports, settings, addresses, export, deletion. */
export function AccountRoutes(deps: { platform: Platform; options: WebOptions }): Hono<WebEnv> {
  const { platform, options } = deps;
  const account = new Hono<WebEnv>();

  async function myCredentials(
    c: Context<WebEnv>,
    notes: { message?: string; error?: string } = {},
    status: 200 | 400 = 200,
  ) {
    const earner = requireEarner(c);
    const items = await platform.earners.portfolio(earner.id);
    return c.html(<MyCredentialsPage c={c} earner={earner} items={items} {...notes} />, status);
  }

  async function settings(
    c: Context<WebEnv>,
    notes: { message?: string; error?: string } = {},
    status: 200 | 400 = 200,
  ) {
    const earner = requireEarner(c);
    const fresh = await platform.earners.get(earner.id);
    c.set('earner', fresh);
    const emails = await platform.earners.listEmails(earner.id);
    return c.html(<SettingsPage c={c} earner={fresh} emails={emails} {...notes} />, status);
  }

  account.get('/account', (c) => myCredentials(c));

  account.post('/account/credentials/:id', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    const id = c.req.param('id');
    const chosen = formField(form, 'choice');
    if (chosen !== '' && chosen !== 'accepted' && chosen !== 'declined') {
      throw new ServerError(ServerErrorCode.VALIDATION_ERROR, 'unknown choice');
    }
    const visibility = formField(form, 'visibility') === 'public' ? 'public' : 'private';
    await platform.earners.choose(earner.id, id, {
      ...(chosen === '' ? {} : { choice: chosen }),
      visibility,
    });
    return c.redirect(backTo(c, '/account'), 303);
  });

  account.post('/account/imports', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    const t = c.get('t');
    try {
      const upload = await readUpload(form.file);
      const text = formField(form, 'text').trim();
      const url = formField(form, 'url').trim();
      const credential =
        upload ?? (text !== '' ? text : url !== '' ? await fetchCredential(platform, url, earner.id) : null);
      if (credential === null) return myCredentials(c, { error: t('import.nothing') }, 400);
      const imported = await platform.earners.importCredential(earner.id, {
        credential,
        sourceUrl: upload === null && text === '' && url !== '' ? url : null,
      });
      return c.redirect(`/imported/${imported.id}`, 303);
    } catch (error) {
      if (isServerError(error) && error.code === ServerErrorCode.PAYLOAD_TOO_LARGE) {
        return myCredentials(
          c,
          { error: t('upload.tooLarge', { limit: Math.round(UPLOAD_LIMIT_BYTES / 1024 / 1024) }) },
          400,
        );
      }
      if (isServerError(error) && error.code === ServerErrorCode.UNSUPPORTED_MEDIA_TYPE) {
        return myCredentials(c, { error: t('upload.wrongType') }, 400);
      }
      const message = userMessage(error);
      if (message === null) throw error;
      return myCredentials(c, { error: message }, 400);
    }
  });
  account.post('/account/imports/:id', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    await platform.earners.setImportVisibility(
      earner.id,
      c.req.param('id'),
      formField(form, 'visibility') === 'public' ? 'public' : 'private',
    );
    return c.redirect(backTo(c, '/account'), 303);
  });
  account.post('/account/imports/:id/delete', async (c) => {
    const earner = requireEarner(c);
    await readForm(c);
    await platform.earners.deleteImport(earner.id, c.req.param('id'));
    return c.redirect('/account', 303);
  });

  account.get('/account/settings', (c) => settings(c));
  account.post('/account/profile', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    try {
      const updated = await platform.earners.updateProfile(earner.id, {
        displayName: formField(form, 'displayName'),
        handle: formField(form, 'handle'),
        locale: formField(form, 'locale') === 'fr' ? 'fr' : 'en',
      });
      c.set('earner', updated);
    } catch (error) {
      const message = userMessage(error);
      if (message === null) throw error;
      return settings(
        c,
        {
          error:
            isServerError(error) && error.code === ServerErrorCode.CONFLICT
              ? c.get('t')('settings.handleTaken')
              : message,
        },
        400,
      );
    }
    return settings(c, { message: c.get('t')('settings.saved') });
  });
  account.post('/account/emails', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    const email = formField(form, 'email');
    // Each request mails the address: past its limit, nothing more is queued for that inbox (429).
    await enforceRateLimit(c, 'confirm-address', email.trim().toLowerCase());
    try {
      await platform.earners.addEmail(earner.id, { email, locale: c.get('t').locale });
    } catch (error) {
      const message = userMessage(error);
      if (message === null) throw error;
      return settings(c, { error: message }, 400);
    }
    return settings(c, { message: c.get('t')('settings.confirmationSent', { email: email.trim() }) });
  });
  account.post('/account/emails/:id/remove', async (c) => {
    const earner = requireEarner(c);
    await readForm(c);
    try {
      await platform.earners.removeEmail(earner.id, c.req.param('id'));
    } catch (error) {
      const message = userMessage(error);
      if (message === null) throw error;
      return settings(c, { error: message }, 400);
    }
    return c.redirect('/account/settings', 303);
  });
  account.get('/account/emails/verify/:secret', (c) => {
    const t = c.get('t');
    return c.html(
      <ConfirmLinkPage
        c={c}
        title={t('verifyEmail.title')}
        text={t('verifyEmail.text')}
        action={c.req.path}
        button={t('verifyEmail.button')}
      />,
    );
  });
  account.post('/account/emails/verify/:secret', async (c) => {
    await readForm(c);
    const earnerId = await platform.earners.verifyEmail(c.req.param('secret'));
    if (c.get('earner')?.id !== earnerId) signIn(c, options, await platform.earners.startSession(earnerId));
    return c.redirect('/account', 303);
  });

  account.get('/account/export.json', async (c) => {
    const earner = requireEarner(c);
    const data = await platform.earners.exportAccount(earner.id);
    return c.body(JSON.stringify(data, null, 2), 200, {
      'Content-Type': 'application/json',
      'Content-Disposition': 'attachment; filename="microcred-export.json"',
    });
  });
  account.get('/account/export-clr.json', async (c) => {
    const earner = requireEarner(c);
    const data = await platform.earners.exportClrBundle(earner.id);
    return c.body(JSON.stringify(data, null, 2), 200, {
      'Content-Type': 'application/json',
      'Content-Disposition': 'attachment; filename="microcred-clr.json"',
    });
  });
  account.post('/account/delete', async (c) => {
    const earner = requireEarner(c);
    await readForm(c);
    await platform.earners.deleteAccount(earner.id);
    signOut(c);
    c.set('earner', null);
    const t = c.get('t');
    return c.html(<MessagePage c={c} title={t('settings.deletedTitle')} text={t('settings.deletedText')} />);
  });
  return account;
}
