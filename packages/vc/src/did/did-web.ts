import { ErrorCode, MicrocredError } from '../error/index.js';
import {
  DID_CONTEXT,
  type DidDocument,
  MULTIKEY_CONTEXT,
  type VerificationMethodDocument,
} from './did-key.js';

// A DNS name in lower case, no trailing dot, no IP literal (ADVERSARIAL V17): the host is what the
// verifier trusts, so anything that could smuggle another host (%40, %2F, userinfo) is refused.
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const PATH_SEGMENT = /^[A-Za-z0-9._~-]+$/;

function fail(did: string, why: string): never {
  throw new MicrocredError(ErrorCode.DID_RESOLUTION_ERROR, `invalid did:web "${did.slice(0, 200)}": ${why}`);
}

/** `did:web:host[%3Aport]:a:b` → `https://host[:port]/a/b/did.json` (or `/.well-known/did.json`). Strict. */
export function didWebToUrl(did: string): string {
  const bare = did.split('#')[0] ?? '';
  if (!bare.startsWith('did:web:')) fail(did, 'not a did:web');
  const parts = bare.slice('did:web:'.length).split(':');
  const [encodedHost, ...path] = parts;
  if (encodedHost === undefined || encodedHost === '') fail(did, 'missing host');
  const portMatch = /^(.*)%3A([0-9]{1,5})$/i.exec(encodedHost);
  const host = portMatch?.[1] ?? encodedHost;
  const port = portMatch?.[2];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) fail(did, 'port out of range');
  const labels = host.split('.');
  if (labels.length < 2 && host !== 'localhost') fail(did, 'host must be a domain name');
  if (!labels.every((label) => HOST_LABEL.test(label))) fail(did, 'host must be a lower-case DNS name');
  if (labels.every((label) => /^[0-9]+$/.test(label))) fail(did, 'IP literals are not allowed');
  if (!path.every((segment) => PATH_SEGMENT.test(segment)))
    fail(did, 'path segments may not be empty or encoded');
  const authority = port === undefined ? host : `${host}:${port}`;
  return path.length === 0
    ? `https://${authority}/.well-known/did.json`
    : `https://${authority}/${path.join('/')}/did.json`;
}

/** The did:web of a base URL: `https://host:8443/issuers/acme` → `did:web:host%3A8443:issuers:acme`. */
export function didWebFromUrl(url: string): string {
  const parsed = new URL(url);
  const host = parsed.port === '' ? parsed.hostname : `${parsed.hostname}%3A${parsed.port}`;
  const segments = parsed.pathname.split('/').filter((segment) => segment !== '');
  if (segments.at(-1) === 'did.json') segments.pop();
  if (segments.length === 2 && segments[0] === '.well-known') segments.length = 0;
  // URL parsing already lower-cases the host; the port's colon is written %3A (did:web method, §3.2).
  const did = ['did:web', host, ...segments].join(':');
  didWebToUrl(did);
  return did;
}

export interface DidWebKey {
  /** The fragment or the absolute id of the key, e.g. `key-1` or `did:web:…#key-1`. */
  readonly id: string;
  readonly publicKeyMultibase: string;
  /** When set, the key is kept published (old credentials still verify) but no longer used to sign. */
  readonly revoked?: string;
}

/**
 * A did:web document listing several keys. Rotation adds a key and keeps the old ones published, so
 * credentials signed before still verify; all keys stay under `assertionMethod` for that reason.
 */
export function buildDidWebDocument(options: {
  did: string;
  keys: readonly DidWebKey[];
  alsoKnownAs?: readonly string[];
}): DidDocument {
  didWebToUrl(options.did);
  const methods: VerificationMethodDocument[] = options.keys.map((key) => ({
    id: key.id.startsWith('did:') ? key.id : `${options.did}#${key.id.replace(/^#/, '')}`,
    type: 'Multikey',
    controller: options.did,
    publicKeyMultibase: key.publicKeyMultibase,
    ...(key.revoked === undefined ? {} : { revoked: key.revoked }),
  }));
  const ids = methods.map((method) => method.id);
  return {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: options.did,
    ...(options.alsoKnownAs === undefined ? {} : { alsoKnownAs: [...options.alsoKnownAs] }),
    verificationMethod: methods,
    assertionMethod: ids,
    authentication: ids,
  };
}
