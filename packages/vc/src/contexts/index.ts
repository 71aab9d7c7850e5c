export {
  BUNDLED_CONTEXTS,
  CLR_CONTEXT,
  CREDENTIALS_V1_CONTEXT,
  CREDENTIALS_V2_CONTEXT,
  DATA_INTEGRITY_V2_CONTEXT,
  DID_CONFIGURATION_CONTEXT,
  ED25519_2020_CONTEXT,
  OB_CONTEXT,
  OB_EXTENSIONS_CONTEXT,
} from './bundled-contexts.js';
export {
  bundledDocumentLoader,
  createDocumentLoader,
  type DocumentLoader,
  type DocumentLoaderOptions,
  type RemoteDocument,
} from './document-loader.js';
