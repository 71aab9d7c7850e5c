import type { ImageRef, Page } from './common.js';

/** An OB 3.0 `Address` (all fields optional, as in the spec). */
export interface IssuerAddress {
  readonly addressCountry?: string;
  readonly addressCountryCode?: string;
  readonly addressRegion?: string;
  readonly addressLocality?: string;
  readonly streetAddress?: string;
  readonly postOfficeBoxNumber?: string;
  readonly postalCode?: string;
}

/**
 * `issuer`: an organisation that issues credentials; `employer`: an employer's signing profile, which only
 * endorses (its did:web, keys and status lists work as an issuer's; no list of issuers shows it).
 */
export const ISSUER_KINDS = ['issuer', 'employer'] as const;
export type IssuerKind = (typeof ISSUER_KINDS)[number];

/** An issuing organization (a tenant). Its `did:web` is derived from `slug` and the public URL, never stored. */
export interface Issuer {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly url: string | null;
  readonly email: string | null;
  readonly description: string | null;
  readonly image: ImageRef | null;
  readonly address: IssuerAddress | null;
  readonly linkedinOrganizationId: string | null;
  /** `#rrggbb` in lower case, or null for the platform's own colours. */
  readonly brandColor: string | null;
  /** Vetted by a platform administrator: listed in this platform's own trust registry. */
  readonly verified: boolean;
  /** The administrator who vetted the issuer, and when (null unless `verified`). */
  readonly verifiedBy: string | null;
  readonly verifiedAt: Date | null;
  /** The origin whose DID Configuration was last found to link the issuer's DID, and when it was checked. */
  readonly linkedDomain: string | null;
  readonly domainLinkedAt: Date | null;
  readonly kind: IssuerKind;
  readonly createdAt: Date;
}

type IssuerProfile = Omit<Issuer, 'id' | 'slug' | 'name' | 'createdAt'>;

export interface NewIssuer extends Partial<IssuerProfile> {
  /** Defaults to a random UUID. */
  readonly id?: string;
  /** Lower-case letters, digits and inner hyphens (it becomes a `did:web` path segment). */
  readonly slug: string;
  readonly name: string;
}

export type IssuerPatch = Partial<Omit<Issuer, 'id' | 'createdAt' | 'kind'>>;

/** Issuers (tenants). */
export interface IssuerRepository {
  /** Throws `CONFLICT` when the slug is taken. */
  create(input: NewIssuer): Promise<Issuer>;
  findById(options: { readonly id: string }): Promise<Issuer | null>;
  findBySlug(options: { readonly slug: string }): Promise<Issuer | null>;
  /** Issuers (never an employer's signing profile), oldest first; `limit` is capped at 500. */
  list(options?: Page): Promise<Issuer[]>;
  /** Throws `NOT_FOUND`, or `CONFLICT` when a new slug is taken. */
  update(options: { readonly id: string; readonly patch: IssuerPatch }): Promise<Issuer>;
}
