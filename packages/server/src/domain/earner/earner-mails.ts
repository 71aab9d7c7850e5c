import type { MessageKey } from '../../i18n/messages/en.js';
import { type MessageParams, translator } from '../../i18n/translate.js';
import type { NewMail } from '../ports/index.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const BRAND_COLOR = /^#[0-9a-f]{6}$/;

/**
 * One mail in the recipient's language: a greeting paragraph, one call to action and a note, as plain
 * text and as minimal HTML (no images or remote content, so nothing tracks the reader). An issuer's
 * brand colour draws a bar above the text: mail clients ignore style sheets, so it is an inline style,
 * written only when the colour has the one form the database allows.
 */
export function composeMail(options: {
  readonly to: string;
  readonly locale: string;
  readonly subject: MessageKey;
  readonly body: MessageKey;
  readonly action: MessageKey;
  readonly note: MessageKey;
  readonly params: MessageParams;
  readonly link: string;
  readonly brandColor?: string | null;
}): NewMail {
  const t = translator(options.locale);
  const subject = t(options.subject, options.params);
  const body = t(options.body, options.params);
  const action = t(options.action, options.params);
  const note = t(options.note, options.params);
  const brandBar =
    typeof options.brandColor === 'string' && BRAND_COLOR.test(options.brandColor)
      ? `<div style="border-top: 6px solid ${options.brandColor}; margin-bottom: 16px"></div>`
      : '';
  return {
    toAddress: options.to,
    subject,
    textBody: `${body}\n\n${action}: ${options.link}\n\n${note}\n`,
    htmlBody:
      `<!doctype html><html lang="${t.locale}"><body>${brandBar}` +
      `<p>${escapeHtml(body)}</p>` +
      `<p><a href="${escapeHtml(options.link)}">${escapeHtml(action)}</a></p>` +
      `<p>${escapeHtml(note)}</p></body></html>`,
  };
}

export function claimMail(options: {
  readonly to: string;
  readonly locale: string;
  readonly achievementName: string;
  readonly issuerName: string;
  /** The issuer's `#rrggbb`, or null for none. */
  readonly brandColor: string | null;
  readonly link: string;
}): NewMail {
  return composeMail({
    to: options.to,
    locale: options.locale,
    subject: 'mail.claim.subject',
    body: 'mail.claim.body',
    action: 'mail.claim.action',
    note: 'mail.claim.note',
    params: { achievement: options.achievementName, issuer: options.issuerName },
    link: options.link,
    brandColor: options.brandColor,
  });
}

export function signInMail(options: {
  readonly to: string;
  readonly locale: string;
  readonly link: string;
}): NewMail {
  return composeMail({
    ...options,
    subject: 'mail.signIn.subject',
    body: 'mail.signIn.body',
    action: 'mail.signIn.action',
    note: 'mail.signIn.note',
    params: {},
  });
}

export function verifyEmailMail(options: {
  readonly to: string;
  readonly locale: string;
  readonly link: string;
}): NewMail {
  return composeMail({
    ...options,
    subject: 'mail.verifyEmail.subject',
    body: 'mail.verifyEmail.body',
    action: 'mail.verifyEmail.action',
    note: 'mail.verifyEmail.note',
    params: { email: options.to },
  });
}

/** To a person just made a member of an issuer: the console is theirs once they sign in with this address. */
export function staffInvitationMail(options: {
  readonly to: string;
  readonly locale: string;
  readonly issuerName: string;
  readonly role: string;
  readonly link: string;
}): NewMail {
  const t = translator(options.locale);
  const roleKey: MessageKey =
    options.role === 'owner'
      ? 'console.role.owner'
      : options.role === 'issuer'
        ? 'console.role.issuer'
        : 'console.role.viewer';
  return composeMail({
    to: options.to,
    locale: options.locale,
    subject: 'mail.staffInvite.subject',
    body: 'mail.staffInvite.body',
    action: 'mail.staffInvite.action',
    note: 'mail.staffInvite.note',
    params: { issuer: options.issuerName, role: t(roleKey) },
    link: options.link,
  });
}

/** Tells a person they were added to an employer's workspace on the platform, and how to sign in. */
export function employerInvitationMail(options: {
  readonly to: string;
  readonly locale: string;
  readonly employerName: string;
  readonly role: 'owner' | 'recruiter' | 'viewer';
  readonly link: string;
}): NewMail {
  const t = translator(options.locale);
  return composeMail({
    to: options.to,
    locale: options.locale,
    subject: 'mail.employerInvite.subject',
    body: 'mail.employerInvite.body',
    action: 'mail.employerInvite.action',
    note: 'mail.staffInvite.note',
    params: { employer: options.employerName, role: t(`employer.role.${options.role}`) },
    link: options.link,
  });
}

/** Asks a person to connect their portfolio to an employer's workforce inventory; nothing is shared before. */
export function employeeInvitationMail(options: {
  readonly to: string;
  readonly locale: string;
  readonly employerName: string;
  readonly link: string;
}): NewMail {
  return composeMail({
    to: options.to,
    locale: options.locale,
    subject: 'mail.employeeInvite.subject',
    body: 'mail.employeeInvite.body',
    action: 'mail.employeeInvite.action',
    note: 'mail.employeeInvite.note',
    params: { employer: options.employerName },
    link: options.link,
  });
}
