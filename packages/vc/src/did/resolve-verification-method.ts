import { ErrorCode, MicrocredError } from '../error/index.js';
import { isRecord } from '../json/index.js';
import type { ResourceFetcher } from '../resource/index.js';
import { type DidDocument, didKeyDocument, parseDidKey, type VerificationMethodDocument } from './did-key.js';
import { didWebToUrl } from './did-web.js';
import { assertEd25519PublicKey } from './ed25519.js';
import { decodeMultikeyPublic } from './multikey.js';

/** A verification method resolved to raw key material, with the controller that vouches for it. */
export interface ResolvedVerificationMethod {
  readonly id: string;
  readonly type: string;
  readonly controller: string;
  readonly publicKey: Uint8Array;
  readonly publicKeyMultibase: string;
  readonly revoked?: string;
  /**
   * Set when no controller document confirmed that the controller lists this key (1EdTech's
   * key-in-the-fragment convention, accepted in 1EdTech compatibility mode only): says why.
   */
  readonly unconfirmed?: string;
}

export interface ResolveOptions {
  readonly fetcher: ResourceFetcher;
  /** The verification relationship the key must be listed under in its controller document. */
  readonly purpose?: 'assertionMethod' | 'authentication';
}

function fail(message: string, cause?: unknown): never {
  throw new MicrocredError(ErrorCode.DID_RESOLUTION_ERROR, message, cause === undefined ? {} : { cause });
}

function absolute(id: string, base: string): string {
  return id.startsWith('#') ? `${base}${id}` : id;
}

function toResolved(method: VerificationMethodDocument, id: string): ResolvedVerificationMethod {
  if (typeof method.publicKeyMultibase !== 'string') {
    fail(`verification method ${id} has no publicKeyMultibase (only Ed25519 Multikey keys are supported)`);
  }
  let publicKey: Uint8Array;
  try {
    publicKey = decodeMultikeyPublic(method.publicKeyMultibase);
  } catch (cause) {
    fail(`verification method ${id} is not an Ed25519 Multikey`, cause);
  }
  // INVALID_KEY, not a resolution error: the document resolved, but lists a key nothing can trust.
  assertEd25519PublicKey(publicKey);
  return {
    id,
    type: method.type,
    controller: method.controller,
    publicKey,
    publicKeyMultibase: method.publicKeyMultibase,
    ...(typeof method.revoked === 'string' ? { revoked: method.revoked } : {}),
  };
}

/** Finds `vmId` in a controller/DID document and checks it is listed under `purpose`. */
export function findVerificationMethod(
  document: DidDocument,
  vmId: string,
  purpose: ResolveOptions['purpose'] = 'assertionMethod',
): ResolvedVerificationMethod {
  const base = document.id;
  const methods = [...(document.verificationMethod ?? [])];
  const relationship = document[purpose];
  if (!Array.isArray(relationship)) fail(`the controller document of ${vmId} lists no ${purpose}`);
  let embedded: VerificationMethodDocument | undefined;
  const listed = (relationship as readonly unknown[]).some((entry) => {
    if (typeof entry === 'string') return absolute(entry, base) === vmId;
    if (isRecord(entry) && typeof entry.id === 'string' && absolute(entry.id, base) === vmId) {
      embedded = entry as unknown as VerificationMethodDocument;
      return true;
    }
    return false;
  });
  if (!listed) fail(`${vmId} is not listed under ${purpose} by its controller ${base}`);
  const method = embedded ?? methods.find((candidate) => absolute(candidate.id, base) === vmId);
  if (method === undefined) fail(`${vmId} is not in the controller document ${base}`);
  const controller = method.controller ?? base;
  if (controller !== base) fail(`${vmId} claims controller ${controller}, but its document is ${base}`);
  return toResolved({ ...method, controller }, vmId);
}

/**
 * Reads the key `vmId` out of what its URL returned: either a single key document (Multikey with a
 * controller) or a controller document that lists the key under `purpose` (Controlled Identifiers §2).
 */
