import {
  CREDENTIALS_V1_CONTEXT,
  DATA_INTEGRITY_V2_CONTEXT,
  DID_CONFIGURATION_CONTEXT,
} from '../contexts/index.js';
import { ErrorCode, MicrocredError } from '../error/index.js';
import type { JsonObject } from '../json/index.js';

/** Where an origin publishes its DID Configuration resource (DIF Well-Known DID Configuration §DID Configuration Resource). */
export const DID_CONFIGURATION_PATH = '/.well-known/did-configuration.json';

/**
 * The web origin of `url` (`scheme://host[:port]`), as a Domain Linkage Credential names it. Throws a
 * MALFORMED_VALUE_ERROR for anything but an http(s) URL.
 */
export function webOriginOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, `${url.slice(0, 200)} is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, `${url.slice(0, 200)} is not an http(s) URL`);
  }
  return parsed.origin;
}

/** The URL of `origin`'s DID Configuration resource. */
export function didConfigurationUrl(origin: string): string {
  return `${webOriginOf(origin)}${DID_CONFIGURATION_PATH}`;
}

export interface BuildDomainLinkageCredentialOptions {
  /** The DID being linked: the credential's issuer and subject. */
  readonly did: string;
  /** The origin (or any URL on it) the DID is linked to. */
  readonly origin: string;
  readonly issuanceDate: Date;
  /** Required by the specification: a linkage that never expires cannot be withdrawn by letting it lapse. */
  readonly expirationDate: Date;
}

const secondsOnly = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * An unsigned Domain Linkage Credential in the specification's Linked Data Proof form (VC Data Model 1.1,
 * DIF Well-Known DID Configuration §Linked Data Proof Format), ready for a Data Integrity proof by a key
 * of `did` under `assertionMethod`. The Data Integrity context defines the proof's terms in a VC 1.1
 * document.
 */
export function buildDomainLinkageCredential(options: BuildDomainLinkageCredentialOptions): JsonObject {
  const { did, issuanceDate, expirationDate } = options;
  if (!did.startsWith('did:')) {
    throw new MicrocredError(ErrorCode.MALFORMED_VALUE_ERROR, `${did.slice(0, 200)} is not a DID`);
  }
  if (expirationDate.getTime() <= issuanceDate.getTime()) {
    throw new MicrocredError(ErrorCode.RANGE_ERROR, 'the expiration date must be after the issuance date');
  }
  return {
    '@context': [CREDENTIALS_V1_CONTEXT, DID_CONFIGURATION_CONTEXT, DATA_INTEGRITY_V2_CONTEXT],
    type: ['VerifiableCredential', 'DomainLinkageCredential'],
    issuer: did,
    issuanceDate: secondsOnly(issuanceDate),
    expirationDate: secondsOnly(expirationDate),
    credentialSubject: { id: did, origin: webOriginOf(options.origin) },
  };
}

/** The `did-configuration.json` resource carrying signed Domain Linkage Credentials. */
export function buildDidConfiguration(linkedDids: readonly (JsonObject | string)[]): JsonObject {
  return { '@context': DID_CONFIGURATION_CONTEXT, linked_dids: [...linkedDids] };
}
