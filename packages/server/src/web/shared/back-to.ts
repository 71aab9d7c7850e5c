import type { Context } from 'hono';
import type { WebEnv } from './web-env.js';

/** Where to go back to after a small change: the page the form was on, if it is one of ours. */
export function backTo(c: Context<WebEnv>, fallback: string): string {
  const referer = c.req.header('Referer');
  if (referer === undefined) return fallback;
  try {
    const url = new URL(referer);
    return url.origin === new URL(c.req.url).origin ? `${url.pathname}${url.search}` : fallback;
  } catch {
    return fallback;
  }
}
