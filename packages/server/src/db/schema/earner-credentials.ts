import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { CREDENTIAL_CHOICES, type CredentialChoice } from '../../domain/ports/portfolio-repository.js';
import { VISIBILITIES, type Visibility } from '../../domain/ports/visibility.js';
import { oneOf, timestamptz } from './columns.js';
import { credentials } from './credentials.js';
import { earners } from './earners.js';

/**
 * What the earner decided about a credential issued to them: accepted or declined, shown or not. The
 * signed credential itself is never touched. `earner_id` is null for a decline made from a claim link
 * without an account.
 */
export const earnerCredentials = pgTable(
  'earner_credentials',
  {
    credentialId: uuid('credential_id')
      .primaryKey()
      .references(() => credentials.id),
    earnerId: uuid('earner_id').references(() => earners.id, { onDelete: 'cascade' }),
    choice: text('choice').$type<CredentialChoice>().notNull(),
    visibility: text('visibility').$type<Visibility>().notNull(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('earner_credentials_earner_idx').on(t.earnerId),
    check('earner_credentials_choice', oneOf(t.choice, CREDENTIAL_CHOICES)),
    check('earner_credentials_visibility', oneOf(t.visibility, VISIBILITIES)),
  ],
);
