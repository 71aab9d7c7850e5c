import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { OB_API_TOKEN_KINDS, type ObApiTokenKind } from '../../domain/ports/ob-api-repository.js';
import { oneOf, timestamptz } from './columns.js';
import { earners } from './earners.js';

const AUTH_METHODS = ['none', 'client_secret_basic', 'client_secret_post'] as const;

/** Platforms registered by RFC 7591 to use the OB 3.0 API on earners' behalf. */
export const obApiClients = pgTable(
  'ob_api_clients',
  {
    clientId: text('client_id').primaryKey(),
    // SHA-256 of the secret: a leaked table holds no usable secret.
    secretHash: text('secret_hash'),
    name: text('name').notNull(),
    clientUri: text('client_uri').notNull(),
    logoUri: text('logo_uri'),
    tosUri: text('tos_uri'),
    policyUri: text('policy_uri'),
    softwareId: text('software_id'),
    softwareVersion: text('software_version'),
    redirectUris: jsonb('redirect_uris').$type<string[]>().notNull(),
    scope: text('scope').notNull(),
    tokenEndpointAuthMethod: text('token_endpoint_auth_method')
      .$type<(typeof AUTH_METHODS)[number]>()
      .notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('ob_api_clients_auth_method', oneOf(t.tokenEndpointAuthMethod, AUTH_METHODS)),
    check('ob_api_clients_secret', sql`(${t.tokenEndpointAuthMethod} = 'none') = (${t.secretHash} is null)`),
  ],
);

/** An earner's consent to a client: the scopes it may use; revoking it ends every token under it. */
export const obApiGrants = pgTable(
  'ob_api_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: text('client_id')
      .notNull()
      .references(() => obApiClients.clientId, { onDelete: 'cascade' }),
    earnerId: uuid('earner_id')
      .notNull()
      .references(() => earners.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [index('ob_api_grants_earner_idx').on(t.earnerId, t.clientId)],
);

/** Authorization codes, access and refresh tokens: only their SHA-256 is kept. */
export const obApiTokens = pgTable(
  'ob_api_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    kind: text('kind').$type<ObApiTokenKind>().notNull(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => obApiGrants.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    codeChallenge: text('code_challenge'),
    redirectUri: text('redirect_uri'),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [
    index('ob_api_tokens_grant_idx').on(t.grantId),
    index('ob_api_tokens_expires_idx').on(t.expiresAt),
    check('ob_api_tokens_kind', oneOf(t.kind, OB_API_TOKEN_KINDS)),
    check('ob_api_tokens_hash_format', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
    check(
      'ob_api_tokens_code_fields',
      sql`(${t.kind} = 'code') = (${t.codeChallenge} is not null and ${t.redirectUri} is not null)`,
    ),
  ],
);

/** Pulls from other OB 3.0 hosts under way: the earner was sent there and has not come back yet. */
export const obBackpackConnections = pgTable(
  'ob_backpack_connections',
  {
    stateHash: text('state_hash').primaryKey(),
    earnerId: uuid('earner_id')
      .notNull()
      .references(() => earners.id, { onDelete: 'cascade' }),
    host: text('host').notNull(),
    tokenUrl: text('token_url').notNull(),
    credentialsUrl: text('credentials_url').notNull(),
    clientId: text('client_id').notNull(),
    clientSecret: text('client_secret'),
    codeVerifier: text('code_verifier').notNull(),
    redirectUri: text('redirect_uri').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [index('ob_backpack_connections_earner_idx').on(t.earnerId)],
);
