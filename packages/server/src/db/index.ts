export { type CreatePgStorageOptions, createPgStorage } from './create-pg-storage.js';
export type { Database } from './database.js';
export { AesGcmKeyStore, type AesGcmKeyStoreOptions } from './keystore/aes-gcm-key-store.js';
export { deriveSubkey } from './keystore/derive-subkey.js';
export {
  type DatabaseHandle,
  IN_MEMORY,
  type OpenDatabaseOptions,
  openDatabase,
  type PgliteHandle,
  type PostgresHandle,
} from './open-database.js';
export { DEFAULT_STATUS_LIST_LENGTH } from './repositories/pg-status-list-repository.js';
export { MIGRATIONS_FOLDER, runMigrations } from './run-migrations.js';
