import { composeMail } from '../earner/earner-mails.js';
import type { NewMail } from '../ports/index.js';

/**
 * To the organisation asked to endorse: its owners and recruiters (an employer), its owners (an issuer), or
 * the invited address, which signs in to the employer workspace once its organisation has an account.
 */
export function endorsementRequestMail(options: {
  readonly to: string;
  readonly locale: string;
  readonly issuerName: string;
  readonly achievementName: string;
  readonly organisationName: string | null;
  readonly message: string;
  readonly link: string;
}): NewMail {
  const invited = options.organisationName === null;
  return composeMail({
    to: options.to,
    locale: options.locale,
    subject: 'mail.endorsementRequest.subject',
    body: options.message === '' ? 'mail.endorsementRequest.body' : 'mail.endorsementRequest.bodyMessage',
    action: 'mail.endorsementRequest.action',
    note: invited ? 'mail.endorsementRequest.noteInvited' : 'mail.endorsementRequest.note',
    params: {
      issuer: options.issuerName,
      achievement: options.achievementName,
      organisation: options.organisationName ?? options.to,
      message: options.message,
    },
    link: options.link,
  });
}

/** Back to who asked: the organisation endorsed, declined or commented. */
export function endorsementAnswerMail(options: {
  readonly to: string;
  readonly locale: string;
  readonly answer: 'endorsed' | 'declined' | 'commented';
  readonly organisationName: string;
  readonly achievementName: string;
  readonly comment: string | null;
  readonly link: string;
}): NewMail {
  return composeMail({
    to: options.to,
    locale: options.locale,
    subject: `mail.endorsementAnswer.${options.answer}.subject`,
    body: `mail.endorsementAnswer.${options.answer}.body`,
    action: 'mail.endorsementAnswer.action',
    note: options.comment === null ? 'mail.endorsementAnswer.noComment' : 'mail.endorsementAnswer.comment',
    params: {
      organisation: options.organisationName,
      achievement: options.achievementName,
      comment: options.comment ?? '',
    },
    link: options.link,
  });
}
