import type { Hono } from 'hono';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { MailboxPage, MailPage } from './mailbox-pages.js';

/** `/dev/mailbox`: the mails the platform queued, readable without a mail server; never in production. */
export function mountMailboxRoutes(web: Hono<WebEnv>, { platform, options }: WebDeps): void {
  if (!options.devMailbox) return;
  web.get('/dev/mailbox', async (c) => c.html(<MailboxPage c={c} mails={await platform.mail.list(200)} />));
  web.get('/dev/mailbox/:id', async (c) => {
    const mail = await platform.mail.find(c.req.param('id'));
    if (mail === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such mail');
    return c.html(<MailPage c={c} mail={mail} />);
  });
}
