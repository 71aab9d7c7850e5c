import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { PlatformContext } from '../platform-context.js';
import { isNotificationKind, type NotificationKind } from '../ports/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// A key of its own, derived from the pepper: a token for unsubscribing can never be replayed as any
// other signed value the platform makes.
function tokenKey(context: Pick<PlatformContext, 'recipientPepper'>): Buffer {
  return Buffer.from(
    hkdfSync('sha256', context.recipientPepper, new Uint8Array(0), 'notification unsubscribe', 32),
  );
}

function mac(
  context: Pick<PlatformContext, 'recipientPepper'>,
  earnerId: string,
  kind: NotificationKind,
): Buffer {
  return createHmac('sha256', tokenKey(context)).update(`${earnerId}\n${kind}`, 'utf8').digest();
}

/**
 * The token of a mail's unsubscribe link: it names one earner and one kind and is signed, so it works
 * without signing in and stops only that kind for that earner. It never expires: a mail read months later
 * must still unsubscribe (RFC 8058 §3 asks for a link that keeps working).
 */
export function unsubscribeToken(
  context: Pick<PlatformContext, 'recipientPepper'>,
  options: { readonly earnerId: string; readonly kind: NotificationKind },
): string {
  return `${options.earnerId}.${options.kind}.${mac(context, options.earnerId, options.kind).toString('base64url')}`;
}

/** The earner and kind a token names, or null when it is malformed or not signed by this platform. */
export function readUnsubscribeToken(
  context: Pick<PlatformContext, 'recipientPepper'>,
  token: string,
): { readonly earnerId: string; readonly kind: NotificationKind } | null {
  const [earnerId, kind, signature, ...rest] = token.split('.');
  if (rest.length > 0 || earnerId === undefined || signature === undefined) return null;
  if (!UUID.test(earnerId) || !isNotificationKind(kind)) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(context, earnerId, kind);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { earnerId, kind };
}
