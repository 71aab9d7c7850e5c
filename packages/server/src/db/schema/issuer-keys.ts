import { sql } from 'drizzle-orm';
import { pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, timestamptz } from './columns.js';
import { issuers } from './issuers.js';

export const issuerKeys = pgTable(
  'issuer_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => issuers.id),
    keyId: text('key_id').notNull(),
    publicKeyMultibase: text('public_key_multibase').notNull(),
    // Sealed by the KeyStore (AES-256-GCM under the master key); never the raw secret.
    encryptedSecret: bytea('encrypted_secret').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    retiredAt: timestamptz('retired_at'),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [
    unique('issuer_keys_issuer_key_id_unique').on(t.issuerId, t.keyId),
    // One signing key per issuer at a time: two concurrent rotations cannot both win.
    uniqueIndex('issuer_keys_one_active_idx')
      .on(t.issuerId)
      .where(sql`${t.retiredAt} is null and ${t.revokedAt} is null`),
  ],
);
