import { createHash } from 'node:crypto';
import { canonicalizeJcs, hashLeaf } from '@microcred/vc';
import type { NewLogEntry, Repositories } from '../ports/index.js';

/**
 * A credential's leaf data: SHA-256 of the RFC 8785 (JCS) bytes of the signed credential exactly as
 * `GET /credentials/{id}` serves it as JSON, so anyone holding it recomputes the leaf; the log holds a
 * digest, never the credential's content.
 */
export function credentialLogEntry(credentialId: string, document: unknown): NewLogEntry {
  const entry = new Uint8Array(createHash('sha256').update(canonicalizeJcs(document)).digest());
  return { kind: 'credential', entry, leafHash: hashLeaf(entry), credentialId };
}

/** What happened to an issuer's key; a rotation logs the new key as `rotated`. */
export type IssuerKeyEventType = 'created' | 'rotated' | 'revoked';

/** An issuer key event's leaf data: the JCS bytes of a small public object (no personal data). */
export function issuerKeyLogEntry(event: {
  readonly type: IssuerKeyEventType;
  readonly issuer: string;
  readonly verificationMethod: string;
  readonly publicKeyMultibase: string;
  readonly at: Date;
}): NewLogEntry {
  const entry = new TextEncoder().encode(
    canonicalizeJcs({
      type: event.type,
      issuer: event.issuer,
      verificationMethod: event.verificationMethod,
      publicKeyMultibase: event.publicKeyMultibase,
      at: event.at.toISOString(),
    }),
  );
  return { kind: 'issuer-key', entry, leafHash: hashLeaf(entry) };
}

/**
 * Sequences the leaves of credentials just inserted, in the transaction that inserts them (ADVERSARIAL
 * I10: a credential that is not logged was not issued). Call it as the transaction's last write: the
 * sequence lock it takes is held until the commit.
 */
export async function logIssuedCredentials(
  repositories: Pick<Repositories, 'transparencyLog'>,
  issued: readonly { readonly id: string; readonly document: unknown }[],
  at: Date,
): Promise<void> {
  if (issued.length === 0) return;
  await repositories.transparencyLog.append(
    issued.map((credential) => credentialLogEntry(credential.id, credential.document)),
    at,
  );
}
