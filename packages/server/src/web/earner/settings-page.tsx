import type { Context } from 'hono';
import type { PhotoProblem } from '../../domain/image/photo/prepare-photo.js';
import type { NotificationSettings } from '../../domain/notify/notification-settings.js';
import type { Earner, EarnerEmail, EarnerPhoto } from '../../domain/ports/index.js';
import { Layout, PostForm } from '../shared/layout.js';
import { Notes } from '../shared/notes.js';
import type { WebEnv } from '../shared/web-env.js';
import { NotificationSettingsSection } from './notification-settings-section.js';
import { PhotoSection } from './photo-section.js';
import {
  type PublicProfileForm,
  PublicProfileSection,
  publicProfileFormOf,
} from './public-profile-section.js';

/** `/account/settings`: profile, photo, portfolio header, addresses, notification mails, export, deletion. */
export function SettingsPage(props: {
  readonly c: Context<WebEnv>;
  readonly earner: Earner;
  readonly emails: readonly EarnerEmail[];
  /** This platform's address, to show the earner their own portfolio's. */
  readonly publicUrl: string;
  readonly notifications: NotificationSettings;
  /** The portfolio header's photo, if any. */
  readonly photo: EarnerPhoto | null;
  /** Why the last uploaded photo was refused. */
  readonly photoProblem?: PhotoProblem;
  /** The portfolio header form as last posted, when it was refused; the stored header otherwise. */
  readonly publicProfile?: PublicProfileForm;
  readonly message?: string;
  readonly error?: string;
}) {
  const { c, earner, emails } = props;
  const t = c.get('t');
  // The only confirmed address cannot be removed: no "Remove" that would only be refused.
  const confirmed = emails.filter((email) => email.verifiedAt !== null).length;
  return (
    <Layout c={c} title={t('settings.title')}>
      <h1>{t('settings.title')}</h1>
      <Notes message={props.message} error={props.error} />
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('settings.profile')}</h2>
        <PostForm c={c} action="/account/profile">
          <label for="display-name">{t('settings.displayName')}</label>
          <input
            id="display-name"
            type="text"
            name="displayName"
            value={earner.displayName ?? ''}
            maxlength={100}
            autocomplete="name"
          />
          <label for="handle">{t('settings.handle')}</label>
          <input
            id="handle"
            type="text"
            name="handle"
            value={earner.handle ?? ''}
            pattern="[a-z0-9][a-z0-9\-]{1,30}[a-z0-9]"
            aria-describedby="handle-hint"
          />
          <p class="hint" id="handle-hint">
            {t('settings.handleHint', {
              address: `${props.publicUrl}/u/${earner.handle ?? t('settings.handleExample')}`,
            })}
          </p>
          <label for="locale">{t('settings.language')}</label>
          <select id="locale" name="locale">
            <option value="en" selected={earner.locale === 'en'}>
              English
            </option>
            <option value="fr" selected={earner.locale === 'fr'}>
              Français
            </option>
          </select>
          <div class="actions">
            <button type="submit">{t('settings.save')}</button>
          </div>
        </PostForm>
      </section>
      <PhotoSection
        c={c}
        earner={earner}
        photo={props.photo}
        {...(props.photoProblem === undefined ? {} : { problem: props.photoProblem })}
      />
      <PublicProfileSection c={c} form={props.publicProfile ?? publicProfileFormOf(earner)} />
      <section aria-labelledby="emails-heading">
        <h2 id="emails-heading">{t('settings.emails')}</h2>
        <p class="hint">{t('settings.emailsHint')}</p>
        <table class="data stack">
          <thead>
            <tr>
              <th scope="col">{t('settings.address')}</th>
              <th scope="col">{t('settings.state')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('settings.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {emails.map((email) => (
              <tr data-email={email.email}>
                <td class="address">{email.email}</td>
                <td data-label={t('settings.state')}>
                  {email.verifiedAt === null ? t('settings.unconfirmed') : t('settings.confirmed')}
                </td>
                <td>
                  {email.verifiedAt !== null && confirmed <= 1 ? null : (
                    <PostForm c={c} action={`/account/emails/${email.id}/remove`}>
                      <button type="submit" class="link">
                        {t('settings.remove')}
                        <span class="visually-hidden"> {email.email}</span>
                      </button>
                    </PostForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <PostForm c={c} action="/account/emails">
          <label for="new-email">{t('settings.addEmail')}</label>
          <input id="new-email" type="email" name="email" required autocomplete="email" />
          <div class="actions">
            <button type="submit">{t('settings.sendConfirmation')}</button>
          </div>
        </PostForm>
      </section>
      <NotificationSettingsSection c={c} settings={props.notifications} />
      <section aria-labelledby="apps-heading">
        <h2 id="apps-heading">{t('apps.title')}</h2>
        <p>
          <a href="/account/apps">{t('apps.settingsLink')}</a>
        </p>
      </section>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t('settings.export')}</h2>
        <p>{t('settings.exportHint')}</p>
        <div class="actions">
          <a class="button secondary" href="/account/export.json" download>
            {t('settings.exportJson')}
          </a>
          <a class="button secondary" href="/account/export-clr.json" download>
            {t('settings.exportClr')}
          </a>
        </div>
      </section>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t('settings.delete')}</h2>
        <p>{t('settings.deleteHint')}</p>
        <PostForm c={c} action="/account/delete" confirm={t('settings.deleteConfirm')}>
          <button type="submit" class="danger">
            {t('settings.deleteButton')}
          </button>
        </PostForm>
      </section>
    </Layout>
  );
}
