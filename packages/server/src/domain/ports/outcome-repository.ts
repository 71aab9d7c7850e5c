/** Months after a credential's issue date at which its earner is asked about their career. */
export const OUTCOME_WAVES = [3, 6, 12] as const;
export type OutcomeWave = (typeof OUTCOME_WAVES)[number];

/** What an earner may answer; `none` excludes the others, the others combine (a promotion and a raise). */
export const OUTCOMES = ['promotion', 'new-job', 'raise', 'responsibilities', 'none'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
}

export function isOutcomeWave(value: unknown): value is OutcomeWave {
  return typeof value === 'number' && (OUTCOME_WAVES as readonly number[]).includes(value);
}

/** A credential held by an earner who consented to the survey, with what the survey mail needs. */
export interface SurveyCandidate {
  readonly credentialId: string;
  readonly issuedAt: Date;
  readonly achievementId: string;
  readonly achievementName: string;
  readonly earnerId: string;
  readonly email: string;
  readonly locale: string;
}

/** One wave of the survey for one credential: asked, and answered or not yet. */
export interface OutcomeSurvey {
  readonly credentialId: string;
  readonly wave: OutcomeWave;
  readonly earnerId: string;
  readonly achievementId: string;
  readonly achievementName: string;
  readonly askedAt: Date;
  readonly answeredAt: Date | null;
  readonly outcomes: readonly Outcome[];
}

/**
 * Counts for one achievement over earners whose consent stands; `outcomes[o]` counts distinct earners who
 * reported `o` in any wave.
 */
export interface OutcomeCounts {
  readonly asked: number;
  readonly respondents: number;
  readonly outcomes: Readonly<Record<Outcome, number>>;
}

/** The career outcomes survey: who is asked, and their answers per credential and wave. */
export interface OutcomeRepository {
  /**
   * Credentials, neither revoked nor suspended, issued in `[issuedAfter, issuedBefore]`, held (by a verified
   * address) by an earner whose `outcome-survey` preference is on; keyset-paginated by credential, earner.
   */
  candidates(options: {
    readonly issuedBefore: Date;
    readonly issuedAfter: Date;
    readonly limit: number;
    readonly after?: Pick<SurveyCandidate, 'credentialId' | 'earnerId'>;
  }): Promise<SurveyCandidate[]>;
  /** Records that a wave was asked; false when it already was (the first asking stands). */
  recordAsked(options: {
    readonly credentialId: string;
    readonly wave: OutcomeWave;
    readonly earnerId: string;
    readonly achievementId: string;
    readonly at: Date;
  }): Promise<boolean>;
  find(options: { readonly credentialId: string; readonly wave: OutcomeWave }): Promise<OutcomeSurvey | null>;
  /** The earner's asked waves, newest first. */
  listForEarner(options: { readonly earnerId: string }): Promise<OutcomeSurvey[]>;
  /** Replaces the answer of an asked wave. */
  saveAnswer(options: {
    readonly credentialId: string;
    readonly wave: OutcomeWave;
    readonly outcomes: readonly Outcome[];
    readonly at: Date;
  }): Promise<void>;
  counts(options: { readonly achievementId: string }): Promise<OutcomeCounts>;
}
