import type { PlatformContext } from '../platform-context.js';

const BATCH = 1_000;
/** Days a sent mail is kept when `MAIL_RETENTION_DAYS` is not set. */
export const DEFAULT_MAIL_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Forgets mails sent more than `retentionDays` ago, in batches until none is left: the outbox keeps
 * every claim link and notification it wrote, bodies and addresses included, which is personal data kept
 * for no purpose once delivered and, at a hundred million credentials, hundreds of gigabytes. Returns how
 * many mails were forgotten.
 */
export async function forgetSentMail(
  context: PlatformContext,
  options: { readonly retentionDays: number },
): Promise<number> {
  const before = new Date(context.now().getTime() - options.retentionDays * DAY_MS);
  let forgotten = 0;
  for (;;) {
    const batch = await context.storage.mailOutbox.forgetSent({ before, limit: BATCH });
    forgotten += batch;
    if (batch < BATCH) return forgotten;
  }
}