export function keyFromControllerDocument(
  document: unknown,
  vmId: string,
  purpose: ResolveOptions['purpose'] = 'assertionMethod',
): ResolvedVerificationMethod {
  if (!isRecord(document)) fail(`the key document ${vmId} is not a JSON object`);
  if (document.id === vmId && typeof document.controller === 'string') {
    return toResolved(document as unknown as VerificationMethodDocument, vmId);
  }
  return findVerificationMethod(document as DidDocument, vmId, purpose);
}

/**
 * The DID document of a did:key (derived locally) or a did:web (read through the injected fetcher, and
 * refused unless its `id` is the DID asked for). Throws DID_RESOLUTION_ERROR, or INVALID_KEY for a
 * did:key whose key nothing can trust.
 */
export async function resolveDidDocument(
  did: string,
  options: { fetcher: ResourceFetcher },
): Promise<DidDocument> {
  if (did.startsWith('did:key:')) return didKeyDocument(did);
  if (!did.startsWith('did:web:') || did.includes('#')) fail(`unsupported DID: ${did.slice(0, 200)}`);
  let document: unknown;
  try {
    document = await options.fetcher(didWebToUrl(did));
  } catch (cause) {
    if (cause instanceof MicrocredError && cause.code === ErrorCode.DID_RESOLUTION_ERROR) throw cause;
    fail(`the DID document of ${did} could not be retrieved`, cause);
  }
  if (!isRecord(document) || document.id !== did) fail(`the DID document served for ${did} has another id`);
  return document as DidDocument;
}

// A did:key resolves from its own text alone, so a verifier meeting an issuer's key again reuses it;
// a refused did:key throws every time and is never kept.
const MAX_REMEMBERED_DID_KEYS = 1024;
const didKeyMethods = new Map<string, ResolvedVerificationMethod>();

function resolveDidKeyMethod(
  vmId: string,
  purpose: NonNullable<ResolveOptions['purpose']>,
): ResolvedVerificationMethod {
  const key = `${purpose} ${vmId}`;
  const known = didKeyMethods.get(key);
  if (known !== undefined) return { ...known, publicKey: new Uint8Array(known.publicKey) };
  const { did, publicKeyMultibase } = parseDidKey(vmId);
  const method = findVerificationMethod(didKeyDocument(did), `${did}#${publicKeyMultibase}`, purpose);
  if (didKeyMethods.size >= MAX_REMEMBERED_DID_KEYS) didKeyMethods.clear();
  didKeyMethods.set(key, { ...method, publicKey: new Uint8Array(method.publicKey) });
  return method;
}

/**
 * Resolves a verification method URL to a key: did:key locally; did:web and https URLs through the
 * injected fetcher (never a direct network call). The returned `controller` is the one the verifier
 * must compare with the credential's issuer.
 */
export async function resolveVerificationMethod(
  vmId: string,
  options: ResolveOptions,
): Promise<ResolvedVerificationMethod> {
  if (typeof vmId !== 'string' || vmId.length === 0 || vmId.length > 2048) {
    fail('the verification method must be a URL');
  }
  const purpose = options.purpose ?? 'assertionMethod';
  if (vmId.startsWith('did:key:')) return resolveDidKeyMethod(vmId, purpose);
  if (vmId.startsWith('did:web:')) {
    const did = vmId.split('#')[0] ?? '';
    if (!vmId.includes('#')) fail(`a did:web verification method needs a fragment: ${vmId}`);
    return findVerificationMethod(await resolveDidDocument(did, options), vmId, purpose);
  }
  if (vmId.startsWith('https://')) {
    const documentUrl = vmId.split('#')[0] ?? vmId;
    let document: unknown;
    try {
      document = await options.fetcher(vmId).catch(() => options.fetcher(documentUrl));
    } catch (cause) {
      fail(`the key document ${vmId} could not be retrieved`, cause);
    }
    return keyFromControllerDocument(document, vmId, purpose);
  }
  fail(`unsupported verification method: ${vmId.slice(0, 200)}`);
}
