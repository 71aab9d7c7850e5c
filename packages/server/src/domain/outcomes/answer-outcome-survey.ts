import { z } from 'zod';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import { OUTCOMES, type Outcome, type OutcomeSurvey, type OutcomeWave } from '../ports/index.js';
import { readSurveyAnswerToken, type SurveyAnswerTarget } from './survey-answer-token.js';

function noSuchSurvey(): ServerError {
  // One answer for a forged token, another earner's survey and a wave never asked: it tells nothing.
  return new ServerError(ServerErrorCode.NOT_FOUND, 'no such survey');
}

async function askedWave(
  context: PlatformContext,
  target: { readonly credentialId: string; readonly wave: OutcomeWave; readonly earnerId: string },
): Promise<OutcomeSurvey> {
  const survey = await context.storage.outcomes.find(target);
  if (survey === null || survey.earnerId !== target.earnerId) throw noSuchSurvey();
  // After withdrawing consent (settings, or the mail's unsubscribe link) old answer links record nothing.
  const consent = (await context.storage.notifications.preferences({ earnerId: target.earnerId }))[
    'outcome-survey'
  ];
  if (consent !== true) throw noSuchSurvey();
  return survey;
}

function linkTarget(context: PlatformContext, token: string): SurveyAnswerTarget {
  const target = readSurveyAnswerToken(context, token);
  if (target === null) throw noSuchSurvey();
  return target;
}

/** What an answer link would record, for its confirmation page; throws `NOT_FOUND` for a bad link. */
export async function viewSurveyAnswer(
  context: PlatformContext,
  token: string,
): Promise<{ readonly achievementName: string; readonly wave: OutcomeWave; readonly outcome: Outcome }> {
  const target = linkTarget(context, token);
  const survey = await askedWave(context, target);
  return { achievementName: survey.achievementName, wave: survey.wave, outcome: target.outcome };
}

/**
 * Records the one answer a mail link names, no sign-in needed (the link is signed). Answers add up, so a
 * promotion and a raise are two clicks; `none` replaces the others and another answer replaces `none`.
 * Clicking twice changes nothing.
 */
export async function answerSurveyByLink(
  context: PlatformContext,
  token: string,
): Promise<{ readonly outcomes: readonly Outcome[] }> {
  const target = linkTarget(context, token);
  const survey = await askedWave(context, target);
  const outcomes: Outcome[] =
    target.outcome === 'none'
      ? ['none']
      : OUTCOMES.filter((o) => o === target.outcome || (o !== 'none' && survey.outcomes.includes(o)));
  await context.storage.outcomes.saveAnswer({ ...target, outcomes, at: context.now() });
  return { outcomes };
}

/** The account page's answer: a set of outcomes, or `none` alone. */
export const SurveyAnswerSchema = z
  .array(z.enum(OUTCOMES))
  .min(1, 'choose at least one answer')
  .refine(
    (list) => !list.includes('none') || list.length === 1,
    '“none” cannot be combined with another answer',
  );

/** The signed-in earner's answer to one asked wave of one of their credentials (replaces an earlier one). */
export async function answerSurvey(
  context: PlatformContext,
  earnerId: string,
  input: { readonly credentialId: string; readonly wave: OutcomeWave; readonly outcomes: readonly unknown[] },
): Promise<{ readonly outcomes: readonly Outcome[] }> {
  const parsed = SurveyAnswerSchema.safeParse(input.outcomes);
  if (!parsed.success) {
    throw new ServerError(
      ServerErrorCode.VALIDATION_ERROR,
      parsed.error.issues[0]?.message ?? 'not a survey answer',
    );
  }
  if (!z.uuid().safeParse(input.credentialId).success) throw noSuchSurvey();
  await askedWave(context, { credentialId: input.credentialId, wave: input.wave, earnerId });
  const outcomes = OUTCOMES.filter((o) => parsed.data.includes(o));
  await context.storage.outcomes.saveAnswer({ ...input, outcomes, at: context.now() });
  return { outcomes };
}

// How long an answered wave stays on the account page, to be corrected; after that it is done with.
const CORRECTABLE_MS = 30 * 24 * 60 * 60 * 1000;

/** The waves to show on the account page: unanswered ones first, then those answered in the last 30 days. */
export async function listEarnerSurveys(
  context: PlatformContext,
  earnerId: string,
): Promise<OutcomeSurvey[]> {
  const since = context.now().getTime() - CORRECTABLE_MS;
  const surveys = await context.storage.outcomes.listForEarner({ earnerId });
  return surveys
    .filter((survey) => survey.answeredAt === null || survey.answeredAt.getTime() > since)
    .sort((a, b) => Number(a.answeredAt !== null) - Number(b.answeredAt !== null));
}

/**
 * Whether the earner takes part in the survey, and whether they were ever asked: the account page asks
 * once, until they answer either way (the choice is the `outcome-survey` notification preference).
 */
export async function surveyConsent(
  context: PlatformContext,
  earnerId: string,
): Promise<{ readonly consented: boolean; readonly decided: boolean }> {
  const chosen = (await context.storage.notifications.preferences({ earnerId }))['outcome-survey'];
  return { consented: chosen === true, decided: chosen !== undefined };
}

/** The earner's yes or no to the survey (from the account page's one-time question). */
export async function setSurveyConsent(
  context: PlatformContext,
  earnerId: string,
  consent: boolean,
): Promise<void> {
  await context.storage.notifications.setPreference({
    earnerId,
    kind: 'outcome-survey',
    enabled: consent,
    at: context.now(),
  });
}
