import type { PlatformContext } from '../platform-context.js';
import type { Issuer, IssuerKey } from '../ports/index.js';
import { oncePerKey } from '../resolve/once-per-key.js';

/** How a use case reads this platform's issuers: by slug (null when there is none), and an issuer's keys. */
export interface IssuerReads {
  bySlug(slug: string): Promise<Issuer | null>;
  /** Every key of the issuer, revoked and retired ones too, oldest first. */
  keys(issuerId: string): Promise<IssuerKey[]>;
}

/** Straight from storage, each time. */
export function readIssuers(context: Pick<PlatformContext, 'storage'>): IssuerReads {
  return {
    bySlug: (slug) => context.storage.issuers.findBySlug({ slug }),
    keys: (issuerId) => context.storage.issuerKeys.list({ issuerId }),
  };
}

/**
 * The reads of one verification: each issuer and its keys read once, though the credential's proof, its
 * status list's proof, the status list and the trust check all name them. Never kept beyond that
 * verification, so the next one sees any change (a revoked key, a vetting withdrawn).
 */
export function readIssuersOnce(context: Pick<PlatformContext, 'storage'>): IssuerReads {
  const reads = readIssuers(context);
  return { bySlug: oncePerKey(reads.bySlug), keys: oncePerKey(reads.keys) };
}

/** The key an issuer signs with now: neither retired nor revoked (at most one is). */
export function activeKeyOf(keys: readonly IssuerKey[]): IssuerKey | undefined {
  return keys.find((key) => key.retiredAt === null && key.revokedAt === null);
}
