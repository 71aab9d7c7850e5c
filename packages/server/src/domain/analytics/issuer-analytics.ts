import { ErrorCode, MicrocredError } from '@microcred/vc';
import { z } from 'zod';
import { type Actor, authorize } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import type { PlatformContext } from '../platform-context.js';
import type { AnalyticsBucket, AnalyticsScope, EventCount } from '../ports/analytics-repository.js';
import type { EventType } from '../ports/event-repository.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const TOP = 10;

/** A UTC day (`2026-03-01`, the whole day) or an instant (`2026-03-01T12:00:00Z`). */
const PeriodBound = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'a date (YYYY-MM-DD) or an ISO 8601 date-time',
});

export const AnalyticsQuerySchema = z.strictObject({
  issuerId: z.uuid(),
  achievementId: z.uuid().optional(),
  /** Inclusive: a day counts from its first instant. */
  from: PeriodBound.optional(),
  /** Inclusive for a day (up to its end), exclusive for an instant. */
  to: PeriodBound.optional(),
});
export type AnalyticsQuery = z.input<typeof AnalyticsQuerySchema>;

/** The activity counted in one bucket of the time series, or for one achievement. */
export interface ActivityCounts {
  readonly issued: number;
  readonly claimed: number;
  readonly views: number;
  readonly shares: number;
  readonly linkedinAdds: number;
  readonly downloads: number;
  readonly verifications: number;
  readonly revocations: number;
}

export const ACTIVITY_KEYS = [
  'issued',
  'claimed',
  'views',
  'shares',
  'linkedinAdds',
  'downloads',
  'verifications',
  'revocations',
] as const satisfies readonly (keyof ActivityCounts)[];

const ACTIVITY_OF: Partial<Record<EventType, keyof ActivityCounts>> = {
  'credential.issued': 'issued',
  'credential.claimed': 'claimed',
  'credential.viewed': 'views',
  'credential.shared': 'shares',
  'credential.linkedin_added': 'linkedinAdds',
  'credential.downloaded': 'downloads',
  'credential.verified': 'verifications',
  'credential.revoked': 'revocations',
};

export interface IssuerAnalytics extends ActivityCounts {
  readonly issuerId: string;
  readonly achievementId: string | null;
  /** The period's first instant, null for "since the first event". */
  readonly from: Date | null;
  /** The instant the period ends (exclusive), null for "until now". */
  readonly to: Date | null;
  readonly uniqueRecipients: number;
  /** Of the credentials issued in the period, the share claimed by its end (0…1); null when none was issued. */
  readonly claimRate: number | null;
  readonly medianSecondsToClaim: number | null;
  readonly sharesByChannel: Readonly<Record<string, number>>;
  readonly downloadsByFormat: Readonly<Record<string, number>>;
  /** Of the credentials issued in the period, how many reached each stage by its end (each stage on its own). */
  readonly funnel: {
    readonly issued: number;
    readonly claimed: number;
    readonly shared: number;
    readonly verified: number;
  };
  readonly bucket: AnalyticsBucket;
  readonly series: readonly ({ readonly start: Date } & ActivityCounts)[];
  /** The most issued achievements of the period (at most ten), then the most viewed. */
  readonly topAchievements: readonly ({
    readonly achievementId: string;
    readonly name: string;
  } & ActivityCounts)[];
  /** The underlying counts, one row per bucket and achievement (the CSV export). */
  readonly rows: readonly ({
    readonly start: Date;
    readonly achievementId: string | null;
  } & ActivityCounts)[];
}

function zero(): Record<keyof ActivityCounts, number> {
  return {
    issued: 0,
    claimed: 0,
    views: 0,
    shares: 0,
    linkedinAdds: 0,
    downloads: 0,
    verifications: 0,
    revocations: 0,
  };
}

function startOf(value: string): Date {
  return new Date(DAY.test(value) ? `${value}T00:00:00Z` : value);
}

function endOf(value: string): Date {
  return DAY.test(value) ? new Date(Date.parse(`${value}T00:00:00Z`) + DAY_MS) : new Date(value);
}

/** Days for up to three months, weeks for up to two years, months beyond: a chart of at most ~100 points. */
export function bucketFor(from: Date, to: Date): AnalyticsBucket {
  const days = (to.getTime() - from.getTime()) / DAY_MS;
  if (days <= 92) return 'day';
  return days <= 731 ? 'week' : 'month';
}

/** The first instant of the bucket holding `at` (UTC; weeks start on Monday, as PostgreSQL's date_trunc). */
export function truncate(at: Date, bucket: AnalyticsBucket): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  if (bucket === 'day') return new Date(day);
  if (bucket === 'month') return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  return new Date(day - ((at.getUTCDay() + 6) % 7) * DAY_MS);
}

function next(start: Date, bucket: AnalyticsBucket): Date {
  if (bucket === 'day') return new Date(start.getTime() + DAY_MS);
  if (bucket === 'week') return new Date(start.getTime() + 7 * DAY_MS);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
}

function add(target: Record<keyof ActivityCounts, number>, row: EventCount): void {
  const key = ACTIVITY_OF[row.type];
  if (key !== undefined) target[key] += row.count;
}

