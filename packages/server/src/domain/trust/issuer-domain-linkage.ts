import {
  buildDidConfiguration,
  buildDomainLinkageCredential,
  checkDidConfiguration,
  type DocumentLoader,
  didConfigurationUrl,
  type JsonObject,
  type ResourceFetcher,
  webOriginOf,
} from '@microcred/vc';
import { type Actor, authorize } from '../auth/actor.js';
import { resourceNotFound } from '../auth/resource-not-found.js';
import type { IssueDependencies } from '../credential/issue-credential.js';
import { ServerError, ServerErrorCode } from '../error/server-error.js';
import { issuerIdentity } from '../issuer/issuer-identity.js';
import { type IssuerView, viewIssuer } from '../issuer/manage-issuers.js';
import type { PlatformContext } from '../platform-context.js';
import type { Issuer } from '../ports/index.js';

/** How long a Domain Linkage Credential the platform signs stays valid: re-download it within a year. */
const LINKAGE_VALIDITY_MS = 365 * 24 * 60 * 60 * 1000;

async function linkableIssuer(
  context: PlatformContext,
  actor: Actor,
  issuerId: string,
): Promise<{ issuer: Issuer; origin: string; did: string }> {
  authorize(actor, issuerId, 'owner', { notFound: 'issuer' });
  const issuer = await context.storage.issuers.findById({ id: issuerId });
  if (issuer === null || issuer.kind !== 'issuer') throw resourceNotFound('issuer');
  if (issuer.url === null) {
    throw new ServerError(
      ServerErrorCode.CONFLICT,
      "the issuer has no web address: set the profile's url to the site its domain linkage is for",
    );
  }
  const { did } = issuerIdentity({ publicUrl: context.publicUrl, slug: issuer.slug });
  return { issuer, origin: webOriginOf(issuer.url), did };
}

/**
 * The `did-configuration.json` an issuer publishes at `{origin}/.well-known/` to prove its site and its
 * DID belong together (DIF Well-Known DID Configuration): one Domain Linkage Credential for the origin of
 * the issuer's `url`, signed by the issuer's active key. Owners only.
 */
export async function issuerDidConfiguration(
  context: PlatformContext,
  dependencies: IssueDependencies,
  actor: Actor,
  issuerId: string,
): Promise<{ readonly origin: string; readonly url: string; readonly configuration: JsonObject }> {
  const { issuer, origin, did } = await linkableIssuer(context, actor, issuerId);
  const now = new Date(Math.floor(context.now().getTime() / 1000) * 1000);
  const unsigned = buildDomainLinkageCredential({
    did,
    origin,
    issuanceDate: now,
    expirationDate: new Date(now.getTime() + LINKAGE_VALIDITY_MS),
  });
  const signed = await dependencies.signer.sign({
    document: unsigned,
    signingKey: await dependencies.activeSigningKey(issuer),
    format: 'di',
    created: now,
  });
  return {
    origin,
    url: didConfigurationUrl(origin),
    configuration: buildDidConfiguration([signed.document]),
  };
}

/** What the platform's verifier uses to read documents: the outbound fetcher, and its own DID documents. */
export interface DomainCheckReaders {
  /** Fetches the DID configuration from the issuer's site (the guarded outbound fetcher). */
  readonly externalFetcher: ResourceFetcher;
  /** Resolves the issuer's own did:web (read from the database, never over the network). */
  readonly fetcher: ResourceFetcher;
  readonly documentLoader?: DocumentLoader;
}

export interface DomainCheck {
  readonly linked: boolean;
  readonly origin: string;
  /** Why the domain is not linked (what the fetch or the check said). */
  readonly reason?: string;
  readonly issuer: IssuerView;
}

/**
 * "Check my domain": fetches `https://{domain}/.well-known/did-configuration.json` through the guarded
 * fetcher and records whether it links the issuer's DID to that origin. A failed check clears an earlier
 * link, so a report never claims a linkage the site no longer publishes.
 */
export async function checkIssuerDomain(
  context: PlatformContext,
  readers: DomainCheckReaders,
  actor: Actor,
  issuerId: string,
): Promise<DomainCheck> {
  const { issuer, origin, did } = await linkableIssuer(context, actor, issuerId);
  let reason: string | undefined;
  try {
    const configuration = await readers.externalFetcher(didConfigurationUrl(origin));
    const linkage = await checkDidConfiguration({
      configuration,
      did,
      origin,
      fetcher: readers.fetcher,
      ...(readers.documentLoader === undefined ? {} : { documentLoader: readers.documentLoader }),
      now: context.now(),
    });
    if (!linkage.linked) reason = linkage.reason;
  } catch (error) {
    reason = `could not read ${didConfigurationUrl(origin)}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const updated = await context.storage.issuers.update({
    id: issuer.id,
    patch:
      reason === undefined
        ? { linkedDomain: origin, domainLinkedAt: context.now() }
        : { linkedDomain: null, domainLinkedAt: null },
  });
  return {
    linked: reason === undefined,
    origin,
    ...(reason === undefined ? {} : { reason }),
    issuer: viewIssuer(context, updated),
  };
}
