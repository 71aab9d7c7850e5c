import { didWebToUrl } from '@microcred/vc';
import { issuerIdentity } from '../../domain/issuer/issuer-identity.js';
import { type DoctorFinding, ok, problem, warning } from './doctor-finding.js';

// No IP address: the configuration refuses a PUBLIC_URL naming one (did:web cannot).
function isLocal(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost');
}

/**
 * PUBLIC_URL must be https: did:web resolves over https only, so an http URL gives issuers DIDs that no
 * verifier elsewhere can resolve. Plain http on this machine is a development setting.
 */
export function checkPublicUrl(options: { readonly publicUrl: string }): DoctorFinding {
  const url = new URL(options.publicUrl);
  if (url.protocol === 'https:') {
    if (isLocal(url.hostname))
      return warning(
        'public-url',
        `${options.publicUrl} names this machine: credentials issued under it verify nowhere else`,
        'set PUBLIC_URL to the https URL the platform is reached at (e.g. https://badges.example.edu)',
      );
    return ok('public-url', `${options.publicUrl} (https)`);
  }
  if (isLocal(url.hostname))
    return warning(
      'public-url',
      `${options.publicUrl} is plain http on this machine: a development setting, not for production`,
      'in production set PUBLIC_URL to the https URL the platform is reached at',
    );
  return problem(
    'public-url',
    `${options.publicUrl} is plain http: did:web DIDs resolve over https only, so no verifier can check the credentials issued under it`,
    'serve the platform over https (a TLS-terminating proxy in front) and set PUBLIC_URL=https://…',
  );
}

/** An issuer, and the issuer DID its most recent credential names (null when it issued none). */
export interface IssuedDid {
  readonly slug: string;
  readonly did: string | null;
}

/** `https://old.example` from `did:web:old.example:issuers:slug`, or undefined when the DID is not ours. */
function publicUrlOf(did: string, slug: string): string | undefined {
  try {
    const suffix = `/issuers/${slug}/did.json`;
    const url = didWebToUrl(did);
    return url.endsWith(suffix) ? url.slice(0, -suffix.length) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Issuer DIDs are derived from PUBLIC_URL, and credentials name their issuer's DID inside the signed
 * document: once PUBLIC_URL changes, the DID documents move to another DID and every credential already
 * issued names one that is no longer served, so none of them verifies any more.
 */
export function checkIssuedDids(options: {
  readonly publicUrl: string;
  readonly issued: readonly IssuedDid[];
}): DoctorFinding {
  const withCredentials = options.issued.filter(
    (issuer): issuer is IssuedDid & { did: string } => issuer.did !== null,
  );
  const moved = withCredentials.filter(
    (issuer) => issuer.did !== issuerIdentity({ publicUrl: options.publicUrl, slug: issuer.slug }).did,
  );
  if (moved.length === 0) {
    return ok(
      'issuer-dids',
      withCredentials.length === 0
        ? 'no credential issued yet: issuer DIDs will follow PUBLIC_URL'
        : `the DIDs of the ${withCredentials.length} issuer(s) with credentials match PUBLIC_URL`,
    );
  }
  const [first] = moved;
  const expected = issuerIdentity({ publicUrl: options.publicUrl, slug: first?.slug ?? '' }).did;
  const formerUrls = [
    ...new Set(moved.map((issuer) => publicUrlOf(issuer.did, issuer.slug) ?? `(see ${issuer.did})`)),
  ];
  return problem(
    'issuer-dids',
    `${moved.length} issuer(s) issued credentials under another PUBLIC_URL (${first?.did} where PUBLIC_URL now gives ${expected}): every credential they issued would fail verification, its issuer DID no longer resolving`,
    `set PUBLIC_URL back to ${formerUrls.join(' or ')}; to move hosts, keep the old host serving its DID documents`,
  );
}
