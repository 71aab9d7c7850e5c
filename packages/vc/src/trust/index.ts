export {
  type BuildDomainLinkageCredentialOptions,
  buildDidConfiguration,
  buildDomainLinkageCredential,
  DID_CONFIGURATION_PATH,
  didConfigurationUrl,
  webOriginOf,
} from './build-domain-linkage-credential.js';
export {
  type CheckDidConfigurationOptions,
  checkDidConfiguration,
  type DomainLinkage,
} from './check-did-configuration.js';
export { findInTrustRegistries } from './find-in-trust-registries.js';
export {
  type ParseTrustRegistryOptions,
  parseDccIssuerRegistry,
  parseTrustList,
  parseTrustListText,
  parseTrustRegistry,
  type TrustRegistry,
  type TrustRegistryEntry,
} from './parse-trust-registry.js';
