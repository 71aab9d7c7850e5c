import { checkProofJwt, type JsonObject } from '@microcred/vc';
import { z } from 'zod';
import { credentialAsJwt } from '../credential/credential-as-jwt.js';
import type { CredentialSigner } from '../credential/credential-signer.js';
import { hashSecret, newSecret } from '../earner/email-links.js';
import type { ActiveSigningKey } from '../issuer/issuer-keys.js';
import type { PlatformContext } from '../platform-context.js';
import { CredentialNotDeliverable, holderBoundCopy } from './holder-bound-copy.js';
import { CREDENTIAL_CONFIGURATIONS, isCredentialConfigurationId } from './issuer-metadata.js';
import { OpenIdError } from './openid-error.js';
import { WALLET_LIFETIMES_MS } from './wallet-lifetimes.js';

/** A `c_nonce` for the next key proof (OpenID4VCI 1.0 §7), kept until used or expired. */
export async function issueNonce(context: PlatformContext): Promise<{ readonly c_nonce: string }> {
  const nonce = newSecret();
  await context.storage.wallet.createNonce({
    nonce,
    expiresAt: new Date(context.now().getTime() + WALLET_LIFETIMES_MS.nonce),
  });
  return { c_nonce: nonce };
}

// §8.2: one `proofs` object of one proof type. The draft-13 `proof` object is read too: wallets in the
// field still send it, and it carries the same JWT.
const CredentialRequestSchema = z.object({
  credential_configuration_id: z.string().optional(),
  credential_identifier: z.string().optional(),
  proofs: z.object({ jwt: z.array(z.string()).min(1).max(10) }).optional(),
  proof: z.object({ proof_type: z.literal('jwt'), jwt: z.string() }).optional(),
});

/**
 * The credential endpoint: for a live access token, checks the key proof (typ, aud = the credential
 * issuer, iat, signature, and a nonce this issuer gave and no one used), then answers with the offered
 * credential bound to the proof's key: a copy signed by the issuer with `credentialSubject.id` set to the
 * holder's did:key or did:jwk (see `holderBoundCopy`), as a Data Integrity credential or a VC-JWT.
 */
export async function deliverToWallet(
  context: PlatformContext,
  dependencies: { readonly activeSigningKey: ActiveSigningKey; readonly signer: CredentialSigner },
  request: { readonly accessToken: string | null; readonly body: unknown },
) {
  const offer =
    request.accessToken === null
      ? null
      : await context.storage.wallet.findOfferByAccessToken({
          accessTokenHash: hashSecret(request.accessToken),
          at: context.now(),
        });
  if (offer === null)
    throw new OpenIdError('invalid_token', 'the access token is missing, unknown or expired');
  const parsed = CredentialRequestSchema.safeParse(request.body);
  if (!parsed.success)
    throw new OpenIdError('invalid_credential_request', 'the credential request is malformed');
  const body = parsed.data;
  if (body.credential_identifier !== undefined) {
    throw new OpenIdError(
      'invalid_credential_request',
      'no credential_identifier was issued: name the configuration',
    );
  }
  const configurationId = body.credential_configuration_id;
  if (!isCredentialConfigurationId(configurationId)) {
    throw new OpenIdError(
      'unknown_credential_configuration',
      'credential_configuration_id is not one this issuer offers',
    );
  }
  if ((body.proofs === undefined) === (body.proof === undefined)) {
    throw new OpenIdError('invalid_credential_request', 'send exactly one of proofs and proof');
  }
  const jwts = body.proofs?.jwt ?? (body.proof === undefined ? [] : [body.proof.jwt]);
  if (jwts.length !== 1)
    throw new OpenIdError('invalid_proof', 'send one key proof: one credential is issued');
  const checked = checkProofJwt({ jwt: jwts[0], audience: context.publicUrl, now: context.now() });
  if (!checked.ok) throw new OpenIdError('invalid_proof', checked.description);
  // The nonce is taken only once the proof is otherwise good, so a malformed proof does not burn it.
  if (!(await context.storage.wallet.useNonce({ nonce: checked.nonce, at: context.now() }))) {
    throw new OpenIdError(
      'invalid_nonce',
      'the proof nonce is unknown, used or expired: fetch a new c_nonce',
    );
  }
  const original = await context.storage.credentials.findById({ id: offer.credentialId });
  if (original === null)
    throw new OpenIdError('credential_request_denied', 'the credential no longer exists');
  let copy: Awaited<ReturnType<typeof holderBoundCopy>>;
  try {
    copy = await holderBoundCopy(context, dependencies, original, {
      did: checked.holderDid,
      via: 'openid4vci',
    });
  } catch (error) {
    if (error instanceof CredentialNotDeliverable)
      throw new OpenIdError('credential_request_denied', error.message);
    throw error;
  }
  const credential: JsonObject | string =
    CREDENTIAL_CONFIGURATIONS[configurationId] === 'ldp_vc'
      ? copy.document
      : await credentialAsJwt(context, dependencies, copy);
  return { credentials: [{ credential }] };
}
