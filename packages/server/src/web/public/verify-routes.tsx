import type { Context, Hono } from 'hono';
import type { Platform } from '../../domain/platform.js';
import { readCredentialSource } from '../shared/credential-source/read-credential-source.js';
import { readForm } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { VerifyPage } from './verify-page.js';

async function renderVerification(c: Context<WebEnv>, platform: Platform, form: Record<string, unknown>) {
  const t = c.get('t');
  // The optional "Issued to" field; no address is longer than 320 characters (RFC 5321).
  const recipient = typeof form.recipient === 'string' ? form.recipient.trim().slice(0, 320) : '';
  const given = {
    ...(typeof form.url === 'string' ? { url: form.url } : {}),
    ...(recipient === '' ? {} : { recipient }),
  };
  const source = await readCredentialSource({ platform, form, viewer: c.get('earner')?.id ?? null, t });
  if (source.kind === 'refused') return c.html(<VerifyPage c={c} error={source.message} {...given} />, 400);
  if (source.kind === 'empty') return c.html(<VerifyPage c={c} error={t('verify.nothing')} />, 400);
  const verified = await platform.verify(source.input);
  // Counted with the next batch of events: the answer does not wait for it.
  void platform.events.recordVerification(verified, 'page');
  const report = recipient === '' ? verified : platform.verification.withRecipient(verified, recipient);
  const seal = platform.sharedVerifications.seal(report);
  return c.html(<VerifyPage c={c} report={report} seal={seal} {...given} />);
}

/** `/verify`: anyone checks a credential from a file, a paste or a link (`?url=` links straight to it). */
export function mountVerifyRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/verify', async (c) => {
    const url = c.req.query('url');
    if (url === undefined || url.trim() === '') return c.html(<VerifyPage c={c} />);
    return renderVerification(c, platform, { url: url.trim() });
  });
  web.post('/verify', async (c) => renderVerification(c, platform, await readForm(c)));
}
