import type { Context, Hono } from 'hono';
import { LAST_CONFIRMED_ADDRESS } from '../../domain/earner/manage-account.js';
import { PUBLIC_PROFILE_LIMITS } from '../../domain/earner/public-profile.js';
import { isServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import { normalizeEmail } from '../../domain/identity/normalize-email.js';
import type { PhotoProblem } from '../../domain/image/photo/prepare-photo.js';
import type { Platform } from '../../domain/platform.js';
import { NOTIFICATION_KINDS } from '../../domain/ports/index.js';
import { enforceRateLimit } from '../../edge/rate-limits.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { ConfirmLinkPage } from '../shared/confirm-link-page.js';
import { doneNote } from '../shared/done-note.js';
import { MessagePage } from '../shared/message-page.js';
import { userMessage } from '../shared/user-message.js';
import { formField, readForm, requireEarner, signIn, signOut } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import type { PublicProfileForm } from './public-profile-section.js';
import { SettingsPage } from './settings-page.js';

/** `/account/settings` as it stands, with a note, or a refused form's values and why it was refused. */
export async function renderSettings(
  c: Context<WebEnv>,
  platform: Platform,
  notes: {
    message?: string;
    error?: string;
    publicProfile?: PublicProfileForm;
    photoProblem?: PhotoProblem;
  } = {},
  status: 200 | 400 | 413 = 200,
) {
  const earner = requireEarner(c);
  const fresh = await platform.earners.get(earner.id);
  c.set('earner', fresh);
  const [emails, notifications, photo] = await Promise.all([
    platform.earners.listEmails(earner.id),
    platform.notifications.settings(earner.id),
    platform.earners.photo(earner.id),
  ]);
  return c.html(
    <SettingsPage
      c={c}
      earner={fresh}
      emails={emails}
      notifications={notifications}
      photo={photo}
      publicUrl={platform.publicUrl}
      {...notes}
    />,
    status,
  );
}

const SETTINGS_DONE = {
  saved: 'settings.saved',
  confirmationSent: 'settings.confirmationSent',
  removed: 'settings.emailRemoved',
  'public-profile': 'publicProfile.saved',
  photo: 'photo.saved',
  'photo-removed': 'photo.removed',
} as const satisfies Record<string, MessageKey>;

// Each form redirects here once it succeeded, so reloading the page cannot send the form again.
const settingsDone = (c: Context<WebEnv>, done: keyof typeof SETTINGS_DONE) =>
  c.redirect(`/account/settings?done=${done}`, 303);

/** `/account/settings` and what it posts to: profile, addresses, export, deletion of the account. */
export function mountSettingsRoutes(web: Hono<WebEnv>, { platform, options }: WebDeps): void {
  web.get('/account/settings', (c) => {
    const message = doneNote(c, SETTINGS_DONE);
    return renderSettings(c, platform, message === undefined ? {} : { message });
  });
  web.post('/account/public-profile', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    const typed = {
      headline: formField(form, 'headline'),
      links: Array.from({ length: PUBLIC_PROFILE_LIMITS.links }, (_, index) => ({
        label: formField(form, `link${index + 1}Label`),
        url: formField(form, `link${index + 1}Url`),
      })),
    };
    const outcome = await platform.earners.updatePublicProfile(earner.id, typed);
    if (!outcome.ok) {
      return renderSettings(
        c,
        platform,
        {
          error: c.get('t')('publicProfile.refused'),
          publicProfile: { ...typed, problems: outcome.problems },
        },
        400,
      );
    }
    return c.redirect('/account/settings?done=public-profile#public-profile-heading', 303);
  });
  web.post('/account/profile', async (c) => {
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
      const message = userMessage(error, c.get('t'));
      if (message === null) throw error;
      return renderSettings(
        c,
        platform,
        {
          error:
            isServerError(error) && error.code === ServerErrorCode.CONFLICT
              ? c.get('t')('settings.handleTaken')
              : message,
        },
        400,
      );
    }
    return settingsDone(c, 'saved');
  });
  web.post('/account/notifications', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    // An unticked checkbox is not posted: every kind the form shows is set, absent meaning off.
    await platform.notifications.setSettings(
      earner.id,
      Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, form[kind] === 'on'])),
    );
    return settingsDone(c, 'saved');
  });
  web.post('/account/emails', async (c) => {
    const earner = requireEarner(c);
    const form = await readForm(c);
    const email = formField(form, 'email');
    // Each request mails the address: past its limit, nothing more is queued for that inbox (429).
    await enforceRateLimit(c, 'confirm-address', normalizeEmail(email));
    try {
      await platform.earners.addEmail(earner.id, { email, locale: c.get('t').locale });
    } catch (error) {
      const message = userMessage(error, c.get('t'));
      if (message === null) throw error;
      return renderSettings(c, platform, { error: message }, 400);
    }
    return settingsDone(c, 'confirmationSent');
  });
  web.post('/account/emails/:id/remove', async (c) => {
    const earner = requireEarner(c);
    await readForm(c);
    try {
      await platform.earners.removeEmail(earner.id, c.req.param('id'));
    } catch (error) {
      if (isServerError(error) && error.details?.reason === LAST_CONFIRMED_ADDRESS) {
        return renderSettings(c, platform, { error: c.get('t')('settings.lastAddress') }, 400);
      }
      const message = userMessage(error, c.get('t'));
      if (message === null) throw error;
      return renderSettings(c, platform, { error: message }, 400);
    }
    return settingsDone(c, 'removed');
  });
  web.get('/account/emails/verify/:secret', (c) => {
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
  web.post('/account/emails/verify/:secret', async (c) => {
    await readForm(c);
    const earnerId = await platform.earners.verifyEmail(c.req.param('secret'));
    if (c.get('earner')?.id !== earnerId) signIn(c, options, await platform.earners.startSession(earnerId));
    return c.redirect('/account', 303);
  });

  web.get('/account/export.json', async (c) => {
    const earner = requireEarner(c);
    const data = await platform.earners.exportAccount(earner.id);
    return c.body(JSON.stringify(data, null, 2), 200, {
      'Content-Type': 'application/json',
      'Content-Disposition': 'attachment; filename="microcred-export.json"',
    });
  });
  web.get('/account/export-clr.json', async (c) => {
    const earner = requireEarner(c);
    const data = await platform.earners.exportClrBundle(earner.id);
    return c.body(JSON.stringify(data, null, 2), 200, {
      'Content-Type': 'application/json',
      'Content-Disposition': 'attachment; filename="microcred-clr.json"',
    });
  });
  web.post('/account/delete', async (c) => {
    const earner = requireEarner(c);
    await readForm(c);
    await platform.earners.deleteAccount(earner.id);
    signOut(c);
    return c.redirect('/account/deleted', 303);
  });
  // Where deleting lands, signed out: it says only what deleting does, so anyone may open it.
  web.get('/account/deleted', (c) => {
    const t = c.get('t');
    return c.html(<MessagePage c={c} title={t('settings.deletedTitle')} text={t('settings.deletedText')} />);
  });
}
