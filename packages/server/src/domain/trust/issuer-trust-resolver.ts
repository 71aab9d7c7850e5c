import {
  checkDidConfiguration,
  type DocumentLoader,
  didConfigurationUrl,
  didWebToUrl,
  findInTrustRegistries,
  type IssuerTrust,
  type IssuerTrustResolver,
  type ResourceFetcher,
  type TrustRegistry,
  webOriginOf,
} from '@microcred/vc';
import { issuerIdentity } from '../issuer/issuer-identity.js';
import type { IssuerReads } from '../issuer/issuer-reads.js';
import type { PlatformContext } from '../platform-context.js';

/** The trust sources the operator configured, and how to read a foreign issuer's site. */
export interface IssuerTrustSources {
  /** The name reports give this platform's own registry of vetted issuers. */
  readonly platformName: string;
  /** Registry files, most authoritative first. */
  readonly registries: readonly TrustRegistry[];
  /** Fetches a foreign issuer's did-configuration.json; without it, only recorded linkages count. */
  readonly externalFetcher?: ResourceFetcher;
  /** Resolves DIDs while checking a Domain Linkage Credential. */
  readonly fetcher: ResourceFetcher;
  readonly documentLoader?: DocumentLoader;
}

/** How long a foreign domain check is remembered: linked for an hour, not linked for ten minutes. */
const LINKED_TTL_MS = 60 * 60 * 1000;
const UNLINKED_TTL_MS = 10 * 60 * 1000;
const MAX_CACHED = 1000;

/** The origins a foreign issuer may have linked its DID to: its did:web host, and its profile's `url`. */
function candidateOrigins(id: string, profile: Readonly<Record<string, unknown>> | undefined): string[] {
  const origins = new Set<string>();
  if (id.startsWith('did:web:')) {
    try {
      origins.add(webOriginOf(didWebToUrl(id)));
    } catch {
      // A did:web that does not parse has no site to check.
    }
  }
  if (typeof profile?.url === 'string') {
    try {
      origins.add(webOriginOf(profile.url));
    } catch {
      // Not an http(s) URL: nothing to check.
    }
  }
  return [...origins];
}

/**
 * The resolver the platform's verifier is given: vetted when this platform's administrators vetted the
 * issuer or a configured registry lists it; else domain-linked when the issuer's site publishes a DID
 * configuration linking its DID (recorded for this platform's issuers; fetched, and cached, for others);
 * else unknown. The verifier only asks about issuers that proved they signed (see check-issuer-trust).
 * Made for each verification, with its reads: this platform's issuers are read through them.
 */
export function createIssuerTrustResolver(
  context: PlatformContext,
  sources: IssuerTrustSources,
): (reads: IssuerReads) => IssuerTrustResolver {
  const ownPrefix = issuerIdentity({ publicUrl: context.publicUrl, slug: 'x' }).did.slice(0, -1);
  const linkCache = new Map<string, { readonly domain: string | null; readonly until: number }>();

  async function foreignLinkage(
    id: string,
    profile: Readonly<Record<string, unknown>> | undefined,
  ): Promise<string | null> {
    const fetchConfiguration = sources.externalFetcher;
    if (fetchConfiguration === undefined) return null;
    const now = context.now();
    const origins = candidateOrigins(id, profile).slice(0, 2);
    // By DID and the sites it names: another credential of the same DID may name another site.
    const key = `${id} ${origins.join(' ')}`;
    const cached = linkCache.get(key);
    if (cached !== undefined && cached.until > now.getTime()) return cached.domain;
    let domain: string | null = null;
    for (const origin of origins) {
      try {
        const configuration = await fetchConfiguration(didConfigurationUrl(origin));
        const linkage = await checkDidConfiguration({
          configuration,
          did: id,
          origin,
          fetcher: sources.fetcher,
          ...(sources.documentLoader === undefined ? {} : { documentLoader: sources.documentLoader }),
          now,
        });
        if (linkage.linked) {
          domain = origin;
          break;
        }
      } catch {
        // An unreachable or refused site links nothing; the guarded fetcher has logged why.
      }
    }
    if (linkCache.size >= MAX_CACHED) {
      const oldest = linkCache.keys().next().value;
      if (oldest !== undefined) linkCache.delete(oldest);
    }
    linkCache.set(key, {
      domain,
      until: now.getTime() + (domain === null ? UNLINKED_TTL_MS : LINKED_TTL_MS),
    });
    return domain;
  }

  return (reads) =>
    async ({ id, profile }): Promise<IssuerTrust> => {
      const slug = id.startsWith(ownPrefix) ? id.slice(ownPrefix.length) : undefined;
      const own = slug === undefined || !/^[a-z0-9-]+$/.test(slug) ? null : await reads.bySlug(slug);
      if (own?.verified === true) return { level: 'vetted', registry: sources.platformName, name: own.name };
      const listed = findInTrustRegistries(sources.registries, id);
      if (listed !== undefined) return listed;
      if (own !== null) {
        return own.linkedDomain === null
          ? { level: 'unknown' }
          : { level: 'domain-linked', domain: own.linkedDomain };
      }
      const domain = await foreignLinkage(id, profile);
      return domain === null ? { level: 'unknown' } : { level: 'domain-linked', domain };
    };
}
