import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { PlatformContext } from '../platform-context.js';
import { isOutcome, isOutcomeWave, type Outcome, type OutcomeWave } from '../ports/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What one answer link in a survey mail names. */
export interface SurveyAnswerTarget {
  readonly credentialId: string;
  readonly wave: OutcomeWave;
  readonly earnerId: string;
  readonly outcome: Outcome;
}

// A key of its own, derived from the pepper: an answer link can never be replayed as an unsubscribe
// token or any other signed value the platform makes.
function tokenKey(context: Pick<PlatformContext, 'recipientPepper'>): Buffer {
  return Buffer.from(
    hkdfSync('sha256', context.recipientPepper, new Uint8Array(0), 'outcome survey answer', 32),
  );
}

function mac(context: Pick<PlatformContext, 'recipientPepper'>, target: SurveyAnswerTarget): Buffer {
  return createHmac('sha256', tokenKey(context))
    .update(`${target.credentialId}\n${target.wave}\n${target.earnerId}\n${target.outcome}`, 'utf8')
    .digest();
}

/**
 * The token of one answer link: signed, so it records that one answer for that one earner, credential and
 * wave without signing in, and nothing else. It does not expire: a survey mail may be read weeks later.
 */
export function surveyAnswerToken(
  context: Pick<PlatformContext, 'recipientPepper'>,
  target: SurveyAnswerTarget,
): string {
  const { credentialId, wave, earnerId, outcome } = target;
  return `${credentialId}.${wave}.${earnerId}.${outcome}.${mac(context, target).toString('base64url')}`;
}

/** The answer a token names, or null when it is malformed or not signed by this platform. */
export function readSurveyAnswerToken(
  context: Pick<PlatformContext, 'recipientPepper'>,
  token: string,
): SurveyAnswerTarget | null {
  const [credentialId, waveText, earnerId, outcome, signature, ...rest] = token.split('.');
  if (rest.length > 0 || credentialId === undefined || earnerId === undefined || signature === undefined) {
    return null;
  }
  const wave = Number(waveText);
  if (!UUID.test(credentialId) || !UUID.test(earnerId) || !isOutcomeWave(wave) || !isOutcome(outcome)) {
    return null;
  }
  const target = { credentialId, wave, earnerId, outcome };
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(context, target);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return target;
}
