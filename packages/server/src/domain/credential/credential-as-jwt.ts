import { ErrorCode, MicrocredError, signCredentialJwt } from '@microcred/vc';
import type { ActiveSigningKey } from '../issuer/issuer-keys.js';
import type { PlatformContext } from '../platform-context.js';
import type { CredentialRecord } from '../ports/index.js';

/**
 * The credential as a VC-JWT (VC-JOSE-COSE): the one it was issued as, or, for a Data Integrity
 * credential, the same unsecured credential secured a second way by its issuer's current key. Both say
 * exactly the same thing; wallets that only read JWTs can take the second.
 */
export async function credentialAsJwt(
  context: PlatformContext,
  activeSigningKey: ActiveSigningKey,
  record: CredentialRecord,
): Promise<string> {
  if (record.jwt !== null) return record.jwt;
  const issuer = await context.storage.issuers.findById({ id: record.issuerId });
  if (issuer === null) throw new MicrocredError(ErrorCode.NOT_FOUND, 'no such issuer');
  const { proof: _proof, ...unsecured } = record.document;
  const signingKey = await activeSigningKey(issuer);
  return signCredentialJwt({ alg: 'EdDSA', key: signingKey.key, credential: unsecured });
}
