import type { PlatformContext } from '../platform-context.js';
import { notifyEarner } from './notify-earner.js';

/** Days before `validUntil` at which an earner is reminded, most urgent first. */
export const EXPIRY_REMINDER_DAYS = [1, 7, 30] as const;
const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE = 200;

/**
 * Enqueues the expiry reminders that are due: for each credential expiring within 30 days, held by an
 * earner account, the reminder of the most urgent threshold reached (30, 7 or 1 day). Idempotent: each
 * (credential, threshold, earner) is one outbox key, so the sweep can run any number of times, in any
 * number of processes; a reminder missed while nothing ran is not sent late for a threshold already
 * passed. Resolves to how many mails it added.
 */
export async function sweepExpiryReminders(context: PlatformContext): Promise<number> {
  const now = context.now();
  const to = new Date(now.getTime() + 30 * DAY_MS);
  let added = 0;
  let after: Parameters<typeof context.storage.notifications.expiringBetween>[0]['after'];
  for (;;) {
    const page = await context.storage.notifications.expiringBetween({
      from: now,
      to,
      limit: PAGE,
      ...(after === undefined ? {} : { after }),
    });
    for (const row of page) {
      const left = row.validUntil.getTime() - now.getTime();
      const threshold = EXPIRY_REMINDER_DAYS.find((days) => left <= days * DAY_MS) ?? 30;
      const renewal = row.renewalUrl;
      const days = Math.ceil(left / DAY_MS);
      const sent = await notifyEarner(context.storage, context, {
        recipient: { earnerId: row.earnerId, email: row.email, locale: row.locale },
        kind: 'expiry',
        event: `${row.credentialId}:${threshold}d`,
        content: (t) => ({
          subject: days <= 1 ? 'notify.expiry.subject.tomorrow' : 'notify.expiry.subject',
          body: renewal === null ? 'notify.expiry.body' : 'notify.expiry.bodyRenew',
          action: renewal === null ? 'notify.expiry.action' : 'notify.expiry.actionRenew',
          params: {
            achievement: row.achievementName,
            issuer: row.issuerName,
            days,
            date: t.date(row.validUntil),
          },
          link: renewal ?? `${context.publicUrl}/account/credentials/${row.credentialId}`,
        }),
      });
      if (sent) added += 1;
    }
    const last = page.at(-1);
    if (page.length < PAGE || last === undefined) return added;
    after = { validUntil: last.validUntil, credentialId: last.credentialId, earnerId: last.earnerId };
  }
}
