import type { OutboxMail } from './mail-outbox.js';

/** Where delivered mail goes: an SMTP server, or a folder when none is configured. */
export interface MailTransport {
  /** Resolves once the message is accepted; rejects to have it retried later. */
  send(mail: OutboxMail): Promise<void>;
}
