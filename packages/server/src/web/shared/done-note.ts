import type { Context } from 'hono';
import type { MessageKey } from '../../i18n/messages/en.js';
import type { MessageParams } from '../../i18n/translate.js';
import type { WebEnv } from './web-env.js';

/**
 * The confirmation of the action a form redirected from (`?done=…`): one of `notes`, so the address never
 * carries text of its own onto the page. `params` are for names the caller looked up in its own data.
 */
export function doneNote(
  c: Context<WebEnv>,
  notes: Readonly<Record<string, MessageKey>>,
  params?: MessageParams,
): string | undefined {
  const done = c.req.query('done');
  const key = done === undefined || !Object.hasOwn(notes, done) ? undefined : notes[done];
  return key === undefined ? undefined : c.get('t')(key, params);
}
