import type { DocumentLoader } from '../contexts/index.js';
import { isRecord, type JsonObject } from '../json/index.js';
import type { ResourceFetcher } from '../resource/index.js';
import { asArray } from '../verify/checks/as-array.js';
import { issuerIdOf, verifyCredential } from '../verify/index.js';
import { webOriginOf } from './build-domain-linkage-credential.js';

export interface CheckDidConfigurationOptions {
  /** The did-configuration.json fetched from `origin` (parsed JSON). */
  readonly configuration: unknown;
  readonly did: string;
  /** The origin the configuration was fetched from. */
  readonly origin: string;
  /** Resolves the DID's keys (did:web documents); the configuration itself is already fetched. */
  readonly fetcher?: ResourceFetcher;
  readonly documentLoader?: DocumentLoader;
  readonly now: Date;
}

export type DomainLinkage =
  | { readonly linked: true; readonly origin: string }
  | { readonly linked: false; readonly reason: string };

/** Why one Domain Linkage Credential does not link `did` to `origin`, or undefined when it does. */
async function problemOf(
  entry: JsonObject | string,
  options: CheckDidConfigurationOptions,
  origin: string,
): Promise<string | undefined> {
  const report = await verifyCredential(entry, {
    now: options.now,
    skipStatus: true,
    ...(options.fetcher === undefined ? {} : { fetcher: options.fetcher }),
    ...(options.documentLoader === undefined ? {} : { documentLoader: options.documentLoader }),
  });
  const credential = report.credential;
  if (!report.verified || credential === undefined) {
    const failed = report.checks.find((check) => !check.ok);
    return `the Domain Linkage Credential does not verify: ${failed?.message ?? 'no credential'}`;
  }
  if (!asArray(credential.type).includes('DomainLinkageCredential')) {
    return 'the credential is not a DomainLinkageCredential';
  }
  if (issuerIdOf(credential) !== options.did) return `the credential is issued by ${issuerIdOf(credential)}`;
  // DIF §Linked Data Proof Format: expirationDate MUST be present (VC 2.0 form: validUntil).
  if (credential.expirationDate === undefined && credential.validUntil === undefined) {
    return 'the Domain Linkage Credential has no expiration date';
  }
  const subject = asArray(credential.credentialSubject).find(isRecord);
  if (subject?.id !== options.did) return 'the credential subject is not the DID';
  let subjectOrigin: string;
  try {
    subjectOrigin = webOriginOf(String(subject.origin));
  } catch {
    return 'the credential subject names no origin';
  }
  if (subjectOrigin !== origin) return `the credential links ${subjectOrigin}, not ${origin}`;
  return undefined;
}

/**
 * Whether `configuration` (DIF Well-Known DID Configuration, fetched from `origin`) links `did` to that
 * origin: one of its Domain Linkage Credentials must verify (signed by a key the DID controls, within its
 * dates), and name the DID as issuer and subject and this very origin. Never throws for a bad document.
 */
export async function checkDidConfiguration(options: CheckDidConfigurationOptions): Promise<DomainLinkage> {
  let origin: string;
  try {
    origin = webOriginOf(options.origin);
  } catch (error) {
    return { linked: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const { configuration } = options;
  if (!isRecord(configuration) || !Array.isArray(configuration.linked_dids)) {
    return { linked: false, reason: 'the DID configuration has no linked_dids array' };
  }
  let firstProblem: string | undefined;
  for (const entry of configuration.linked_dids.slice(0, 20)) {
    // Only entries that could be about this DID are verified: every verification may resolve a DID.
    const mentions =
      typeof entry === 'string' || (isRecord(entry) && issuerIdOf(entry as JsonObject) === options.did);
    if (!mentions || !(typeof entry === 'string' || isRecord(entry))) continue;
    const problem = await problemOf(entry as JsonObject | string, options, origin);
    if (problem === undefined) return { linked: true, origin };
    firstProblem ??= problem;
  }
  return { linked: false, reason: firstProblem ?? `no Domain Linkage Credential for ${options.did}` };
}
