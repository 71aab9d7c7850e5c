/** The operator's own documents, when they have them (`PRIVACY_POLICY_URL`, `TERMS_OF_SERVICE_URL`). */
export interface ConfiguredPolicies {
  readonly privacyPolicyUrl?: string;
  readonly termsOfServiceUrl?: string;
}

/**
 * Where this platform's privacy policy and terms of service are: what the footer links to, and what the
 * OB 3.0 discovery document, the OAuth metadata and this platform's registrations at other hosts name.
 */
export interface PolicyUrls {
  readonly privacyPolicy: string;
  readonly termsOfService: string;
  /** True when the privacy policy is the built-in page (`PRIVACY_PAGE_PATH`), not the operator's own. */
  readonly builtInPrivacyPage: boolean;
  /**
   * The same two documents at addresses on this platform's own host (the page, or a redirect to the
   * operator's document): what its client registrations at other OB 3.0 hosts name, since a host requires
   * `tos_uri` and `policy_uri` on the client's host (this one's register-client.ts does).
   */
  readonly onThisHost: { readonly privacyPolicy: string; readonly termsOfService: string };
}

/** The built-in page saying what this software stores, shows and sends (web/public/privacy-routes). */
export const PRIVACY_PAGE_PATH = '/privacy';
/** A redirect to the terms in force: `TERMS_OF_SERVICE_URL`, or else the privacy policy. */
export const TERMS_PAGE_PATH = '/terms';

/**
 * The configured documents, or the built-in privacy page. There is no built-in terms page (the software
 * enforces no terms it could state as facts beyond what the privacy page says), so without
 * `TERMS_OF_SERVICE_URL` the terms are the privacy policy: the discovery document still names a page
 * that exists and says what using the platform involves.
 */
export function policyUrls(publicUrl: string, configured: ConfiguredPolicies = {}): PolicyUrls {
  const privacyPolicy = configured.privacyPolicyUrl ?? `${publicUrl}${PRIVACY_PAGE_PATH}`;
  return {
    privacyPolicy,
    termsOfService: configured.termsOfServiceUrl ?? privacyPolicy,
    builtInPrivacyPage: configured.privacyPolicyUrl === undefined,
    onThisHost: {
      privacyPolicy: `${publicUrl}${PRIVACY_PAGE_PATH}`,
      termsOfService: `${publicUrl}${
        configured.termsOfServiceUrl === undefined ? PRIVACY_PAGE_PATH : TERMS_PAGE_PATH
      }`,
    },
  };
}
