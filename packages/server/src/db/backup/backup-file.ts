import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ServerError, ServerErrorCode } from '../../domain/error/server-error.js';

/**
 * The first line of every backup file: a reader sees at once what the file is and which layout follows,
 * before it trusts anything else in it.
 */
const MAGIC = 'microcred-backup';
export const BACKUP_FORMAT_VERSION = 1;
const NEWLINE = 0x0a;
// A manifest is a few hundred bytes; a first or second line longer than this is not one.
const MAX_HEADER_BYTES = 64 * 1024;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

const manifestSchema = z.object({
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  microcredVersion: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  database: z.object({
    engine: z.literal('pglite'),
    pgliteVersion: z.string().min(1),
    postgresVersion: z.string().min(1),
  }),
  migrations: z.object({
    applied: z.number().int().min(0),
    /** drizzle-kit's `when` of the last migration applied (what drizzle records), null before any. */
    latestCreatedAt: z.number().int().nullable(),
    /** Its tag (`0024_portfolio_profile`), when the build that made the backup knew it. */
    latestTag: z.string().nullable(),
  }),
  payload: z.object({
    /** A gzipped tarball of PGlite's data folder, as `PGlite.dumpDataDir('gzip')` writes it. */
    encoding: z.literal('pglite-datadir-tar-gzip'),
    bytes: z.number().int().min(1),
    sha256: sha256Hex,
  }),
});

/** What a backup says about itself: enough to refuse a foreign, damaged or too recent file before loading it. */
export type BackupManifest = z.infer<typeof manifestSchema>;

export interface BackupFile {
  readonly manifest: BackupManifest;
  readonly payload: Uint8Array;
}

/**
 * Lays out a backup: the magic line with the format version, the manifest as one line of JSON, then the
 * payload. The manifest is text so that `head -2 FILE` tells an operator what a backup holds.
 */
export function encodeBackupFile(options: {
  readonly manifest: Omit<BackupManifest, 'payload' | 'formatVersion'>;
  readonly payload: Uint8Array;
}): Uint8Array {
  const manifest: BackupManifest = {
    formatVersion: BACKUP_FORMAT_VERSION,
    ...options.manifest,
    payload: {
      encoding: 'pglite-datadir-tar-gzip',
      bytes: options.payload.byteLength,
      sha256: sha256(options.payload),
    },
  };
  const header = Buffer.from(`${MAGIC} ${BACKUP_FORMAT_VERSION}\n${JSON.stringify(manifest)}\n`, 'utf8');
  return new Uint8Array(Buffer.concat([header, options.payload]));
}

/**
 * Reads a backup file and checks it whole: the magic line, the manifest, the payload's length (a
 * truncated copy) and its SHA-256 (a damaged one). Throws a `VALIDATION_ERROR` saying which, so nothing
 * is restored from a file that is not exactly what `microcred backup` wrote.
 */
export function decodeBackupFile(bytes: Uint8Array): BackupFile {
  const firstEnd = indexOfNewline(bytes, 0);
  const magic = firstEnd < 0 ? '' : Buffer.from(bytes.subarray(0, firstEnd)).toString('utf8');
  const [name, version] = magic.split(' ');
  if (name !== MAGIC)
    throw invalid('it is not a microcred backup (its first line is not "microcred-backup")');
  if (version !== String(BACKUP_FORMAT_VERSION)) {
    throw invalid(
      `it is a microcred backup of format ${version ?? '?'}, which this version of microcred does not read (it reads format ${BACKUP_FORMAT_VERSION})`,
    );
  }
  const secondEnd = indexOfNewline(bytes, firstEnd + 1);
  if (secondEnd < 0) throw invalid('its manifest is cut off: the file is truncated or damaged');
  let manifest: BackupManifest;
  try {
    const text = Buffer.from(bytes.subarray(firstEnd + 1, secondEnd)).toString('utf8');
    manifest = manifestSchema.parse(JSON.parse(text));
  } catch (cause) {
    throw invalid('its manifest is not readable: the file is damaged', cause);
  }
  const payload = bytes.subarray(secondEnd + 1);
  if (payload.byteLength < manifest.payload.bytes) {
    throw invalid(
      `it is truncated: ${payload.byteLength} of its ${manifest.payload.bytes} bytes of data are there`,
    );
  }
  if (payload.byteLength > manifest.payload.bytes) {
    throw invalid(
      `it has ${payload.byteLength - manifest.payload.bytes} bytes more than its manifest says: it is damaged`,
    );
  }
  if (sha256(payload) !== manifest.payload.sha256) {
    throw invalid('its data does not match the SHA-256 in its manifest: the file is damaged');
  }
  return { manifest, payload };
}

function indexOfNewline(bytes: Uint8Array, from: number): number {
  const end = Math.min(bytes.byteLength, from + MAX_HEADER_BYTES);
  for (let index = from; index < end; index++) if (bytes[index] === NEWLINE) return index;
  return -1;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function invalid(reason: string, cause?: unknown): ServerError {
  return new ServerError(ServerErrorCode.VALIDATION_ERROR, `not restorable: ${reason}`, {
    ...(cause === undefined ? {} : { cause }),
  });
}
