import type { IssuerTrust } from '../verify/index.js';
import type { TrustRegistry } from './parse-trust-registry.js';

/**
 * What the first registry listing `issuerId` says of it (registries in order of authority, as the
 * operator configured them), or undefined when none lists it.
 */
export function findInTrustRegistries(
  registries: readonly TrustRegistry[],
  issuerId: string,
): (IssuerTrust & { readonly level: 'vetted' }) | undefined {
  for (const registry of registries) {
    const entry = registry.entries.get(issuerId);
    if (entry !== undefined) return { level: 'vetted', registry: registry.name, name: entry.name };
  }
  return undefined;
}
