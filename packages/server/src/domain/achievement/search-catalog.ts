import { z } from 'zod';
import type { PlatformContext } from '../platform-context.js';
import { type Achievement, DELIVERY_MODES, type Issuer } from '../ports/index.js';

/** The public catalogue's query, as the API and the catalogue page take it. */
export const CatalogQuerySchema = z.strictObject({
  q: z.string().max(200).optional(),
  skill: z.string().trim().min(1).max(500).optional(),
  level: z.string().trim().min(1).max(100).optional(),
  deliveryMode: z.enum(DELIVERY_MODES).optional(),
  industry: z.string().trim().min(1).max(200).optional(),
  issuer: z.string().trim().min(1).max(100).optional(),
  /** An organisation's id (an issuer's or an employer's): only what it endorses, endorsements in force. */
  endorsedBy: z.uuid().optional(),
  minHours: z.coerce.number().nonnegative().max(100_000).optional(),
  maxHours: z.coerce.number().nonnegative().max(100_000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type CatalogQueryInput = z.input<typeof CatalogQuerySchema>;

export interface CatalogEntry {
  readonly achievement: Achievement;
  readonly issuer: Pick<Issuer, 'id' | 'slug' | 'name'>;
}

export interface CatalogResult {
  readonly entries: readonly CatalogEntry[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/**
 * The profile an organisation signs its endorsements as: an issuer's own id, an employer's signing profile
 * (none until it first endorses). Null for an id that is neither.
 */
async function endorsementSigner(context: PlatformContext, organisationId: string): Promise<string | null> {
  const employer = await context.storage.employers.findById({ id: organisationId });
  if (employer !== null) return employer.profileIssuerId;
  const issuer = await context.storage.issuers.findById({ id: organisationId });
  return issuer?.kind === 'issuer' ? issuer.id : null;
}

/**
 * Public: published achievements matching words (name, description, skills, tags) and filters, best
 * match first. `issuer` is a slug; an unknown one matches nothing, as does an unknown `endorsedBy`.
 */
export async function searchCatalog(
  context: PlatformContext,
  raw: CatalogQueryInput,
): Promise<CatalogResult> {
  const query = CatalogQuerySchema.parse(raw);
  const empty = { entries: [], total: 0, limit: query.limit, offset: query.offset };
  let issuerId: string | undefined;
  if (query.issuer !== undefined) {
    const issuer = await context.storage.issuers.findBySlug({ slug: query.issuer });
    if (issuer === null) return empty;
    issuerId = issuer.id;
  }
  let endorserId: string | undefined;
  if (query.endorsedBy !== undefined) {
    const signer = await endorsementSigner(context, query.endorsedBy);
    if (signer === null) return empty;
    endorserId = signer;
  }
  const page = await context.storage.achievements.searchCatalog({
    ...(query.q === undefined ? {} : { text: query.q }),
    ...(query.skill === undefined ? {} : { skill: query.skill }),
    ...(query.level === undefined ? {} : { level: query.level }),
    ...(query.deliveryMode === undefined ? {} : { deliveryMode: query.deliveryMode }),
    ...(query.industry === undefined ? {} : { industry: query.industry }),
    ...(issuerId === undefined ? {} : { issuerId }),
    ...(endorserId === undefined ? {} : { endorserId }),
    ...(query.minHours === undefined ? {} : { minHours: query.minHours }),
    ...(query.maxHours === undefined ? {} : { maxHours: query.maxHours }),
    limit: query.limit,
    offset: query.offset,
  });
  const issuers = new Map<string, Issuer | null>();
  const entries: CatalogEntry[] = [];
  for (const achievement of page.achievements) {
    if (!issuers.has(achievement.issuerId)) {
      issuers.set(achievement.issuerId, await context.storage.issuers.findById({ id: achievement.issuerId }));
    }
    const issuer = issuers.get(achievement.issuerId);
    if (issuer != null)
      entries.push({ achievement, issuer: { id: issuer.id, slug: issuer.slug, name: issuer.name } });
  }
  return { entries, total: page.total, limit: query.limit, offset: query.offset };
}
