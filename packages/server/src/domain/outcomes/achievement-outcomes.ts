import { type Actor, authorize } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import type { PlatformContext } from '../platform-context.js';
import { OUTCOMES, type Outcome } from '../ports/index.js';
import { type ProportionInterval, wilsonInterval } from './wilson-interval.js';

/** Below this many distinct earners answering, no outcome figure is shown (k-anonymity, k = 5). */
export const MIN_RESPONDENTS = 5;

export interface OutcomeFigure {
  readonly outcome: Outcome;
  /** Respondents who reported it (in any wave). */
  readonly count: number;
  /** `count / respondents`, from 0 to 1. */
  readonly share: number;
  /** The 95% Wilson score interval of `share`. */
  readonly interval: ProportionInterval;
}

/** An achievement's survey results; `figures` is null (never empty numbers) under `MIN_RESPONDENTS`. */
export interface AchievementOutcomes {
  readonly achievementId: string;
  /** Distinct earners asked at least once. */
  readonly asked: number;
  /** Distinct earners who answered at least once. */
  readonly respondents: number;
  /** `respondents / asked`, or null when nobody was asked. */
  readonly responseRate: number | null;
  readonly minRespondents: number;
  readonly figures: readonly OutcomeFigure[] | null;
}

/** Pure: the figures shown for these counts, none at all when fewer than `MIN_RESPONDENTS` answered. */
export function outcomeFigures(counts: {
  readonly respondents: number;
  readonly outcomes: Readonly<Record<Outcome, number>>;
}): readonly OutcomeFigure[] | null {
  const n = counts.respondents;
  if (n < MIN_RESPONDENTS) return null;
  return OUTCOMES.map((outcome) => {
    const count = counts.outcomes[outcome];
    return { outcome, count, share: count / n, interval: wilsonInterval({ successes: count, trials: n }) };
  });
}

/**
 * The career outcomes of an achievement's earners, for its issuer's staff and keys (any role): another
 * issuer's achievement answers NOT_FOUND, like one that does not exist.
 */
export async function achievementOutcomes(
  context: PlatformContext,
  actor: Actor,
  achievementId: string,
): Promise<AchievementOutcomes> {
  const achievement = await context.storage.achievements.findById({ id: achievementId });
  if (achievement === null) throw resourceNotFound('achievement');
  authorize(actor, achievement.issuerId, 'viewer', { notFound: 'achievement' });
  const counts = await context.storage.outcomes.counts({ achievementId });
  return {
    achievementId,
    asked: counts.asked,
    respondents: counts.respondents,
    responseRate: counts.asked === 0 ? null : counts.respondents / counts.asked,
    minRespondents: MIN_RESPONDENTS,
    figures: outcomeFigures(counts),
  };
}
