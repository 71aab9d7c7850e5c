import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';
import type { Platform } from '../../domain/platform.js';
import type { ConsentView } from '../../domain/talent/talent-consents.js';
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
import { WorkforceSection, type WorkforceState } from './workforce-section.js';

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
      {...(options.message === undefined ? {} : { message: options.message })}
      {...(options.error === undefined ? {} : { error: options.error })}
      workforce={
        <WorkforceSection
          c={c}
          invitations={await platform.earners.workforceInvitations(earner.id)}
          items={items}
          state={options.workforce}
        />
      }
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
    let employerId: string | null;
    try {
      employerId = employerIdOf(values.to);
      await platform.earners.giveConsent(earner.id, {
        employerId,
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
    const consent = (await platform.earners.consents(earner.id)).find(
      (item) => item.employerId === employerId,
    );
    return renderSharing(c, platform, {
      // The form then shows what was just saved, ready to be changed again.
      ...(consent === undefined ? {} : { values: valuesOf(consent) }),
      message: t('sharing.saved', { target: await targetName(c, platform, consent, employerId) }),
    });
  });

  web.post('/account/sharing/withdraw', async (c) => {
    const earner = requireEarner(c);
    const employerId = employerIdOf(formField(await readForm(c), 'to'));
    const consent = (await platform.earners.consents(earner.id)).find(
      (item) => item.employerId === employerId,
    );
    const withdrawn = await platform.earners.withdrawConsent(earner.id, employerId);
    const target = await targetName(c, platform, consent, employerId);
    const t = c.get('t');
    return renderSharing(c, platform, {
      message: withdrawn ? t('sharing.withdrawn', { target }) : t('sharing.nothingToWithdraw', { target }),
    });
  });
}
