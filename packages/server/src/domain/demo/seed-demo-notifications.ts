import { type Actor, requireAdmin } from '../auth/actor.js';
import { type IssueDependencies, issueCredential } from '../credential/issue-credential.js';
import { earnerForAddress } from '../earner/earner-sessions.js';
import { normalizeEmail } from '../identity/normalize-email.js';
import type { PlatformContext } from '../platform-context.js';

/** A demo earner with an account, so the notification mails have someone to go to. */
export const DEMO_NOTIFIED_EMAIL = 'morgan@example.com';
export const DEMO_NOTIFIED_NAME = 'Morgan Lee';
/** How soon Morgan's oldest credential expires: inside the 30-day reminder window at start. */
export const DEMO_EXPIRING_IN_DAYS = 20;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The start of Morgan's demo: an account with a confirmed address (notifications reach only accounts,
 * the one place an address is kept), and a credential of `expiringAchievementId` issued long ago, so it
 * expires in 20 days and the expiry sweep at start mails its reminder. Resolves to the pathway jobs the
 * issuance queued. Administrator only; idempotent (the credential has an idempotency key).
 */
export async function seedDemoNotifications(
  context: PlatformContext,
  dependencies: IssueDependencies,
  actor: Actor,
  input: { readonly expiringAchievementId: string; readonly validityMonths: number },
): Promise<readonly string[]> {
  requireAdmin(actor);
  await context.storage.transaction(async (repositories) => {
    const earnerId = await earnerForAddress(repositories, context, {
      email: normalizeEmail(DEMO_NOTIFIED_EMAIL),
      locale: 'en',
      preferred: null,
    });
    await repositories.earners.update({ id: earnerId, displayName: DEMO_NOTIFIED_NAME });
  });
  // Issued as if `validityMonths` less 20 days ago: its validUntil, computed from the achievement's
  // validity as for any credential, then falls 20 days from now.
  const expiresAt = new Date(context.now().getTime() + DEMO_EXPIRING_IN_DAYS * DAY_MS);
  const issuedAt = new Date(expiresAt);
  issuedAt.setUTCMonth(issuedAt.getUTCMonth() - input.validityMonths);
  const issued = await issueCredential({ ...context, now: () => issuedAt }, dependencies, actor, {
    achievementId: input.expiringAchievementId,
    recipient: { email: DEMO_NOTIFIED_EMAIL, name: DEMO_NOTIFIED_NAME },
    idempotencyKey: `demo-notify-${input.expiringAchievementId}`,
  });
  return issued.queuedJobIds;
}
