import { notifyEarner } from '../notify/notify-earner.js';
import type { PlatformContext } from '../platform-context.js';
import { OUTCOME_WAVES, OUTCOMES, type OutcomeWave, type SurveyCandidate } from '../ports/index.js';
import { surveyAnswerToken } from './survey-answer-token.js';

const PAGE = 200;
// The 12-month wave is still asked up to a month late (a sweep that did not run for a while).
const LATE_MONTHS = 1;

/** `date` plus `months` calendar months, in UTC (3 months after 30 November is 28 or 29 February). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const last = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, last));
  return result;
}

/** The latest wave due for a credential issued at `issuedAt`, or null before the first. */
export function dueWave(issuedAt: Date, now: Date): OutcomeWave | null {
  let due: OutcomeWave | null = null;
  for (const wave of OUTCOME_WAVES) if (addMonths(issuedAt, wave) <= now) due = wave;
  return due;
}

/** The path where a survey answer link lands: `GET` shows one confirm button, `POST` records. */
export function surveyAnswerPath(token: string): string {
  return `/outcomes/answer/${encodeURIComponent(token)}`;
}

async function askOne(context: PlatformContext, row: SurveyCandidate, wave: OutcomeWave): Promise<boolean> {
  return context.storage
    .transaction(async (repositories) => {
      const asked = await repositories.outcomes.recordAsked({
        credentialId: row.credentialId,
        wave,
        earnerId: row.earnerId,
        achievementId: row.achievementId,
        at: context.now(),
      });
      if (!asked) return false;
      const sent = await notifyEarner(repositories, context, {
        recipient: { earnerId: row.earnerId, email: row.email, locale: row.locale },
        kind: 'outcome-survey',
        event: `${row.credentialId}:${wave}m`,
        content: (t) => ({
          subject: 'outcomes.mail.subject',
          body: 'outcomes.mail.body',
          action: 'outcomes.mail.action',
          params: { achievement: row.achievementName, months: wave },
          link: `${context.publicUrl}/account/outcomes`,
          choices: OUTCOMES.map((outcome) => ({
            label: t(`outcomes.answer.${outcome}`),
            url: `${context.publicUrl}${surveyAnswerPath(
              surveyAnswerToken(context, {
                credentialId: row.credentialId,
                wave,
                earnerId: row.earnerId,
                outcome,
              }),
            )}`,
          })),
        }),
      });
      // Consent withdrawn between the look-up and now: leave the wave unasked, so nothing counts it.
      if (!sent) throw new SurveyNotSent();
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof SurveyNotSent) return false;
      throw error;
    });
}

class SurveyNotSent extends Error {}

/**
 * Asks the career outcomes survey where it is due: for each credential held by an earner who consented,
 * the latest wave reached (3, 6 or 12 months after `issuedAt`) that was not asked yet. Exactly once per
 * credential and wave: the asked row and the outbox key both say so, in one transaction, so sweeps may
 * run any number of times in any number of processes. Earlier waves passed before consent are skipped,
 * not sent in a burst. Resolves to how many mails it added.
 */
export async function sweepOutcomeSurveys(context: PlatformContext): Promise<number> {
  const now = context.now();
  const first = OUTCOME_WAVES[0];
  const last = OUTCOME_WAVES[OUTCOME_WAVES.length - 1] ?? first;
  let added = 0;
  let after: Pick<SurveyCandidate, 'credentialId' | 'earnerId'> | undefined;
  for (;;) {
    const page = await context.storage.outcomes.candidates({
      issuedBefore: addMonths(now, -first),
      issuedAfter: addMonths(now, -(last + LATE_MONTHS)),
      limit: PAGE,
      ...(after === undefined ? {} : { after }),
    });
    for (const row of page) {
      const wave = dueWave(row.issuedAt, now);
      if (wave !== null && (await askOne(context, row, wave))) added += 1;
    }
    const tail = page.at(-1);
    if (page.length < PAGE || tail === undefined) return added;
    after = { credentialId: tail.credentialId, earnerId: tail.earnerId };
  }
}
