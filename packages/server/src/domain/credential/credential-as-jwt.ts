import { ServerError, ServerErrorCode } from '../error/server-error.js';
import type { ActiveSigningKey } from '../issuer/issuer-keys.js';
import type { PlatformContext } from '../platform-context.js';
import type { CredentialRecord } from '../ports/index.js';
import type { CredentialSigner } from './credential-signer.js';

/**
 * The credential as a VC-JWT (VC-JOSE-COSE): the one it was issued as, or, for a Data Integrity
 * credential, the same unsecured credential secured a second way by its issuer's current key. Both say
 * exactly the same thing; wallets that only read JWTs can take the second.
 */
export async function credentialAsJwt(
  context: PlatformContext,
  dependencies: { readonly activeSigningKey: ActiveSigningKey; readonly signer: CredentialSigner },
  record: CredentialRecord,
): Promise<string> {
  if (record.jwt !== null) return record.jwt;
  const issuer = await context.storage.issuers.findById({ id: record.issuerId });
  if (issuer === null) throw new ServerError(ServerErrorCode.NOT_FOUND, 'no such issuer');
  const { proof: _proof, ...unsecured } = record.document;
  const signingKey = await dependencies.activeSigningKey(issuer);
  const { jwt } = await dependencies.signer.sign({
    document: unsecured,
    signingKey,
    format: 'jwt',
    created: context.now(),
  });
  if (jwt === null) throw new ServerError(ServerErrorCode.INTERNAL, 'the signer returned no JWT');
  return jwt;
}
