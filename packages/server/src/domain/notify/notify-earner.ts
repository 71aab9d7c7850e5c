import type { MessageKey } from '../../i18n/messages/en.js';
import { type MessageParams, translator } from '../../i18n/translate.js';
import { composeMail } from '../earner/earner-mails.js';
import type { Earner } from '../pathway/earner-identity.js';
import type { PlatformContext } from '../platform-context.js';
import { NOTIFICATION_DEFAULTS, type NotificationKind, type Repositories } from '../ports/index.js';
import { unsubscribeToken } from './unsubscribe-token.js';

/** An earner account to mail, at the verified address a credential names. */
export interface NotificationRecipient {
  readonly earnerId: string;
  readonly email: string;
  readonly locale: string;
}

/**
 * The account that verified the address a credential or pathway names this earner by. None for a DID:
 * the platform knows no address for it (an account cannot link a DID yet).
 */
export async function recipientOf(
  repositories: Pick<Repositories, 'earnerEmails' | 'earners'>,
  earner: Earner,
): Promise<NotificationRecipient | null> {
  if (earner.startsWith('did:')) return null;
  const address = await repositories.earnerEmails.findVerified({ lookupHash: earner });
  if (address === null) return null;
  const account = await repositories.earners.findById({ id: address.earnerId });
  return account === null ? null : { earnerId: account.id, email: address.email, locale: account.locale };
}

/** The path of an unsubscribe link; `GET` shows a confirmation, `POST` (RFC 8058 one-click) unsubscribes. */
export function unsubscribePath(token: string): string {
  return `/notifications/unsubscribe/${encodeURIComponent(token)}`;
}

export interface NotificationContent {
  readonly subject: MessageKey;
  readonly body: MessageKey;
  readonly action: MessageKey;
  readonly params: MessageParams;
  readonly link: string;
  readonly brandColor?: string | null;
  /** One link per possible answer, listed under the body (the outcome survey's one-click answers). */
  readonly choices?: readonly { readonly label: string; readonly url: string }[];
}

/**
 * Writes one notification mail to the outbox unless the earner turned its kind off. `event` names what
 * happened (a credential and threshold, a pathway and step): with the kind and the earner it is the mail's
 * unique key, so however often, and by however many processes, the same event is notified, one mail goes.
 * Resolves to whether a mail was added.
 */
export async function notifyEarner(
  repositories: Pick<Repositories, 'notifications' | 'mailOutbox'>,
  context: Pick<PlatformContext, 'publicUrl' | 'recipientPepper'>,
  options: {
    readonly recipient: NotificationRecipient;
    readonly kind: NotificationKind;
    readonly event: string;
    readonly content: (t: ReturnType<typeof translator>) => NotificationContent;
  },
): Promise<boolean> {
  const { recipient, kind } = options;
  const chosen = await repositories.notifications.preferences({ earnerId: recipient.earnerId });
  if (!(chosen[kind] ?? NOTIFICATION_DEFAULTS[kind])) return false;
  const t = translator(recipient.locale);
  const content = options.content(t);
  const mail = composeMail({
    to: recipient.email,
    locale: t.locale,
    subject: content.subject,
    body: content.body,
    action: content.action,
    note: 'notify.note',
    params: content.params,
    link: content.link,
    brandColor: content.brandColor ?? null,
  });
  const choices = content.choices ?? [];
  const escapeText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const choiceText = choices.map((choice) => `- ${choice.label}: ${choice.url}\n`).join('');
  const choiceHtml =
    choices.length === 0
      ? ''
      : `<ul>${choices.map((choice) => `<li><a href="${escapeText(choice.url)}">${escapeText(choice.label)}</a></li>`).join('')}</ul>`;
  const unsubscribeUrl = `${context.publicUrl}${unsubscribePath(unsubscribeToken(context, { earnerId: recipient.earnerId, kind }))}`;
  const unsubscribe = t('notify.unsubscribe', { kind: t(`notify.kind.${kind}`) });
  const escapedUrl = unsubscribeUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const added = await repositories.mailOutbox.enqueue([
    {
      ...mail,
      // The answers go right under the body (its first paragraph), before the general action link.
      textBody: `${choiceText === '' ? mail.textBody : mail.textBody.replace('\n\n', `\n\n${choiceText}\n`)}\n${unsubscribe}: ${unsubscribeUrl}\n`,
      htmlBody: mail.htmlBody
        .replace('</p>', `</p>${choiceHtml}`)
        .replace(
          '</body>',
          `<p style="font-size: small"><a href="${escapedUrl}">${unsubscribe.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</a></p></body>`,
        ),
      // RFC 8058: the mail client's own "unsubscribe" button POSTs `List-Unsubscribe=One-Click` to this URL.
      headers: {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      dedupeKey: `${kind}:${options.event}:${recipient.earnerId}`,
    },
  ]);
  return added > 0;
}
