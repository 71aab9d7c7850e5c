import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type {
  ExpiringCredential,
  NotificationKind,
  NotificationRepository,
  PathwayFollower,
} from '../../domain/ports/notification-repository.js';
import type { Database } from '../database.js';
import { achievements } from '../schema/achievements.js';
import { credentials } from '../schema/credentials.js';
import { earnerEmails } from '../schema/earner-emails.js';
import { earners } from '../schema/earners.js';
import { issuers } from '../schema/issuers.js';
import { notificationPreferences } from '../schema/notification-preferences.js';
import { pathwayFollows } from '../schema/pathway-follows.js';
import { guarded } from './query-helpers.js';

/** `NotificationRepository` on PostgreSQL or PGlite. */
export class PgNotificationRepository implements NotificationRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async preferences(options: {
    readonly earnerId: string;
  }): Promise<Partial<Record<NotificationKind, boolean>>> {
    const rows = await guarded('notification preference', () =>
      this.#db
        .select({ kind: notificationPreferences.kind, enabled: notificationPreferences.enabled })
        .from(notificationPreferences)
        .where(eq(notificationPreferences.earnerId, options.earnerId)),
    );
    return Object.fromEntries(rows.map((row) => [row.kind, row.enabled]));
  }

  async setPreference(options: {
    readonly earnerId: string;
    readonly kind: NotificationKind;
    readonly enabled: boolean;
    readonly at: Date;
  }): Promise<void> {
    await guarded('notification preference', () =>
      this.#db
        .insert(notificationPreferences)
        .values({
          earnerId: options.earnerId,
          kind: options.kind,
          enabled: options.enabled,
          updatedAt: options.at,
        })
        .onConflictDoUpdate({
          target: [notificationPreferences.earnerId, notificationPreferences.kind],
          set: { enabled: options.enabled, updatedAt: options.at },
        }),
    );
  }

  async expiringBetween(options: {
    readonly from: Date;
    readonly to: Date;
    readonly limit: number;
    readonly after?: Pick<ExpiringCredential, 'validUntil' | 'credentialId' | 'earnerId'>;
  }): Promise<ExpiringCredential[]> {
    const after = options.after;
    const rows = await guarded('credential', () =>
      this.#db
        .select({
          credentialId: credentials.id,
          validUntil: credentials.validUntil,
          achievementId: achievements.id,
          achievementName: achievements.name,
          renewalUrl: achievements.renewalUrl,
          issuerName: issuers.name,
          earnerId: earnerEmails.earnerId,
          email: earnerEmails.email,
          locale: earners.locale,
        })
        .from(credentials)
        .innerJoin(achievements, eq(achievements.id, credentials.achievementId))
        .innerJoin(issuers, eq(issuers.id, credentials.issuerId))
        .innerJoin(
          earnerEmails,
          and(
            eq(earnerEmails.lookupHash, credentials.recipientLookupHash),
            isNotNull(earnerEmails.verifiedAt),
          ),
        )
        .innerJoin(earners, eq(earners.id, earnerEmails.earnerId))
        .where(
          and(
            isNull(credentials.revokedAt),
            isNull(credentials.suspendedAt),
            gt(credentials.validUntil, options.from),
            lte(credentials.validUntil, options.to),
            after === undefined
              ? undefined
              : sql`(${credentials.validUntil}, ${credentials.id}, ${earnerEmails.earnerId}) > (${after.validUntil.toISOString()}::timestamptz, ${after.credentialId}::uuid, ${after.earnerId}::uuid)`,
          ),
        )
        .orderBy(asc(credentials.validUntil), asc(credentials.id), asc(earnerEmails.earnerId))
        .limit(Math.min(1000, Math.max(1, Math.trunc(options.limit)))),
    );
    return rows.flatMap((row) => (row.validUntil === null ? [] : [{ ...row, validUntil: row.validUntil }]));
  }

  async followersOf(options: { readonly pathwayIds: readonly string[] }): Promise<PathwayFollower[]> {
    if (options.pathwayIds.length === 0) return [];
    return guarded('pathway', () =>
      this.#db
        .selectDistinctOn([pathwayFollows.pathwayId, pathwayFollows.earnerId], {
          pathwayId: pathwayFollows.pathwayId,
          earnerId: pathwayFollows.earnerId,
          email: earnerEmails.email,
          locale: earners.locale,
        })
        .from(pathwayFollows)
        .innerJoin(earners, eq(earners.id, pathwayFollows.earnerId))
        .innerJoin(
          earnerEmails,
          and(eq(earnerEmails.earnerId, pathwayFollows.earnerId), isNotNull(earnerEmails.verifiedAt)),
        )
        .where(inArray(pathwayFollows.pathwayId, [...options.pathwayIds]))
        .orderBy(pathwayFollows.pathwayId, pathwayFollows.earnerId, asc(earnerEmails.createdAt)),
    );
  }
}
