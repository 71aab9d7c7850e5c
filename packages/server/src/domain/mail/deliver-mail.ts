import type { PlatformContext } from '../platform-context.js';
import type { MailTransport } from '../ports/index.js';

const BATCH = 20;
const LEASE_MS = 60_000;
// Back off from a minute to a day: an SMTP server that is down for hours loses no mail.
const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * One delivery step: takes due mails from the outbox and hands each to the transport; a refused mail is
 * retried later with exponential backoff. Returns how many mails it handled (sent or failed).
 */
export async function deliverMail(
  context: PlatformContext,
  transport: MailTransport,
  options: {
    /** Aborted when the worker is told to stop: the mail being sent finishes, the others are released. */
    readonly signal?: AbortSignal;
  } = {},
): Promise<number> {
  const now = context.now();
  const due = await context.storage.mailOutbox.claimDue({ now, limit: BATCH, leaseMs: LEASE_MS });
  let handled = 0;
  for (const [index, mail] of due.entries()) {
    if (options.signal?.aborted === true) {
      // Given back rather than held for the lease: another process sends them now.
      await context.storage.mailOutbox.release({
        ids: due.slice(index).map((unsent) => unsent.id),
        leasedUntil: new Date(now.getTime() + LEASE_MS),
      });
      break;
    }
    handled += 1;
    try {
      await transport.send(mail);
      const at = context.now();
      await context.storage.transaction(async (repositories) => {
        await repositories.mailOutbox.markSent({ id: mail.id, at });
        // Keyed by the mail: a mail sent twice (its lease ran out mid-send) is still one event.
        if (mail.announces !== null)
          await repositories.events.append([{ ...mail.announces, at, dedupeKey: `mail:${mail.id}` }]);
      });
    } catch (error) {
      await context.storage.mailOutbox.markFailed({
        id: mail.id,
        error: error instanceof Error ? error.message : String(error),
        retryAt: new Date(context.now().getTime() + backoffMs(mail.attempts)),
      });
    }
  }
  return handled;
}
