import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Platform } from '../domain/platform.js';
import type { Earner } from '../domain/ports/index.js';

/** The cookie that holds an earner's session secret (set by the pages' sign-in). */
export const SESSION_COOKIE = 'mc_session';

/**
 * The earner signed in on this browser, from its session cookie alone (no page state, no cookie set):
 * the pages' context, and the JSON and JWT at a credential's URL, which its earner may read when no one
 * else may.
 */
export async function sessionEarner(
  platform: Platform,
  c: Context,
): Promise<{ readonly sessionSecret: string | null; readonly earner: Earner | null }> {
  const sessionSecret = getCookie(c, SESSION_COOKIE) ?? null;
  const earner = sessionSecret === null ? null : await platform.earners.ofSession(sessionSecret);
  return { sessionSecret, earner };
}
