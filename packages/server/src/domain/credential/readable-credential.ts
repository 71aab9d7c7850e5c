import { resourceNotFound } from '../auth/resource-not-found.js';
import type { ServerError } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { CredentialChoiceRecord, CredentialRecord } from '../ports/index.js';

/**
 * Who reads a credential outside its issuer's API: the earner signed in on the asking browser (their
 * id), or null for anyone else (an API client, a verifier, a crawler, a document that bundles credentials
 * for a third party, such as an issuer's CLR).
 */
export type CredentialViewer = string | null;

/** What the earner decided about a credential, and whose portfolio it is in. */
export interface CredentialDisclosure {
  readonly choice: CredentialChoiceRecord | null;
  /** The earner whose confirmed address the credential was issued to, if any. */
  readonly ownerId: string | null;
}

export interface ReadableCredential extends CredentialDisclosure {
  readonly credential: CredentialRecord;
}

/**
 * The one visibility rule for a credential's content, in every representation and on every route (page,
 * JSON, JWT, downloads, /verify?url=, CLRs). Its earner always reads it. Anyone else reads it only when
 *  - the earner accepted it and left it public, or
 *  - nobody has decided yet and it is in no portfolio: the issuer published it at its unguessable link,
 *    and its recipient can decline it from the claim mail.
 * Declined, private, and waiting in a portfolio for the earner's choice (their account shows it private
 * until they accept) are hidden. The issuer's own API (`GET /api/v1/credentials…` with its key) is the
 * issuer's record and is not subject to this rule (see `getCredential`).
 */
export function mayReadCredential(disclosure: CredentialDisclosure, viewer: CredentialViewer): boolean {
  if (viewer !== null && disclosure.ownerId === viewer) return true;
  const { choice } = disclosure;
  if (choice !== null) return choice.choice === 'accepted' && choice.visibility === 'public';
  return disclosure.ownerId === null;
}

/** The answer for a credential that does not exist, and for one the viewer may not read: the same. */
export function credentialNotFound(): ServerError {
  return resourceNotFound('credential');
}

async function discloseCredential(
  context: PlatformContext,
  credentialId: string,
): Promise<CredentialDisclosure> {
  // A holder-bound copy (see `holderBoundCopy`) is disclosed as its original is: the earner's choice
  // about the credential governs every signed form of it.
  const disclosed = (await context.storage.wallet.findOriginal({ credentialId })) ?? credentialId;
  const [choice, ownerId] = await Promise.all([
    context.storage.portfolios.findChoice({ credentialId: disclosed }),
    context.storage.portfolios.findOwner({ credentialId: disclosed }),
  ]);
  return { choice, ownerId };
}

/**
 * A credential by id if `viewer` may read it, with what its earner decided; NOT_FOUND otherwise, exactly
 * as for an id that does not exist (a stranger never learns that a hidden credential is there).
 */
export async function readableCredential(
  context: PlatformContext,
  viewer: CredentialViewer,
  id: string,
): Promise<ReadableCredential> {
  // The same reads for every id, found or not, so that a hidden credential takes as long as a missing one.
  const [credential, disclosure] = await Promise.all([
    context.storage.credentials.findById({ id }),
    discloseCredential(context, id),
  ]);
  if (credential === null || !mayReadCredential(disclosure, viewer)) throw credentialNotFound();
  return { credential, ...disclosure };
}

/** Those of `records` that `viewer` may read, in order: what a document bundling credentials may hold. */
export async function readableCredentials(
  context: PlatformContext,
  viewer: CredentialViewer,
  records: readonly CredentialRecord[],
): Promise<CredentialRecord[]> {
  const readable: CredentialRecord[] = [];
  for (const record of records) {
    if (mayReadCredential(await discloseCredential(context, record.id), viewer)) readable.push(record);
  }
  return readable;
}
