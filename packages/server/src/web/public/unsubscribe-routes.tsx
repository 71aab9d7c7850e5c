import type { Context, Hono } from 'hono';
import type { NotificationKind } from '../../domain/ports/index.js';
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

/**
 * The unsubscribe link of notification mails; the signed token in the path is the only authority, so no
 * sign-in is needed. Opening the link only asks (mail scanners open links); POST unsubscribes. A mail
 * client's RFC 8058 one-click POST (`List-Unsubscribe=One-Click`) gets an empty 204; the page's own form
 * gets a page. Neither needs the form token: the signed path is what another site cannot forge.
 */
export function mountUnsubscribeRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/notifications/unsubscribe/:token', (c) => {
    const { kind } = platform.notifications.viewUnsubscribe(c.req.param('token'));
    return c.html(<ConfirmPage c={c} kind={kind} action={c.req.path} />);
  });
  web.post('/notifications/unsubscribe/:token', async (c) => {
    const { kind } = await platform.notifications.unsubscribe(c.req.param('token'));
    const form = (await c.req.parseBody()) as Record<string, unknown>;
    if (form['List-Unsubscribe'] === 'One-Click') return c.body(null, 204);
    const t = c.get('t');
    return c.html(
      <MessagePage
        c={c}
        title={t('notify.unsubscribePage.title')}
        text={`${t('notify.unsubscribePage.done', { kind: t(`notify.kind.${kind}`) })} ${t('notify.unsubscribePage.settings')}`}
        link={{ href: '/account/settings#notifications', label: t('notify.settings.heading') }}
      />,
    );
  });
}
