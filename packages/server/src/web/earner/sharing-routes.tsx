import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { Platform } from '../../domain/platform.js';
import type { ConsentView } from '../../domain/talent/talent-consents.js';
import type { WorkforceInvitation } from '../../domain/workforce/employees.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { doneNote } from '../shared/done-note.js';
import { correctableMessage } from '../shared/user-message.js';
import { formField, readForm, requireEarner } from '../shared/web-context.js';
import type { WebDeps, WebEnv } from '../shared/web-env.js';
import {
  CREDENTIAL_FIELD,
  DEFAULT_SHARING,
  DIRECTORY,
  SharingPage,
  type SharingValues,
  targetOf,
  valuesOf,
} from './sharing-page.js';
import { WORKFORCE_ANCHOR, WorkforceSection, type WorkforceState } from './workforce-section.js';

const EmployerIdSchema = z.uuid();

/** The form's values as posted: each ticked credential is a field of its own. */
function readSharingForm(form: Readonly<Record<string, unknown>>): SharingValues {
  return {
    to: formField(form, 'to') || DIRECTORY,
    showName: formField(form, 'showName') === 'yes',
    showContact: formField(form, 'showContact') === 'yes',
    credentials: formField(form, 'credentials') === 'chosen' ? 'chosen' : 'all',
    chosen: Object.keys(form).flatMap((name) =>
      name.startsWith(CREDENTIAL_FIELD) && formField(form, name) === 'yes'
        ? [name.slice(CREDENTIAL_FIELD.length)]
        : [],
    ),
    location: formField(form, 'location').trim(),
  };
}

/** The employer a form names (null: the directory); anything but `directory` or an id is refused. */
function employerIdOf(to: string): string | null {
  if (to === DIRECTORY) return null;
  if (!EmployerIdSchema.safeParse(to).success) {
    throw new ServerError(ServerErrorCode.VALIDATION_ERROR, 'choose the directory or an employer');
  }
  return to;
}

/** How a message names where the earner can be found. */
async function targetName(
  c: Context<WebEnv>,
  platform: Platform,
  consent: ConsentView | undefined,
  employerId: string | null,
): Promise<string> {
  const t = c.get('t');
  if (employerId === null) return t('sharing.directoryTarget');
  const employer =
    consent?.employer ?? (await platform.earners.employersToConsent()).find((item) => item.id === employerId);
  return employer?.name ?? t('sharing.employerGoneTarget');
}

// Each form redirects to the page with what it did (`?done=…`, and `to` or `invitation` naming whom),
// so reloading the page cannot send the form again.
const SHARING_DONE = {
  saved: 'sharing.saved',
  withdrawn: 'sharing.withdrawn',
  nothingToWithdraw: 'sharing.nothingToWithdraw',
} as const satisfies Record<string, MessageKey>;

const WORKFORCE_DONE = {
  connected: 'workforce.connected',
  changed: 'workforce.changed',
  declined: 'workforce.declined',
  disconnected: 'workforce.disconnected',
} as const satisfies Record<string, MessageKey>;

/** Where an answer to the consent form lands: the page with `target` chosen and what was done. */
export function sharingDonePath(done: keyof typeof SHARING_DONE, target: string): string {
  return `/account/sharing?${new URLSearchParams({ to: target, done })}`;
}

/** Where an answer to an employer's invitation lands: beside that invitation, with what was done. */
export function workforceDonePath(done: keyof typeof WORKFORCE_DONE, employeeId: string): string {
  return `/account/sharing?${new URLSearchParams({ invitation: employeeId, done })}#${WORKFORCE_ANCHOR}`;
}

