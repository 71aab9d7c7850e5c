import { z } from 'zod';
import { type Actor, authorize } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import type { PlatformContext } from '../platform-context.js';
import {
  type AchievementStatus,
  type BulkJob,
  ISSUED_STATES,
  type IssuedCredential,
  type IssuedStatistics,
} from '../ports/index.js';
import { getCredential } from './manage-credentials.js';
import { recipientLookupHash } from './recipient-lookup-hash.js';

/** The console's credentials search, as its filter form submits it. */
export const IssuedSearchSchema = z.strictObject({
  /** An email address (matched through its keyed hash), a DID, or part of a name. */
  recipient: z.string().trim().max(320).optional(),
  achievementId: z.uuid().optional(),
  state: z.enum(ISSUED_STATES).optional(),
  /** Issued on or after this day (UTC). */
  from: z.iso.date().optional(),
  /** Issued on or before this day (UTC). */
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type IssuedSearch = z.input<typeof IssuedSearchSchema>;

const DAY_MS = 86_400_000;

function recipientFilter(context: PlatformContext, recipient: string | undefined) {
  if (recipient === undefined || recipient === '') return {};
  if (recipient.startsWith('did:')) return { recipientDid: recipient };
  if (recipient.includes('@'))
    return { recipientLookupHash: recipientLookupHash(context.recipientPepper, recipient) };
  return { recipientName: recipient };
}

/**
 * What an issuer issued, newest first, filtered as the console's list asks (viewer role). Emails are
 * never stored, so a search by email finds the credentials issued to exactly that address.
 */
export async function searchIssuedCredentials(
  context: PlatformContext,
  actor: Actor,
  issuerId: string,
  raw: IssuedSearch,
): Promise<{ items: IssuedCredential[]; total: number; limit: number; offset: number }> {
  authorize(actor, issuerId, 'viewer', { notFound: 'issuer' });
  const query = IssuedSearchSchema.parse(raw);
  const found = await context.storage.credentials.searchIssued({
    issuerId,
    at: context.now(),
    ...recipientFilter(context, query.recipient),
    ...(query.achievementId === undefined ? {} : { achievementId: query.achievementId }),
    ...(query.state === undefined ? {} : { state: query.state }),
    ...(query.from === undefined ? {} : { issuedFrom: new Date(`${query.from}T00:00:00Z`) }),
    ...(query.to === undefined
      ? {}
      : { issuedBefore: new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) }),
    limit: query.limit,
    offset: query.offset,
  });
  return { ...found, limit: query.limit, offset: query.offset };
}

/** One credential its issuer issued, with its state (viewer role), as the console's detail page shows it. */
export async function issuedCredential(
  context: PlatformContext,
  actor: Actor,
  id: string,
): Promise<IssuedCredential> {
  const record = await getCredential(context, actor, id);
  const {
    items: [found],
  } = await context.storage.credentials.searchIssued({
    issuerId: record.issuerId,
    at: context.now(),
    id,
    limit: 1,
  });
  if (found === undefined) throw resourceNotFound('credential');
  return found;
}

export interface IssuerDashboard {
  readonly achievements: Readonly<Record<AchievementStatus, number>>;
  /** `issuedSince` counts from the first day of this month (UTC). */
  readonly credentials: IssuedStatistics;
  readonly monthStart: Date;
  readonly latestBulkJobs: readonly BulkJob[];
}

/** The console's dashboard of one issuer (viewer role). */
export async function issuerDashboard(
  context: PlatformContext,
  actor: Actor,
  issuerId: string,
): Promise<IssuerDashboard> {
  authorize(actor, issuerId, 'viewer', { notFound: 'issuer' });
  const now = context.now();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const achievements: Record<AchievementStatus, number> = { draft: 0, published: 0, archived: 0 };
  for (const achievement of await context.storage.achievements.list({ issuerId, limit: 500 })) {
    achievements[achievement.status] += 1;
  }
  return {
    achievements,
    credentials: await context.storage.credentials.statistics({ issuerId, since: monthStart, at: now }),
    monthStart,
    latestBulkJobs: await context.storage.bulkJobs.list({ issuerId, limit: 5 }),
  };
}
