/** OpenID4VCI 1.0 §4.1.1: the grant type of the pre-authorized code flow. */
export const PRE_AUTHORIZED_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/** The Credential Offer scheme a wallet registers for (OpenID4VCI 1.0 §4.1). */
export const CREDENTIAL_OFFER_SCHEME = 'openid-credential-offer://';

/** The transaction code a wallet asks its user for: its length and input mode, never its value. */
export interface TxCodeDescription {
  readonly length: number;
  readonly inputMode: 'numeric' | 'text';
  readonly description?: string;
}

/** A Credential Offer object (OpenID4VCI 1.0 §4.1.1) with a pre-authorized code grant. */
export function buildCredentialOffer(options: {
  readonly credentialIssuer: string;
  readonly configurationIds: readonly string[];
  readonly preAuthorizedCode: string;
  readonly txCode?: TxCodeDescription;
}) {
  const { txCode } = options;
  return {
    credential_issuer: options.credentialIssuer,
    credential_configuration_ids: [...options.configurationIds],
    grants: {
      [PRE_AUTHORIZED_CODE_GRANT]: {
        'pre-authorized_code': options.preAuthorizedCode,
        ...(txCode === undefined
          ? {}
          : {
              tx_code: {
                input_mode: txCode.inputMode,
                length: txCode.length,
                ...(txCode.description === undefined ? {} : { description: txCode.description }),
              },
            }),
      },
    },
  };
}

/**
 * An offer passed by reference (§4.1.3): the wallet fetches `credentialOfferUri`. By reference, the QR
 * code stays small and the pre-authorized code is not in it (nor in a screenshot of it) once fetched.
 */
export function credentialOfferByReference(credentialOfferUri: string): string {
  return `${CREDENTIAL_OFFER_SCHEME}?credential_offer_uri=${encodeURIComponent(credentialOfferUri)}`;
}
