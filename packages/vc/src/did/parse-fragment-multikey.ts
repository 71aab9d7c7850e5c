import { decodeMultikeyPublic } from './multikey.js';

/** A verification method URL that carries its Ed25519 key in the fragment: `<controller>#z6Mk…`. */
export interface FragmentMultikey {
  /** The URL before `#`: the controller the key claims. */
  readonly controller: string;
  readonly publicKeyMultibase: string;
  readonly publicKey: Uint8Array;
}

const FRAGMENT_MULTIKEY = /^([^#\s]+)#(z[1-9A-HJ-NP-Za-km-z]+)$/;

/**
 * Recognises 1EdTech's verification method convention (the OB 3.0 validator's EmbeddedProofProbe reads
 * the key straight from the fragment of `https://example.edu/issuers/1#z6Mk…`). DIDs are left out:
 * they resolve through their own method, and did:key already derives its document from the key.
 * Returns undefined when the URL is not of that form or the fragment is not an Ed25519 Multikey.
 */
export function parseFragmentMultikey(verificationMethod: string): FragmentMultikey | undefined {
  const match = FRAGMENT_MULTIKEY.exec(verificationMethod);
  const controller = match?.[1];
  const publicKeyMultibase = match?.[2];
  if (controller === undefined || publicKeyMultibase === undefined || controller.startsWith('did:')) {
    return undefined;
  }
  try {
    return { controller, publicKeyMultibase, publicKey: decodeMultikeyPublic(publicKeyMultibase) };
  } catch {
    return undefined;
  }
}
