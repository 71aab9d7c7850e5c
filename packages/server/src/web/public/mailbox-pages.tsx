import type { Context } from 'hono';
import type { OutboxMail } from '../../domain/ports/index.js';
import { Layout } from '../shared/layout.js';
import type { WebEnv } from '../shared/web-env.js';

/** `/dev/mailbox`: every mail the platform has queued, newest first (development only). */
export function MailboxPage(props: { readonly c: Context<WebEnv>; readonly mails: readonly OutboxMail[] }) {
  const { c } = props;
  const t = c.get('t');
  return (
    <Layout c={c} title={t('mailbox.title')}>
      <h1>{t('mailbox.title')}</h1>
      <p class="notice">{t('mailbox.lead')}</p>
      {props.mails.length === 0 ? (
        <p>{t('mailbox.empty')}</p>
      ) : (
        <table class="stack">
          <thead>
            <tr>
              <th scope="col">{t('mailbox.to')}</th>
              <th scope="col">{t('mailbox.subject')}</th>
              <th scope="col">{t('mailbox.when')}</th>
            </tr>
          </thead>
          <tbody>
            {props.mails.map((mail) => (
              <tr data-mail-to={mail.toAddress}>
                <td class="address">{mail.toAddress}</td>
                <td data-label={t('mailbox.subject')}>
                  <a href={`/dev/mailbox/${mail.id}`}>{mail.subject}</a>
                </td>
                <td data-label={t('mailbox.when')}>
                  {mail.createdAt.toISOString().replace('T', ' ').slice(0, 19)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** `/dev/mailbox/{id}`: one mail, its text part with clickable links. */
export function MailPage(props: { readonly c: Context<WebEnv>; readonly mail: OutboxMail }) {
  const { c, mail } = props;
  const t = c.get('t');
  // The text part, with its links made clickable; the HTML part is never rendered here.
  const parts = mail.textBody.split(/(https?:\/\/\S+)/g);
  return (
    <Layout c={c} title={mail.subject}>
      <p>
        <a href="/dev/mailbox">{t('mailbox.back')}</a>
      </p>
      <h1>{mail.subject}</h1>
      <dl class="facts">
        <dt>{t('mailbox.to')}</dt>
        <dd>{mail.toAddress}</dd>
        <dt>{t('mailbox.when')}</dt>
        <dd>{mail.createdAt.toISOString()}</dd>
      </dl>
      <pre class="snippet mail-body">
        {parts.map((part) => (/^https?:\/\//.test(part) ? <a href={part}>{part}</a> : part))}
      </pre>
    </Layout>
  );
}
