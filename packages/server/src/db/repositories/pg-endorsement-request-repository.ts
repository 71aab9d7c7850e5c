import { and, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type {
  EndorsementRequest,
  EndorsementRequestRepository,
  EndorsementRequestState,
  EndorsementRequestTargets,
  NewEndorsementRequest,
} from '../../domain/ports/endorsement-request-repository.js';
import type { Database } from '../database.js';
import { endorsementRequests } from '../schema/endorsement-requests.js';
import { guarded, isUuid, onlyRow } from './query-helpers.js';

function toRequest(row: typeof endorsementRequests.$inferSelect): EndorsementRequest {
  return {
    id: row.id,
    achievementId: row.achievementId,
    requesterIssuerId: row.requesterIssuerId,
    targetEmployerId: row.targetEmployerId,
    targetIssuerId: row.targetIssuerId,
    invitedEmail: row.invitedEmail,
    message: row.message,
    sampleCredentialId: row.sampleCredentialId,
    state: row.state,
    responseComment: row.responseComment,
    endorsementId: row.endorsementId,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    respondedBy: row.respondedBy,
    respondedAt: row.respondedAt,
  };
}

const NEWEST_FIRST = [desc(endorsementRequests.createdAt), desc(endorsementRequests.id)];

/** `EndorsementRequestRepository` on PostgreSQL or PGlite. */
export class PgEndorsementRequestRepository implements EndorsementRequestRepository {
  readonly #db: Database;

  constructor(options: { readonly db: Database }) {
    this.#db = options.db;
  }

  async insert(input: NewEndorsementRequest): Promise<EndorsementRequest> {
    const rows = await guarded('endorsement request', () =>
      this.#db
        .insert(endorsementRequests)
        .values({ ...input })
        .returning(),
    );
    return toRequest(onlyRow(rows, 'endorsement request'));
  }

  async findById(options: { readonly id: string }): Promise<EndorsementRequest | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('endorsement request', () =>
      this.#db.select().from(endorsementRequests).where(eq(endorsementRequests.id, options.id)),
    );
    return row === undefined ? null : toRequest(row);
  }

  async listByRequester(options: { readonly requesterIssuerId: string }): Promise<EndorsementRequest[]> {
    if (!isUuid(options.requesterIssuerId)) return [];
    const rows = await guarded('endorsement request', () =>
      this.#db
        .select()
        .from(endorsementRequests)
        .where(eq(endorsementRequests.requesterIssuerId, options.requesterIssuerId))
        .orderBy(...NEWEST_FIRST),
    );
    return rows.map(toRequest);
  }

  async listByTarget(targets: EndorsementRequestTargets): Promise<EndorsementRequest[]> {
    const alternatives: SQL[] = [];
    if (targets.employerId !== undefined && isUuid(targets.employerId)) {
      alternatives.push(eq(endorsementRequests.targetEmployerId, targets.employerId));
    }
    if (targets.issuerId !== undefined && isUuid(targets.issuerId)) {
      alternatives.push(eq(endorsementRequests.targetIssuerId, targets.issuerId));
    }
    if (targets.invitedEmails !== undefined && targets.invitedEmails.length > 0) {
      // Once an employer answered the address, the request is that employer's alone.
      const unanswered = and(
        inArray(endorsementRequests.invitedEmail, [...targets.invitedEmails]),
        isNull(endorsementRequests.targetEmployerId),
      );
      if (unanswered !== undefined) alternatives.push(unanswered);
    }
    if (alternatives.length === 0) return [];
    const rows = await guarded('endorsement request', () =>
      this.#db
        .select()
        .from(endorsementRequests)
        .where(or(...alternatives))
        .orderBy(...NEWEST_FIRST),
    );
    return rows.map(toRequest);
  }

  async findPending(
    options: { readonly achievementId: string } & (
      | { readonly targetEmployerId: string }
      | { readonly targetIssuerId: string }
      | { readonly invitedEmail: string }
    ),
  ): Promise<EndorsementRequest | null> {
    if (!isUuid(options.achievementId)) return null;
    let target: SQL;
    if ('targetEmployerId' in options) {
      if (!isUuid(options.targetEmployerId)) return null;
      target = eq(endorsementRequests.targetEmployerId, options.targetEmployerId);
    } else if ('targetIssuerId' in options) {
      if (!isUuid(options.targetIssuerId)) return null;
      target = eq(endorsementRequests.targetIssuerId, options.targetIssuerId);
    } else {
      target = eq(endorsementRequests.invitedEmail, options.invitedEmail);
    }
    const [row] = await guarded('endorsement request', () =>
      this.#db
        .select()
        .from(endorsementRequests)
        .where(
          and(
            eq(endorsementRequests.achievementId, options.achievementId),
            eq(endorsementRequests.state, 'pending'),
            target,
          ),
        ),
    );
    return row === undefined ? null : toRequest(row);
  }

  async respond(options: {
    readonly id: string;
    readonly state: EndorsementRequestState;
    readonly responseComment: string | null;
    readonly endorsementId: string | null;
    readonly targetEmployerId: string | null;
    readonly respondedBy: string | null;
    readonly at: Date;
  }): Promise<EndorsementRequest | null> {
    if (!isUuid(options.id)) return null;
    const [row] = await guarded('endorsement request', () =>
      this.#db
        .update(endorsementRequests)
        .set({
          state: options.state,
          responseComment: sql`coalesce(${options.responseComment}, ${endorsementRequests.responseComment})`,
          endorsementId: sql`coalesce(${options.endorsementId}::uuid, ${endorsementRequests.endorsementId})`,
          targetEmployerId: sql`coalesce(${options.targetEmployerId}::uuid, ${endorsementRequests.targetEmployerId})`,
          respondedBy: options.respondedBy,
          respondedAt: options.at,
        })
        // Only a pending request takes an answer: of two answers at once, the second finds none.
        .where(and(eq(endorsementRequests.id, options.id), eq(endorsementRequests.state, 'pending')))
        .returning(),
    );
    return row === undefined ? null : toRequest(row);
  }
}
