import type { CredentialStep } from '../verification-context.js';

/**
 * Revocation and suspension, through the status component. A status list is verified by the same pipeline
 * without its own status; the key that signed the credential is passed on, since a list signed with that
 * key is the issuer's too.
 */
export const checkStatus: CredentialStep = async (context) => {
  const { credential, options, components, fetcher, now, signer } = context;
  if (options.skipStatus || credential.credentialStatus === undefined) return {};
  return {
    checks: await components.checkStatus({
      credential,
      fetcher,
      now,
      ...(signer === undefined ? {} : { credentialSigner: signer }),
      verifyListCredential: (list) => context.verifyEmbedded(list, { ...options, skipStatus: true }),
    }),
  };
};