/** The consent form's note, naming its target from the earner's own data, never from the address. */
async function sharingNote(
  c: Context<WebEnv>,
  platform: Platform,
  consents: readonly ConsentView[],
): Promise<string | undefined> {
  const done = c.req.query('done');
  const to = c.req.query('to') ?? '';
  if (done === undefined || !Object.hasOwn(SHARING_DONE, done)) return undefined;
  if (to !== DIRECTORY && !EmployerIdSchema.safeParse(to).success) return undefined;
  const employerId = to === DIRECTORY ? null : to;
  const consent = consents.find((item) => item.employerId === employerId);
  return doneNote(c, SHARING_DONE, { target: await targetName(c, platform, consent, employerId) });
}

/** The invitation's note, beside the invitation the address names (none for anyone else's). */
function workforceNote(
  c: Context<WebEnv>,
  invitations: readonly WorkforceInvitation[],
): WorkforceState | undefined {
  const invitation = invitations.find((item) => item.id === c.req.query('invitation'));
  if (invitation === undefined) return undefined;
  const message = doneNote(c, WORKFORCE_DONE, { employer: invitation.employer.name });
  return message === undefined ? undefined : { employeeId: invitation.id, message };
}

/** The whole page, with what the last action did: to a consent, or to an employer's invitation. */
export async function renderSharing(
  c: Context<WebEnv>,
  platform: Platform,
  options: {
    values?: SharingValues;
    message?: string;
    error?: string;
    workforce?: WorkforceState;
    status?: 200 | 400;
  } = {},
) {
  const earner = requireEarner(c);
  const consents = await platform.earners.consents(earner.id);
  const invitations = await platform.earners.workforceInvitations(earner.id);
  const message = options.message ?? (await sharingNote(c, platform, consents));
  const workforce = options.workforce ?? workforceNote(c, invitations);
  const asked = c.req.query('to');
  const existing = consents.find((consent) => targetOf(consent) === asked);
  const items = await platform.earners.portfolio(earner.id);
  const values =
    options.values ??
    (existing !== undefined
      ? valuesOf(existing)
      : asked === undefined
        ? DEFAULT_SHARING
        : { ...DEFAULT_SHARING, to: asked });
  return c.html(
    <SharingPage
      c={c}
      consents={consents}
      employers={await platform.earners.employersToConsent()}
      items={items}
      values={values}
      {...(message === undefined ? {} : { message })}
      {...(options.error === undefined ? {} : { error: options.error })}
      workforce={<WorkforceSection c={c} invitations={invitations} items={items} state={workforce} />}
    />,
    options.status ?? 200,
  );
}

/** `/account/sharing`: the earner's consents to be found by employers, given, changed and withdrawn. */
export function mountSharingRoutes(web: Hono<WebEnv>, { platform }: WebDeps): void {
  web.get('/account/sharing', (c) => renderSharing(c, platform));

  web.post('/account/sharing', async (c) => {
    const earner = requireEarner(c);
    const values = readSharingForm(await readForm(c));
    const t = c.get('t');
    if (values.credentials === 'chosen' && values.chosen.length === 0) {
      return renderSharing(c, platform, { values, error: t('sharing.chooseOne'), status: 400 });
    }
    try {
      await platform.earners.giveConsent(earner.id, {
        employerId: employerIdOf(values.to),
        showName: values.showName,
        showContact: values.showContact,
        credentialIds: values.credentials === 'all' ? null : [...values.chosen],
        location: values.location === '' ? null : values.location,
      });
    } catch (error) {
      const message = correctableMessage(error, t);
      if (message === null) throw error;
      return renderSharing(c, platform, { values, error: message, status: 400 });
    }
    return c.redirect(sharingDonePath('saved', values.to), 303);
  });

  web.post('/account/sharing/withdraw', async (c) => {
    const earner = requireEarner(c);
    const employerId = employerIdOf(formField(await readForm(c), 'to'));
    const withdrawn = await platform.earners.withdrawConsent(earner.id, employerId);
    return c.redirect(
      sharingDonePath(withdrawn ? 'withdrawn' : 'nothingToWithdraw', employerId ?? DIRECTORY),
      303,
    );
  });
}
