import { z } from 'zod';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import { NOTIFICATION_DEFAULTS, NOTIFICATION_KINDS, type NotificationKind } from '../ports/index.js';
import { readUnsubscribeToken } from './unsubscribe-token.js';

export type NotificationSettings = Readonly<Record<NotificationKind, boolean>>;

/** Every kind the settings form may set; a kind left out keeps its current value. */
export const NotificationSettingsSchema = z.partialRecord(z.enum(NOTIFICATION_KINDS), z.boolean());

/** What the earner receives, kind by kind: their choice, or the default for a kind they never set. */
export async function notificationSettings(
  context: PlatformContext,
  earnerId: string,
): Promise<NotificationSettings> {
  const chosen = await context.storage.notifications.preferences({ earnerId });
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, chosen[kind] ?? NOTIFICATION_DEFAULTS[kind]]),
  ) as Record<NotificationKind, boolean>;
}

/** The signed-in earner's choices from their settings page. */
export async function setNotificationSettings(
  context: PlatformContext,
  earnerId: string,
  raw: Partial<Record<NotificationKind, boolean>>,
): Promise<NotificationSettings> {
  const choices = NotificationSettingsSchema.parse(raw);
  await context.storage.transaction(async (repositories) => {
    for (const kind of NOTIFICATION_KINDS) {
      const enabled = choices[kind];
      if (enabled !== undefined) {
        await repositories.notifications.setPreference({ earnerId, kind, enabled, at: context.now() });
      }
    }
  });
  return notificationSettings(context, earnerId);
}

function tokenTarget(context: PlatformContext, token: string) {
  const target = readUnsubscribeToken(context, token);
  // One answer for a forged, altered or malformed token: it tells nothing about which part was wrong.
  if (target === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such unsubscribe link');
  return target;
}

/** The kind an unsubscribe link stops, for its confirmation page; throws `NOT_FOUND` for a bad token. */
export function viewUnsubscribe(
  context: PlatformContext,
  token: string,
): { readonly kind: NotificationKind } {
  return { kind: tokenTarget(context, token).kind };
}

/**
 * Turns off the one kind, for the one earner, that a mail's unsubscribe link names; no sign-in needed
 * (the link is signed). Clicking again changes nothing. An account deleted since is not an error: there
 * is nothing left to mail.
 */
export async function unsubscribe(
  context: PlatformContext,
  token: string,
): Promise<{ readonly kind: NotificationKind }> {
  const { earnerId, kind } = tokenTarget(context, token);
  if ((await context.storage.earners.findById({ id: earnerId })) !== null) {
    await context.storage.notifications.setPreference({ earnerId, kind, enabled: false, at: context.now() });
  }
  return { kind };
}
