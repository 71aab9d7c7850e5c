import type { Context, Hono } from 'hono';
import type { NotificationKind } from '../../domain/ports/index.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { doneNote } from '../shared/done-note.js';
import { Layout, PostForm } from '../shared/layout.js';
import { MessagePage } from '../shared/message-page.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';

function ConfirmPage(props: {
  readonly c: Context<WebEnv>;
  readonly kind: NotificationKind;
  readonly action: string;
}) {
  const t = props.c.get('t');
  return (
    <Layout c={props.c} title={t('notify.unsubscribePage.title')}>
      <h1>{t('notify.unsubscribePage.title')}</h1>
      <p>{t('notify.unsubscribePage.confirm', { kind: t(`notify.kind.${props.kind}`) })}</p>
      <PostForm c={props.c} action={props.action}>
        <input type="hidden" name="confirm" value="1" />
        <button type="submit">{t('notify.unsubscribePage.button')}</button>
      </PostForm>
    </Layout>
  );
}

const UNSUBSCRIBE_DONE = {
  unsubscribed: 'notify.unsubscribePage.done',
} as const satisfies Record<string, MessageKey>;

/**
 * The unsubscribe link of notification mails; the signed token in the path is the only authority, so no
 * sign-in is needed. Opening the link only asks (mail scanners open links); POST unsubscribes. A mail
 * client's RFC 8058 one-click POST (`List-Unsubscribe=One-Click`) gets an empty 204; the page's own form
 * gets redirected to the link with `?done=unsubscribed`, so a reload cannot post it again. Neither needs
 * the form token: the signed path is what another site cannot forge.
 */
export function mountUnsubscribeRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/notifications/unsubscribe/:token', (c) => {
    const { kind } = platform.notifications.viewUnsubscribe(c.req.param('token'));
    const t = c.get('t');
    const done = doneNote(c, UNSUBSCRIBE_DONE, { kind: t(`notify.kind.${kind}`) });
    if (done === undefined) return c.html(<ConfirmPage c={c} kind={kind} action={c.req.path} />);
    return c.html(
      <MessagePage
        c={c}
        title={t('notify.unsubscribePage.title')}
        text={`${done} ${t('notify.unsubscribePage.settings')}`}
        link={{ href: '/account/settings#notifications', label: t('notify.settings.heading') }}
      />,
    );
  });
  web.post('/notifications/unsubscribe/:token', async (c) => {
    await platform.notifications.unsubscribe(c.req.param('token'));
    const form = (await c.req.parseBody()) as Record<string, unknown>;
    if (form['List-Unsubscribe'] === 'One-Click') return c.body(null, 204);
    return c.redirect(`${c.req.path}?done=unsubscribed`, 303);
  });
}
