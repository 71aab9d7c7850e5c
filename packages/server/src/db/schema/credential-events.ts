import { sql } from 'drizzle-orm';
import { bigserial, check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import {
  CREDENTIAL_EVENT_KINDS,
  type CredentialEventKind,
} from '../../domain/ports/credential-repository.js';
import { oneOf, timestamptz } from './columns.js';
import { credentials } from './credentials.js';

/**
 * What happened to a credential after it was signed, in order: the history an issuer sees in the console.
 * Rows are only ever appended, in the same transaction as the change they record.
 */
export const credentialEvents = pgTable(
  'credential_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    credentialId: uuid('credential_id')
      .notNull()
      .references(() => credentials.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<CredentialEventKind>().notNull(),
    reason: text('reason'),
    // Who did it, as the console shows it: a member's email, "API key <name>", "administrator".
    actor: text('actor'),
    at: timestamptz('at').notNull().default(sql`now()`),
  },
  (t) => [
    index('credential_events_credential_idx').on(t.credentialId, t.id),
    check('credential_events_kind', oneOf(t.kind, CREDENTIAL_EVENT_KINDS)),
  ],
);
