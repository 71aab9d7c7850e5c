import { boolean, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { JsonObject } from '../../domain/ports/common.js';
import { timestamptz } from './columns.js';
import { credentials } from './credentials.js';

/** Verification results shared by link (see SharedVerification): a digest and a result, no credential content. */
export const sharedVerifications = pgTable('shared_verifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  digest: text('digest').notNull(),
  // A credential deleted later leaves the stored result, which then can no longer be checked again.
  credentialId: uuid('credential_id').references(() => credentials.id, { onDelete: 'set null' }),
  verified: boolean('verified').notNull(),
  report: jsonb('report').$type<JsonObject>().notNull(),
  checkedAt: timestamptz('checked_at').notNull(),
});
