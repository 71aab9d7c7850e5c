import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { resourceNotFound } from '../../domain/auth/resource-not-found.js';
import type { Platform } from '../../domain/platform.js';
import { correctableMessage } from '../shared/user-message.js';
import { formField, readForm, requireEarner } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import { CREDENTIAL_FIELD } from './sharing-page.js';
import { renderSharing, workforceDonePath } from './sharing-routes.js';
import type { ConnectionValues } from './workforce-section.js';

const EmployeeIdSchema = z.uuid();

/** The invitation a path names: anything but an id is "not there", as someone else's invitation is. */
function employeeIdOf(c: Context<WebEnv>): string {
  const parsed = EmployeeIdSchema.safeParse(c.req.param('employeeId'));
  if (!parsed.success) throw resourceNotFound('invitation');
  return parsed.data;
}

/** The choice as posted: each ticked credential is a field of its own. */
function readConnectionForm(form: Readonly<Record<string, unknown>>): ConnectionValues {
  return {
    credentials: formField(form, 'credentials') === 'chosen' ? 'chosen' : 'all',
    chosen: Object.keys(form).flatMap((name) =>
      name.startsWith(CREDENTIAL_FIELD) && formField(form, name) === 'yes'
        ? [name.slice(CREDENTIAL_FIELD.length)]
        : [],
    ),
  };
}

/**
 * The earner's own invitation as it stands before the answer, whose status picks the message (NOT_FOUND
 * otherwise, as the domain answers for someone else's).
 */
async function ownInvitation(platform: Platform, earnerId: string, employeeId: string) {
  const invitation = (await platform.earners.workforceInvitations(earnerId)).find(
    (item) => item.id === employeeId,
  );
  if (invitation === undefined) throw resourceNotFound('invitation');
  return invitation;
}

/** `/account/sharing#workforce`: the earner accepts, changes, declines or ends an employer's invitation. */
export function mountWorkforceRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.post('/account/sharing/workforce/:employeeId/connect', async (c) => {
    const earner = requireEarner(c);
    const employeeId = employeeIdOf(c);
    const values = readConnectionForm(await readForm(c));
    const t = c.get('t');
    const before = await ownInvitation(platform, earner.id, employeeId);
    const refuse = (error: string) =>
      renderSharing(c, platform, { workforce: { employeeId, values, error }, status: 400 });
    if (values.credentials === 'chosen' && values.chosen.length === 0) return refuse(t('sharing.chooseOne'));
    try {
      await platform.earners.connectToEmployer(earner.id, employeeId, {
        credentialIds: values.credentials === 'all' ? null : [...values.chosen],
      });
    } catch (error) {
      const message = correctableMessage(error, t);
      if (message === null) throw error;
      return refuse(message);
    }
    return c.redirect(
      workforceDonePath(before.status === 'connected' ? 'changed' : 'connected', employeeId),
      303,
    );
  });

  web.post('/account/sharing/workforce/:employeeId/decline', async (c) => {
    const earner = requireEarner(c);
    const employeeId = employeeIdOf(c);
    await readForm(c);
    const before = await ownInvitation(platform, earner.id, employeeId);
    await platform.earners.declineEmployer(earner.id, employeeId);
    return c.redirect(
      workforceDonePath(before.status === 'connected' ? 'disconnected' : 'declined', employeeId),
      303,
    );
  });
}
