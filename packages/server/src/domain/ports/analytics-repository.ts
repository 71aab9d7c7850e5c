import type { EventType } from './event-repository.js';

/** Which events an aggregate covers: one issuer, optionally one achievement, `from` ≤ at < `to`. */
export interface AnalyticsScope {
  readonly issuerId: string;
  readonly achievementId?: string;
  readonly from?: Date;
  readonly to?: Date;
}

export type AnalyticsBucket = 'day' | 'week' | 'month';

/** How many events of one type (and one channel or format) fell in one bucket for one achievement. */
export interface EventCount {
  /** The bucket's first instant (UTC; weeks start on Monday). */
  readonly bucket: Date;
  readonly achievementId: string | null;
  readonly type: EventType;
  /** `channel` of a share, `format` of a download; null otherwise. */
  readonly detail: string | null;
  readonly count: number;
}

/** What became of the credentials issued in the scope (a cohort), up to the scope's end. */
export interface CohortFigures {
  readonly issued: number;
  readonly uniqueRecipients: number;
  readonly claimed: number;
  /** Reached by a share button, an embed copy or a LinkedIn add. */
  readonly shared: number;
  readonly verified: number;
  /** Median seconds from issuance to claim over the claimed ones; null when none was claimed. */
  readonly medianSecondsToClaim: number | null;
}

/** The whole instance in four numbers, for its home page. */
export interface InstanceFigures {
  /** Organisations that issue (employers' workspaces are not counted). */
  readonly issuers: number;
  /** Published achievements: what can be earned here now. */
  readonly achievements: number;
  /** Every credential signed here, revoked ones included (they were issued). */
  readonly credentialsIssued: number;
  /** Verifications of this platform's credentials since the given instant (the page, the VC API, batches). */
  readonly verificationsSince: number;
}

/** Aggregates over the event record, computed in SQL. Read-only. */
export interface AnalyticsRepository {
  /** Event counts grouped by bucket, achievement, type and detail (share channel, download format). */
  countEvents(scope: AnalyticsScope, bucket: AnalyticsBucket): Promise<EventCount[]>;
  cohort(scope: AnalyticsScope): Promise<CohortFigures>;
  /** When the scope's first event happened (the start of "all time"), or null when it has none. */
  firstEventAt(scope: Pick<AnalyticsScope, 'issuerId' | 'achievementId'>): Promise<Date | null>;
  instanceFigures(options: { readonly verifiedSince: Date }): Promise<InstanceFigures>;
}
