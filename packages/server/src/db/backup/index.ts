export { backUpEmbeddedDatabase, type EmbeddedBackup } from './back-up-embedded-database.js';
export { type BackupFile, type BackupManifest, decodeBackupFile, encodeBackupFile } from './backup-file.js';
export { type RestoreOutcome, restoreEmbeddedDatabase } from './restore-embedded-database.js';
