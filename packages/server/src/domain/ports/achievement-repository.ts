import type { ImageRef, JsonObject, Page } from './common.js';

export const ACHIEVEMENT_STATUSES = ['draft', 'published', 'archived'] as const;
export type AchievementStatus = (typeof ACHIEVEMENT_STATUSES)[number];

export const DELIVERY_MODES = ['online', 'in-person', 'hybrid'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** A skill an achievement aligns to; the domain turns it into an OB 3.0 `Alignment`. */
export interface Skill {
  readonly name: string;
  readonly framework?: string;
  readonly code?: string;
  readonly url?: string;
}

/**
 * A micro-credential definition. `document` holds the OB 3.0 Achievement fields as published; the other
 * fields are copies kept as columns so they can be filtered and matched without reading the document.
 */
export interface Achievement {
  readonly id: string;
  readonly issuerId: string;
  readonly status: AchievementStatus;
  readonly document: JsonObject;
  readonly name: string;
  readonly achievementType: string;
  readonly skills: readonly Skill[];
  readonly tags: readonly string[];
  readonly level: string | null;
  readonly credits: number | null;
  readonly hours: number | null;
  readonly deliveryMode: DeliveryMode | null;
  readonly language: string | null;
  /** Credentials expire this many months after issue; null: never. */
  readonly validityMonths: number | null;
  /** Catalogue metadata (not in the signed document). */
  readonly industry: string | null;
  /** Whether its credentials carry a `suspension` status entry (see the credentials table). */
  readonly suspendable: boolean;
  readonly image: ImageRef | null;
  /** Where an earner renews an expiring credential (linked from expiry reminders); not signed. */
  readonly renewalUrl: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

type AchievementFields = Omit<
  Achievement,
  'id' | 'issuerId' | 'document' | 'name' | 'createdAt' | 'updatedAt'
>;

export interface NewAchievement extends Partial<AchievementFields> {
  readonly id?: string;
  readonly issuerId: string;
  readonly document: JsonObject;
  readonly name: string;
}

export type AchievementPatch = Partial<Omit<Achievement, 'id' | 'issuerId' | 'createdAt' | 'updatedAt'>>;

/** What the public catalogue filters on; every field narrows, and only published achievements match. */
export interface CatalogQuery extends Page {
  /** Words to find in the name, description, skills and tags (all must occur; a word may be a prefix). */
  readonly text?: string;
  /** A skill, by its framework URL or by its name (case-insensitive). */
  readonly skill?: string;
  readonly level?: string;
  readonly deliveryMode?: DeliveryMode;
  readonly industry?: string;
  readonly issuerId?: string;
  /** Only those with an endorsement in force signed by this profile (an issuer, an employer's signing profile). */
  readonly endorserId?: string;
  readonly minHours?: number;
  readonly maxHours?: number;
}

export interface CatalogPage {
  readonly achievements: readonly Achievement[];
  /** How many match in all (for paging). */
  readonly total: number;
}

/** Achievement definitions. */
export interface AchievementRepository {
  /** Throws `NOT_FOUND` when the issuer does not exist. Status defaults to `published`. */
  create(input: NewAchievement): Promise<Achievement>;
  findById(options: { readonly id: string }): Promise<Achievement | null>;
  /** Newest first; `limit` is capped at 500. */
  list(
    options: Page & {
      readonly issuerId?: string;
      readonly status?: AchievementStatus;
      readonly tag?: string;
    },
  ): Promise<Achievement[]>;
  /** The public catalogue: published achievements matching `query`, best match first (newest without text). */
  searchCatalog(query: CatalogQuery): Promise<CatalogPage>;
  /**
   * Published achievements aligned to any of `skillUris` (framework URIs), newest first, at most `limit`
   * (capped at 1000): one query for a gap of many skills.
   */
  listAligned(options: {
    readonly skillUris: readonly string[];
    readonly limit: number;
  }): Promise<Achievement[]>;
  /** Sets `updatedAt`. Throws `NOT_FOUND`. */
  update(options: { readonly id: string; readonly patch: AchievementPatch }): Promise<Achievement>;
}
