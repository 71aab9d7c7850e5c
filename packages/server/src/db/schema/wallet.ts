import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';
import { credentials } from './credentials.js';

/**
 * OpenID4VCI credential offers (pre-authorized code flow). The code is kept as is: it is short-lived,
 * single-use, and the offer URI that reveals it is exactly as secret. The `tx_code` and the access token
 * are kept hashed. `redeemed_at` is set in the statement that checks it, so a code works once whatever
 * process takes it.
 */
export const walletOffers = pgTable(
  'wallet_offers',
  {
    id: uuid('id').primaryKey(),
    credentialId: uuid('credential_id')
      .notNull()
      .references(() => credentials.id),
    preAuthorizedCode: text('pre_authorized_code').notNull().unique(),
    txCodeHash: text('tx_code_hash'),
    txCodeFailures: integer('tx_code_failures').notNull().default(0),
    createdAt: timestamptz('created_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    redeemedAt: timestamptz('redeemed_at'),
    accessTokenHash: text('access_token_hash').unique(),
    accessExpiresAt: timestamptz('access_expires_at'),
  },
  (t) => [
    index('wallet_offers_credential_idx').on(t.credentialId),
    check('wallet_offers_access_pair', sql`(${t.accessTokenHash} is null) = (${t.accessExpiresAt} is null)`),
  ],
);

/** `c_nonce` values of the nonce endpoint, and VC-API exchange challenges: each taken once, before expiry. */
export const walletNonces = pgTable('wallet_nonces', {
  nonce: text('nonce').primaryKey(),
  expiresAt: timestamptz('expires_at').notNull(),
  usedAt: timestamptz('used_at'),
});

/** VC-API exchanges (the Learner Credential Wallet's flow): one credential, one challenge, used once. */
export const walletExchanges = pgTable(
  'wallet_exchanges',
  {
    id: uuid('id').primaryKey(),
    credentialId: uuid('credential_id')
      .notNull()
      .references(() => credentials.id),
    challenge: text('challenge').notNull().unique(),
    /** The earner asked for a copy bound to the wallet's DID rather than the credential as issued. */
    bindToHolder: boolean('bind_to_holder').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    completedAt: timestamptz('completed_at'),
  },
  (t) => [index('wallet_exchanges_credential_idx').on(t.credentialId)],
);

/**
 * Holder-bound copies: credentials the issuer signed again with `credentialSubject.id` set to a wallet's
 * DID. A copy is a credential of its own (own id, status entry, log leaf); this row ties it to the one it
 * copies, so revoking or suspending the original reaches every copy. One copy per (original, holder).
 */
export const walletCopies = pgTable(
  'wallet_copies',
  {
    credentialId: uuid('credential_id')
      .primaryKey()
      .references(() => credentials.id),
    originalId: uuid('original_id')
      .notNull()
      .references(() => credentials.id),
    holderDid: text('holder_did').notNull(),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [unique('wallet_copies_original_holder_unique').on(t.originalId, t.holderDid)],
);
