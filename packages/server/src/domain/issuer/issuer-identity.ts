import { didWebFromUrl } from '@microcred/vc';

/** The public URLs and the `did:web` of an issuer, all derived from the platform's public URL and the slug. */
export interface IssuerIdentity {
  /** `did:web:{host}:issuers:{slug}`, resolving to `{publicUrl}/issuers/{slug}/did.json`. */
  readonly did: string;
  readonly profileUrl: string;
  readonly didDocumentUrl: string;
  /** The base URL of the issuer's status lists: `{statusListBase}/{listId}`. */
  readonly statusListBase: string;
}

export function issuerIdentity(options: { publicUrl: string; slug: string }): IssuerIdentity {
  const profileUrl = `${options.publicUrl}/issuers/${options.slug}`;
  return {
    did: didWebFromUrl(profileUrl),
    profileUrl,
    didDocumentUrl: `${profileUrl}/did.json`,
    statusListBase: `${profileUrl}/status`,
  };
}

/** The verification method id of an issuer key: `{did}#{keyId}`. */
export function issuerKeyId(did: string, keyId: string): string {
  return `${did}#${keyId}`;
}
