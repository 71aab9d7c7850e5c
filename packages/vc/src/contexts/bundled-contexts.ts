import bitstringStatusListV1 from './documents/bitstring-status-list-v1.json' with { type: 'json' };
import clrV2p0_2_0_1 from './documents/clr-v2p0-2.0.1.json' with { type: 'json' };
import credentialsV1 from './documents/credentials-v1.json' with { type: 'json' };
import credentialsV2 from './documents/credentials-v2.json' with { type: 'json' };
import dataIntegrityV1 from './documents/data-integrity-v1.json' with { type: 'json' };
import dataIntegrityV2 from './documents/data-integrity-v2.json' with { type: 'json' };
import didConfigurationV1 from './documents/did-configuration-v1.json' with { type: 'json' };
import didV1 from './documents/did-v1.json' with { type: 'json' };
import ed25519Suite2020V1 from './documents/ed25519-2020-v1.json' with { type: 'json' };
import multikeyV1 from './documents/multikey-v1.json' with { type: 'json' };
import obV3p0_3_0_0 from './documents/ob-v3p0-3.0.0.json' with { type: 'json' };
import obV3p0_3_0_1 from './documents/ob-v3p0-3.0.1.json' with { type: 'json' };
import obV3p0_3_0_2 from './documents/ob-v3p0-3.0.2.json' with { type: 'json' };
import obV3p0_3_0_3 from './documents/ob-v3p0-3.0.3.json' with { type: 'json' };
import obV3p0Extensions from './documents/ob-v3p0-extensions.json' with { type: 'json' };

export const CREDENTIALS_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const CREDENTIALS_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
export const CLR_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
export const DATA_INTEGRITY_V2_CONTEXT = 'https://w3id.org/security/data-integrity/v2';
export const ED25519_2020_CONTEXT = 'https://w3id.org/security/suites/ed25519-2020/v1';
/** DIF Well-Known DID Configuration (Domain Linkage Credentials and the did-configuration.json resource). */
export const DID_CONFIGURATION_CONTEXT = 'https://identity.foundation/.well-known/did-configuration/v1';

/**
 * Every JSON-LD context microcred knows, by URL. Sources are listed in ../../../../../shared/data/README.md
 * (W3C, 1EdTech) and in the @digitalbazaar context packages (data integrity, multikey, status list v1).
 * Nothing else is ever loaded unless a caller supplies it explicitly.
 */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  [CREDENTIALS_V2_CONTEXT, credentialsV2],
  [CREDENTIALS_V1_CONTEXT, credentialsV1],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context.json', obV3p0_3_0_0],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.0.json', obV3p0_3_0_0],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', obV3p0_3_0_1],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json', obV3p0_3_0_2],
  [OB_CONTEXT, obV3p0_3_0_3],
  [OB_EXTENSIONS_CONTEXT, obV3p0Extensions],
  [CLR_CONTEXT, clrV2p0_2_0_1],
  ['https://w3id.org/security/data-integrity/v1', dataIntegrityV1],
  [DATA_INTEGRITY_V2_CONTEXT, dataIntegrityV2],
  ['https://w3id.org/security/multikey/v1', multikeyV1],
  ['https://www.w3.org/ns/did/v1', didV1],
  [ED25519_2020_CONTEXT, ed25519Suite2020V1],
  ['https://www.w3.org/ns/credentials/status/v1', bitstringStatusListV1],
  [DID_CONFIGURATION_CONTEXT, didConfigurationV1],
]);
