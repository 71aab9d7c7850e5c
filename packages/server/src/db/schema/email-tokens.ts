import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { EMAIL_TOKEN_PURPOSES, type EmailTokenPurpose } from '../../domain/ports/email-token-repository.js';
import { oneOf, timestamptz } from './columns.js';
import { credentials } from './credentials.js';
import { earners } from './earners.js';

/**
 * Single-use links sent by email (sign in, claim a credential, confirm an address). Only the token's hash
 * is kept; `used_at` is set in the same statement that checks it, so a link works once.
 */
export const emailTokens = pgTable(
  'email_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    purpose: text('purpose').$type<EmailTokenPurpose>().notNull(),
    email: text('email').notNull(),
    earnerId: uuid('earner_id').references(() => earners.id, { onDelete: 'cascade' }),
    credentialId: uuid('credential_id').references(() => credentials.id),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
  },
  (t) => [
    index('email_tokens_credential_idx').on(t.credentialId),
    check('email_tokens_purpose', oneOf(t.purpose, EMAIL_TOKEN_PURPOSES)),
  ],
);
