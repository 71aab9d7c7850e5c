import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { MailTransport, OutboxMail } from '../domain/ports/index.js';

/** The message nodemailer builds for an outbox mail (the id makes a retried send recognisable). */
function message(from: string, mail: OutboxMail) {
  return {
    from,
    to: mail.toAddress,
    subject: mail.subject,
    text: mail.textBody,
    html: mail.htmlBody,
    messageId: `<${mail.id}@microcred>`,
    // Such as RFC 8058's List-Unsubscribe pair, which mail clients turn into their own button.
    headers: { ...mail.headers },
  };
}

/** Delivery through an SMTP server (`SMTP_URL`, e.g. `smtps://user:pass@mail.example.org`). */
export function smtpTransport(options: { readonly url: string; readonly from: string }): MailTransport {
  const transporter = nodemailer.createTransport(options.url);
  return {
    async send(mail) {
      await transporter.sendMail(message(options.from, mail));
    },
  };
}

/**
 * With no SMTP server, mail is written as `.eml` files (RFC 5322, built by nodemailer) into a folder a
 * developer can open; `/dev/mailbox` shows the same mails from the outbox.
 */
export function folderTransport(options: { readonly folder: string; readonly from: string }): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const built = await builder.sendMail(message(options.from, mail));
      await mkdir(options.folder, { recursive: true });
      await writeFile(
        join(options.folder, `${mail.createdAt.toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`),
        built.message as Buffer,
      );
    },
  };
}

/** Marks mail delivered without sending it: an in-memory platform keeps it only in the outbox table. */
export function discardTransport(): MailTransport {
  return { send: async () => {} };
}
