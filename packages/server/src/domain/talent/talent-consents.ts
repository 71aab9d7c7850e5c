import { z } from 'zod';
import { resourceNotFound } from '../auth/resource-not-found.js';
import { listPortfolio } from '../earner/portfolio.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { Employer, TalentConsent } from '../ports/index.js';
import { refreshTalentEvidence } from './talent-evidence.js';

const MAX_CHOSEN_CREDENTIALS = 500;

export const ConsentInputSchema = z.strictObject({
  /** Null: the public talent directory, which every employer on the platform searches. */
  employerId: z.uuid().nullable(),
  showName: z.boolean(),
  showContact: z.boolean(),
  /** Null: every credential the earner holds, now and later. */
  credentialIds: z.array(z.uuid()).min(1).max(MAX_CHOSEN_CREDENTIALS).nullable(),
  location: z.string().trim().max(100).nullable(),
});

/** A consent with the employer it was given to (null: the directory). */
export interface ConsentView extends TalentConsent {
  readonly employer: Employer | null;
}

/**
 * Refuses (VALIDATION_ERROR) any id that is not one of the earner's own accepted credentials or imports:
 * what an earner chooses to show an employer can only be theirs.
 */
export async function assertOwnCredentials(
  context: PlatformContext,
  earnerId: string,
  credentialIds: readonly string[],
): Promise<void> {
  const own = new Set(
    (await listPortfolio(context, earnerId)).flatMap((item) =>
      item.kind === 'issued' ? (item.choice === 'accepted' ? [item.credential.id] : []) : [item.imported.id],
    ),
  );
  const foreign = credentialIds.filter((id) => !own.has(id));
  if (foreign.length > 0) {
    throw new ServerError(
      ServerErrorCode.VALIDATION_ERROR,
      `not credentials of this portfolio: ${foreign.join(', ')}`,
      {
        details: {
          errors: [{ path: 'credentialIds', in: 'body', message: 'your own accepted credentials' }],
        },
      },
    );
  }
}

/**
 * Gives (or changes) the earner's consent to be found: by one employer or through the public directory,
 * showing what they chose. Only their own accepted credentials and imports can be chosen.
 */
export async function giveConsent(
  context: PlatformContext,
  earnerId: string,
  raw: z.input<typeof ConsentInputSchema>,
): Promise<TalentConsent> {
  const input = ConsentInputSchema.parse(raw);
  if (
    input.employerId !== null &&
    (await context.storage.employers.findById({ id: input.employerId })) === null
  ) {
    throw resourceNotFound('employer');
  }
  if (input.credentialIds !== null) await assertOwnCredentials(context, earnerId, input.credentialIds);
  const consent = await context.storage.talent.putConsent({
    earnerId,
    employerId: input.employerId,
    showName: input.showName,
    showContact: input.showContact,
    credentialIds: input.credentialIds === null ? null : [...new Set(input.credentialIds)],
    location: input.location === null || input.location === '' ? null : input.location,
  });
  // Evidence is kept for every earner, but one who never changed their portfolio since it existed has none.
  await refreshTalentEvidence(context, earnerId);
  return consent;
}

/** Withdraws a consent: the earner disappears from that employer's (or the directory's) results at once. */
export async function withdrawConsent(
  context: PlatformContext,
  earnerId: string,
  employerId: string | null,
): Promise<boolean> {
  return context.storage.talent.withdrawConsent({ earnerId, employerId });
}

export async function listConsents(context: PlatformContext, earnerId: string): Promise<ConsentView[]> {
  const consents = await context.storage.talent.listConsents({ earnerId });
  const views: ConsentView[] = [];
  for (const consent of consents) {
    const employer =
      consent.employerId === null
        ? null
        : await context.storage.employers.findById({ id: consent.employerId });
    views.push({ ...consent, employer });
  }
  return views.sort((a, b) => (a.employer?.name ?? '').localeCompare(b.employer?.name ?? ''));
}

/** The employers an earner may choose to be found by (names only: who they are is public). */
export async function listEmployersToConsent(context: PlatformContext): Promise<Employer[]> {
  return context.storage.employers.list({ limit: 500 });
}
