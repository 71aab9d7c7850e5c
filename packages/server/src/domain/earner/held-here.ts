import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { PlatformContext } from '../platform-context.js';
import type { CredentialRecord, JsonObject } from '../ports/index.js';

/**
 * A credential's identity by OB 3.0 §"Equality": `issuer.id` and `id`, equal after percent-unescaping and
 * trimming. Null when the document names no issuer id or no id.
 */
export function credentialIdentity(document: JsonObject): string | null {
  const issuer = document.issuer;
  const issuerId =
    typeof issuer === 'string'
      ? issuer
      : typeof issuer === 'object' && issuer !== null && !Array.isArray(issuer)
        ? (issuer as { id?: unknown }).id
        : null;
  if (typeof issuerId !== 'string' || typeof document.id !== 'string') return null;
  const clean = (value: string) => {
    try {
      return decodeURIComponent(value).trim();
    } catch {
      return value.trim();
    }
  };
  return `${clean(issuerId)}\n${clean(document.id)}`;
}

const CREDENTIAL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The credential this platform issued that `document` is (same issuer and id), when the earner holds it:
 * one issued to them, or a holder-bound wallet copy of one issued to them (`holderBoundCopy`: issued to
 * their wallet's DID, so it is in no portfolio). Such a credential is already theirs here: taking it in
 * again, from an app or an import, would show it twice.
 */
export async function heldHere(
  context: PlatformContext,
  earnerId: string,
  document: JsonObject,
): Promise<CredentialRecord | null> {
  const identity = credentialIdentity(document);
  if (identity === null) return null;
  const issued = await context.storage.portfolios.listCredentials({ earnerId });
  const own = issued.find((record) => credentialIdentity(record.document) === identity);
  if (own !== undefined) return own;
  const prefix = `${context.publicUrl}/credentials/`;
  const id = identity.slice(identity.indexOf('\n') + 1);
  if (!id.startsWith(prefix) || !CREDENTIAL_ID.test(id.slice(prefix.length))) return null;
  const copy = await context.storage.credentials.findById({ id: id.slice(prefix.length).toLowerCase() });
  if (copy === null || credentialIdentity(copy.document) !== identity) return null;
  const originalId = await context.storage.wallet.findOriginal({ credentialId: copy.id });
  return originalId !== null && issued.some((record) => record.id === originalId) ? copy : null;
}

/** An import of a credential the earner already holds here (`heldHere`): nothing was stored. */
export class CredentialAlreadyHeld extends ServerError {
  constructor(readonly credentialId: string) {
    super(ServerErrorCode.CONFLICT, 'this credential is already in your account');
  }
}
