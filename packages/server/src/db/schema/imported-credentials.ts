import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { JsonObject } from '../../domain/ports/common.js';
import { VISIBILITIES, type Visibility } from '../../domain/ports/visibility.js';
import { oneOf, timestamptz } from './columns.js';
import { earners } from './earners.js';

/** Credentials an earner brought from elsewhere, kept exactly as received with the verdict on import. */
export const importedCredentials = pgTable(
  'imported_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    earnerId: uuid('earner_id')
      .notNull()
      .references(() => earners.id, { onDelete: 'cascade' }),
    // The credential as a JSON document (for a VC-JWT, its decoded `vc` or payload) and the JWT itself.
    document: jsonb('document').$type<JsonObject>().notNull(),
    jwt: text('jwt'),
    sourceUrl: text('source_url'),
    verified: boolean('verified').notNull(),
    report: jsonb('report').$type<JsonObject>().notNull(),
    visibility: text('visibility').$type<Visibility>().notNull().default('private'),
    importedAt: timestamptz('imported_at').notNull().defaultNow(),
  },
  (t) => [
    index('imported_credentials_earner_idx').on(t.earnerId),
    check('imported_credentials_visibility', oneOf(t.visibility, VISIBILITIES)),
    // An import that did not verify is never shown publicly as if it had.
    check('imported_credentials_unverified_private', sql`${t.verified} or ${t.visibility} = 'private'`),
  ],
);
