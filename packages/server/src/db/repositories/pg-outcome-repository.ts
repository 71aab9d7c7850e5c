import { and, asc, desc, eq, gte, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import {
  OUTCOMES,
  type Outcome,
  type OutcomeCounts,
  type OutcomeRepository,
  type OutcomeSurvey,
  type OutcomeWave,
  type SurveyCandidate,
} from '../../domain/ports/outcome-repository.js';
import type { Database } from '../database.js';
import { achievements } from '../schema/achievements.js';
import { credentials } from '../schema/credentials.js';
import { earnerEmails } from '../schema/earner-emails.js';
import { earners } from '../schema/earners.js';
import { notificationPreferences } from '../schema/notification-preferences.js';
import { outcomeSurveys } from '../schema/outcome-surveys.js';
import { guarded } from './query-helpers.js';

/** `OutcomeRepository` on PostgreSQL or PGlite. */
export class PgOutcomeRepository implements OutcomeRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async candidates(options: {
    readonly issuedBefore: Date;
    readonly issuedAfter: Date;
    readonly limit: number;
    readonly after?: Pick<SurveyCandidate, 'credentialId' | 'earnerId'>;
  }): Promise<SurveyCandidate[]> {
    const after = options.after;
    return guarded('credential', () =>
      this.#db
        .select({
          credentialId: credentials.id,
          issuedAt: credentials.issuedAt,
          achievementId: achievements.id,
          achievementName: achievements.name,
          earnerId: earnerEmails.earnerId,
          email: earnerEmails.email,
          locale: earners.locale,
        })
        .from(credentials)
        .innerJoin(achievements, eq(achievements.id, credentials.achievementId))
        .innerJoin(
          earnerEmails,
          and(
            eq(earnerEmails.lookupHash, credentials.recipientLookupHash),
            isNotNull(earnerEmails.verifiedAt),
          ),
        )
        .innerJoin(earners, eq(earners.id, earnerEmails.earnerId))
        // Consent is an explicit "yes": the survey kind is off by default, so no row means no.
        .innerJoin(
          notificationPreferences,
          and(
            eq(notificationPreferences.earnerId, earnerEmails.earnerId),
            eq(notificationPreferences.kind, 'outcome-survey'),
            eq(notificationPreferences.enabled, true),
          ),
        )
        .where(
          and(
            isNull(credentials.revokedAt),
            isNull(credentials.suspendedAt),
            lte(credentials.issuedAt, options.issuedBefore),
            gte(credentials.issuedAt, options.issuedAfter),
            after === undefined
              ? undefined
              : sql`(${credentials.id}, ${earnerEmails.earnerId}) > (${after.credentialId}::uuid, ${after.earnerId}::uuid)`,
          ),
        )
        .orderBy(asc(credentials.id), asc(earnerEmails.earnerId))
        .limit(Math.min(1000, Math.max(1, Math.trunc(options.limit)))),
    );
  }

  async recordAsked(options: {
    readonly credentialId: string;
    readonly wave: OutcomeWave;
    readonly earnerId: string;
    readonly achievementId: string;
    readonly at: Date;
  }): Promise<boolean> {
    const rows = await guarded('outcome survey', () =>
      this.#db
        .insert(outcomeSurveys)
        .values({
          credentialId: options.credentialId,
          wave: options.wave,
          earnerId: options.earnerId,
          achievementId: options.achievementId,
          askedAt: options.at,
        })
        .onConflictDoNothing()
        .returning({ credentialId: outcomeSurveys.credentialId }),
    );
    return rows.length > 0;
  }

  #select() {
    return this.#db
      .select({
        credentialId: outcomeSurveys.credentialId,
        wave: outcomeSurveys.wave,
        earnerId: outcomeSurveys.earnerId,
        achievementId: outcomeSurveys.achievementId,
        achievementName: achievements.name,
        askedAt: outcomeSurveys.askedAt,
        answeredAt: outcomeSurveys.answeredAt,
        outcomes: outcomeSurveys.outcomes,
      })
      .from(outcomeSurveys)
      .innerJoin(achievements, eq(achievements.id, outcomeSurveys.achievementId));
  }

  async find(options: {
    readonly credentialId: string;
    readonly wave: OutcomeWave;
  }): Promise<OutcomeSurvey | null> {
    const rows = await guarded('outcome survey', () =>
      this.#select().where(
        and(eq(outcomeSurveys.credentialId, options.credentialId), eq(outcomeSurveys.wave, options.wave)),
      ),
    );
    const row = rows[0];
    return row === undefined ? null : { ...row, wave: row.wave as OutcomeWave };
  }

  async listForEarner(options: { readonly earnerId: string }): Promise<OutcomeSurvey[]> {
    const rows = await guarded('outcome survey', () =>
      this.#select()
        .where(eq(outcomeSurveys.earnerId, options.earnerId))
        .orderBy(desc(outcomeSurveys.askedAt), asc(outcomeSurveys.credentialId)),
    );
    return rows.map((row) => ({ ...row, wave: row.wave as OutcomeWave }));
  }

  async saveAnswer(options: {
    readonly credentialId: string;
    readonly wave: OutcomeWave;
    readonly outcomes: readonly Outcome[];
    readonly at: Date;
  }): Promise<void> {
    await guarded('outcome survey', () =>
      this.#db
        .update(outcomeSurveys)
        .set({ outcomes: [...options.outcomes], answeredAt: options.at })
        .where(
          and(eq(outcomeSurveys.credentialId, options.credentialId), eq(outcomeSurveys.wave, options.wave)),
        ),
    );
  }

  async counts(options: { readonly achievementId: string }): Promise<OutcomeCounts> {
    // One row per earner: "since earning it" is cumulative, so an outcome reported in any wave counts once.
    const rows = await guarded('outcome survey', () =>
      this.#db
        .select({
          earnerId: outcomeSurveys.earnerId,
          answered: sql<boolean>`bool_or(${outcomeSurveys.answeredAt} is not null)`,
          outcomes: sql<Outcome[] | null>`array_agg(distinct o.outcome) filter (where o.outcome is not null)`,
        })
        .from(outcomeSurveys)
        // Only earners whose consent stands: withdrawing it takes their answers out of every figure.
        .innerJoin(
          notificationPreferences,
          and(
            eq(notificationPreferences.earnerId, outcomeSurveys.earnerId),
            eq(notificationPreferences.kind, 'outcome-survey'),
            eq(notificationPreferences.enabled, true),
          ),
        )
        .leftJoin(sql`unnest(${outcomeSurveys.outcomes}) as o(outcome)`, sql`true`)
        .where(eq(outcomeSurveys.achievementId, options.achievementId))
        .groupBy(outcomeSurveys.earnerId),
    );
    const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
    let respondents = 0;
    for (const row of rows) {
      if (!row.answered) continue;
      respondents += 1;
      const reported = new Set(row.outcomes ?? []);
      const positive = OUTCOMES.filter((o) => o !== 'none' && reported.has(o));
      for (const o of positive) outcomes[o] += 1;
      // "None" only for an earner who reported nothing positive in any wave (a later "none" keeps an earlier raise).
      if (positive.length === 0) outcomes.none += 1;
    }
    return { asked: rows.length, respondents, outcomes };
  }
}
