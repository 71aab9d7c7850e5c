import type { Context } from 'hono';
import type { NotificationSettings } from '../../domain/notify/notification-settings.js';
import { NOTIFICATION_KINDS } from '../../domain/ports/index.js';
import { PostForm } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';

/** The earner's choice of notification mails, one checkbox per kind, on `/account/settings`. */
export function NotificationSettingsSection(props: {
  readonly c: Context<WebEnv>;
  readonly settings: NotificationSettings;
}) {
  const { c, settings } = props;
  const t = c.get('t');
  return (
    <section aria-labelledby="notifications-heading" id="notifications">
      <h2 id="notifications-heading">{t('notify.settings.heading')}</h2>
      <p>{t('notify.settings.lead')}</p>
      <PostForm c={c} action="/account/notifications">
        {NOTIFICATION_KINDS.map((kind) => (
          <>
            <p class="checkbox">
              <input
                id={`notify-${kind}`}
                type="checkbox"
                name={kind}
                checked={settings[kind]}
                aria-describedby={`notify-${kind}-hint`}
              />
              <label for={`notify-${kind}`}>{t(`notify.kind.${kind}`)}</label>
            </p>
            <p class="hint" id={`notify-${kind}-hint`}>
              {t(`notify.kindHint.${kind}`)}
            </p>
          </>
        ))}
        <div class="actions">
          <button type="submit">{t('notify.settings.save')}</button>
        </div>
      </PostForm>
    </section>
  );
}
