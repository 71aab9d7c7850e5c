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
}

/** The built-in page saying what this software stores, shows and sends (web/public/privacy-routes). */
export const PRIVACY_PAGE_PATH = '/privacy';

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
  };
}
