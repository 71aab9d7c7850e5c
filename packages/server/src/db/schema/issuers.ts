import { sql } from 'drizzle-orm';
import { boolean, check, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { ImageRef } from '../../domain/ports/common.js';
import { ISSUER_KINDS, type IssuerAddress, type IssuerKind } from '../../domain/ports/issuer-repository.js';
import { oneOf, timestamptz } from './columns.js';

export const issuers = pgTable(
  'issuers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    url: text('url'),
    email: text('email'),
    description: text('description'),
    image: jsonb('image').$type<ImageRef>(),
    address: jsonb('address').$type<IssuerAddress>(),
    linkedinOrganizationId: text('linkedin_organization_id'),
    /** `#rrggbb`, lower case: the issuer's colour on its credential pages, claim mails and certificates. */
    brandColor: text('brand_color'),
    verified: boolean('verified').notNull().default(false),
    /** Who vetted the issuer (the administrator's label) and when; null while `verified` is false. */
    verifiedBy: text('verified_by'),
    verifiedAt: timestamptz('verified_at'),
    /** The web origin whose did-configuration.json was last found to link the issuer's DID, and when. */
    linkedDomain: text('linked_domain'),
    domainLinkedAt: timestamptz('domain_linked_at'),
    /**
     * `issuer`: an organisation that issues credentials. `employer`: the signing profile of an employer
     * (see `employers.profile_issuer_id`), which only endorses: it has a did:web, keys and status lists
     * like an issuer, and appears in no list of issuers.
     */
    kind: text('kind').$type<IssuerKind>().notNull().default('issuer'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    // The slug becomes a did:web path segment (`did:web:host:issuers:{slug}`): keep it URL- and DID-safe.
    check('issuers_slug_format', sql`${t.slug} ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$'`),
    // The colour is written into mail HTML and PDF drawing calls: only this exact form ever reaches them.
    check('issuers_brand_color_format', sql`${t.brandColor} ~ '^#[0-9a-f]{6}$'`),
    check('issuers_kind', oneOf(t.kind, ISSUER_KINDS)),
  ],
);
