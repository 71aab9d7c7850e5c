import { CREDENTIALS_V2_CONTEXT, OB_CONTEXT } from '@microcred/vc';
import type { PolicyUrls } from '../policy/policy-urls.js';

/** The paths of the OpenID4VCI endpoints, under the public URL (the metadata below declares them). */
export const OPENID4VCI_PATHS = {
  offer: '/openid4vci/offers',
  token: '/openid4vci/token',
  nonce: '/openid4vci/nonce',
  credential: '/openid4vci/credential',
} as const;

/** The credential configurations offered: the Data Integrity OB 3.0 credential, and the same as a VC-JWT. */
export const CREDENTIAL_CONFIGURATIONS = {
  OpenBadgeCredential_ldp_vc: 'ldp_vc',
  OpenBadgeCredential_jwt_vc_json: 'jwt_vc_json',
} as const;

export type CredentialConfigurationId = keyof typeof CREDENTIAL_CONFIGURATIONS;

export function isCredentialConfigurationId(value: unknown): value is CredentialConfigurationId {
  return typeof value === 'string' && Object.hasOwn(CREDENTIAL_CONFIGURATIONS, value);
}

const TYPES = ['VerifiableCredential', 'OpenBadgeCredential'];
const BINDING = ['did:key', 'did:jwk'];
const PROOF_TYPES = { jwt: { proof_signing_alg_values_supported: ['EdDSA'] } };

/**
 * Credential Issuer Metadata (OpenID4VCI 1.0 §12.2). `credential_issuer` is the public URL exactly: a
 * wallet checks it against the offer's and the proofs' `aud`, so it never comes from a request's Host.
 * No `authorization_servers`: the issuer is its own authorization server (§12.2.4).
 */
export function credentialIssuerMetadata(options: { readonly publicUrl: string; readonly name: string }) {
  const { publicUrl } = options;
  const display = [{ name: options.name, locale: 'en' }];
  return {
    credential_issuer: publicUrl,
    credential_endpoint: `${publicUrl}${OPENID4VCI_PATHS.credential}`,
    nonce_endpoint: `${publicUrl}${OPENID4VCI_PATHS.nonce}`,
    display,
    credential_configurations_supported: {
      OpenBadgeCredential_ldp_vc: {
        format: 'ldp_vc',
        scope: 'OpenBadgeCredential',
        cryptographic_binding_methods_supported: BINDING,
        credential_signing_alg_values_supported: ['eddsa-rdfc-2022'],
        proof_types_supported: PROOF_TYPES,
        credential_definition: { '@context': [CREDENTIALS_V2_CONTEXT, OB_CONTEXT], type: TYPES },
        credential_metadata: { display: [{ name: 'Open Badge', locale: 'en' }] },
      },
      OpenBadgeCredential_jwt_vc_json: {
        format: 'jwt_vc_json',
        cryptographic_binding_methods_supported: BINDING,
        credential_signing_alg_values_supported: ['EdDSA'],
        proof_types_supported: PROOF_TYPES,
        credential_definition: { type: TYPES },
        credential_metadata: { display: [{ name: 'Open Badge (JWT)', locale: 'en' }] },
      },
    },
  };
}

/**
 * OAuth 2.0 Authorization Server Metadata (RFC 8414) for the pre-authorized code flow alone, with the
 * privacy policy and terms a wallet may show its user (§2 `op_policy_uri`, `op_tos_uri`).
 */
export function authorizationServerMetadata(options: {
  readonly publicUrl: string;
  readonly policies: Pick<PolicyUrls, 'privacyPolicy' | 'termsOfService'>;
}) {
  const { publicUrl } = options;
  return {
    issuer: publicUrl,
    token_endpoint: `${publicUrl}${OPENID4VCI_PATHS.token}`,
    grant_types_supported: ['urn:ietf:params:oauth:grant-type:pre-authorized_code'],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: ['none'],
    'pre-authorized_grant_anonymous_access_supported': true,
    op_policy_uri: options.policies.privacyPolicy,
    op_tos_uri: options.policies.termsOfService,
  };
}
