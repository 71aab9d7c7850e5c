import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import type { JsonObject } from '../../domain/ports/common.js';
import { CREDENTIAL_FORMATS, type CredentialFormat } from '../../domain/ports/credential-repository.js';
import { STATUS_PURPOSES, type StatusPurpose } from '../../domain/ports/status-list-repository.js';
import { achievements } from './achievements.js';
import { bulkJobs } from './bulk-jobs.js';
import { oneOf, timestamptz } from './columns.js';
import { issuers } from './issuers.js';
import { statusLists } from './status-lists.js';

export const credentials = pgTable(
  'credentials',
  {
    // A v4 UUID from a CSPRNG, chosen before signing because the signed document contains it.
    id: uuid('id').primaryKey(),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id),
    achievementId: uuid('achievement_id').notNull(),
    // The salted hash of the IdentityObject in the credential (OB 3.0 §B.1.14).
    recipientEmailHash: text('recipient_email_hash'),
    // HMAC of the normalized email under a server-side pepper: finds credentials by email without storing it.
    recipientLookupHash: text('recipient_lookup_hash'),
    recipientDid: text('recipient_did'),
    recipientName: text('recipient_name'),
    idempotencyKey: text('idempotency_key'),
    format: text('format').$type<CredentialFormat>().notNull(),
    document: jsonb('document').$type<JsonObject>().notNull(),
    jwt: text('jwt'),
    statusListId: uuid('status_list_id').references(() => statusLists.id),
    statusIndex: integer('status_index'),
    statusPurpose: text('status_purpose').$type<StatusPurpose>().notNull().default('revocation'),
    revokedAt: timestamptz('revoked_at'),
    revocationReason: text('revocation_reason'),
    suspendedAt: timestamptz('suspended_at'),
    suspensionReason: text('suspension_reason'),
    issuedAt: timestamptz('issued_at').notNull(),
    validUntil: timestamptz('valid_until'),
    bulkJobId: uuid('bulk_job_id').references(() => bulkJobs.id),
    bulkRow: integer('bulk_row'),
  },
  (t) => [
    // The achievement must be one of this issuer's: enforced here, not only by the domain.
    foreignKey({
      name: 'credentials_achievement_of_issuer_fk',
      columns: [t.achievementId, t.issuerId],
      foreignColumns: [achievements.id, achievements.issuerId],
    }),
    // These three make retries safe: a retried request, a resumed bulk row, a reused status entry all
    // hit a constraint instead of writing a second row.
    unique('credentials_issuer_idempotency_key_unique').on(t.issuerId, t.idempotencyKey),
    unique('credentials_bulk_row_unique').on(t.bulkJobId, t.bulkRow),
    unique('credentials_status_entry_unique').on(t.statusListId, t.statusIndex),
    index('credentials_recipient_lookup_idx').on(t.recipientLookupHash),
    index('credentials_recipient_did_idx').on(t.recipientDid),
    index('credentials_issuer_issued_idx').on(t.issuerId, t.issuedAt),
    index('credentials_achievement_idx').on(t.achievementId),
    check('credentials_format', oneOf(t.format, CREDENTIAL_FORMATS)),
    check('credentials_jwt_present', sql`(${t.format} = 'jwt') = (${t.jwt} is not null)`),
    check('credentials_bulk_pair', sql`(${t.bulkJobId} is null) = (${t.bulkRow} is null)`),
    check('credentials_status_purpose', oneOf(t.statusPurpose, STATUS_PURPOSES)),
    check(
      'credentials_suspension_needs_suspension_entry',
      sql`${t.suspendedAt} is null or ${t.statusPurpose} = 'suspension'`,
    ),
    check('credentials_status_pair', sql`(${t.statusListId} is null) = (${t.statusIndex} is null)`),
  ],
);