function tally(target: Record<string, number>, key: string | null, count: number): void {
  const name = key ?? 'other';
  target[name] = (target[name] ?? 0) + count;
}

/**
 * An issuer's analytics over a period (all time by default), for one achievement or all: activity
 * counts, what became of the credentials issued in the period (funnel, claim rate, time to claim),
 * a time series and the top achievements. A viewer may read them; another issuer's id answers NOT_FOUND.
 */
export async function issuerAnalytics(
  context: PlatformContext,
  actor: Actor,
  raw: AnalyticsQuery,
): Promise<IssuerAnalytics> {
  const query = AnalyticsQuerySchema.parse(raw);
  authorize(actor, query.issuerId, 'viewer', { notFound: 'issuer' });
  const { storage } = context;
  if ((await storage.issuers.findById({ id: query.issuerId })) === null) throw resourceNotFound('issuer');
  if (query.achievementId !== undefined) {
    const achievement = await storage.achievements.findById({ id: query.achievementId });
    if (achievement?.issuerId !== query.issuerId) throw resourceNotFound('achievement');
  }
  const from = query.from === undefined ? undefined : startOf(query.from);
  const to = query.to === undefined ? undefined : endOf(query.to);
  if (from !== undefined && to !== undefined && from.getTime() >= to.getTime()) {
    throw new MicrocredError(ErrorCode.VALIDATION_ERROR, 'the period ends before it starts', {
      details: { errors: [{ path: 'to', in: 'query', message: 'after `from`' }] },
    });
  }
  const scope: AnalyticsScope = {
    issuerId: query.issuerId,
    ...(query.achievementId === undefined ? {} : { achievementId: query.achievementId }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };

  await context.pendingEvents.flush();
  const first = await storage.analytics.firstEventAt({
    issuerId: scope.issuerId,
    ...(scope.achievementId === undefined ? {} : { achievementId: scope.achievementId }),
  });
  const now = context.now();
  // The chart spans the period, but never before the first event nor after now: a period from year 1 or
  // to 2100 draws no empty centuries.
  const seriesFrom =
    first === null ? (from ?? now) : new Date(Math.max(first.getTime(), from?.getTime() ?? 0));
  const seriesTo = new Date(Math.min(to?.getTime() ?? now.getTime(), now.getTime()));
  const bucket = bucketFor(seriesFrom, seriesTo);
  const [counts, cohort] = await Promise.all([
    storage.analytics.countEvents(scope, bucket),
    storage.analytics.cohort(scope),
  ]);

  const totals = zero();
  const sharesByChannel: Record<string, number> = {};
  const downloadsByFormat: Record<string, number> = {};
  const byBucket = new Map<number, Record<keyof ActivityCounts, number>>();
  const byAchievement = new Map<string, Record<keyof ActivityCounts, number>>();
  const byRow = new Map<
    string,
    { start: Date; achievementId: string | null } & Record<keyof ActivityCounts, number>
  >();
  for (const row of counts) {
    add(totals, row);
    if (row.type === 'credential.shared') tally(sharesByChannel, row.detail, row.count);
    if (row.type === 'credential.downloaded') tally(downloadsByFormat, row.detail, row.count);
    const inBucket = byBucket.get(row.bucket.getTime()) ?? zero();
    add(inBucket, row);
    byBucket.set(row.bucket.getTime(), inBucket);
    if (row.achievementId !== null) {
      const ofAchievement = byAchievement.get(row.achievementId) ?? zero();
      add(ofAchievement, row);
      byAchievement.set(row.achievementId, ofAchievement);
    }
    const key = `${row.bucket.getTime()}/${row.achievementId}`;
    const line = byRow.get(key) ?? { start: row.bucket, achievementId: row.achievementId, ...zero() };
    add(line, row);
    byRow.set(key, line);
  }

  const series: ({ start: Date } & ActivityCounts)[] = [];
  if (first !== null) {
    for (
      let start = truncate(seriesFrom, bucket);
      start.getTime() < seriesTo.getTime();
      start = next(start, bucket)
    ) {
      series.push({ start, ...(byBucket.get(start.getTime()) ?? zero()) });
    }
  }

  const ranked = [...byAchievement.entries()]
    .sort(([, a], [, b]) => b.issued - a.issued || b.views - a.views)
    .slice(0, TOP);
  const topAchievements = [];
  for (const [achievementId, activity] of ranked) {
    const achievement = await storage.achievements.findById({ id: achievementId });
    topAchievements.push({ achievementId, name: achievement?.name ?? achievementId, ...activity });
  }

  return {
    issuerId: query.issuerId,
    achievementId: query.achievementId ?? null,
    from: from ?? null,
    to: to ?? null,
    ...totals,
    uniqueRecipients: cohort.uniqueRecipients,
    claimRate: cohort.issued === 0 ? null : cohort.claimed / cohort.issued,
    medianSecondsToClaim: cohort.medianSecondsToClaim,
    sharesByChannel,
    downloadsByFormat,
    funnel: {
      issued: cohort.issued,
      claimed: cohort.claimed,
      shared: cohort.shared,
      verified: cohort.verified,
    },
    bucket,
    series,
    topAchievements,
    rows: [...byRow.values()],
  };
}
