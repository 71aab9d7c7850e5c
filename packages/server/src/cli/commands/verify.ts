import {
  createResourceMap,
  findInTrustRegistries,
  type IssuerTrustResolver,
  isMicrocredError,
  parseCosignerVerifierKey,
  parseNoteVerifierKey,
  type TransparencyLogOptions,
  type VerificationReport,
  type VerifierCompat,
  verifyCredential,
} from '@microcred/vc';
import { createGuardedFetcher, parseFetchAllowList } from '../../edge/outbound/index.js';
import { ResourceMapError, readResourceMap } from '../../resources/read-resource-map.js';
import { readTrustRegistries } from '../../resources/read-trust-registries.js';
import { readBytes, readJsonFile, UsageError } from '../cli-io.js';
import { readNoteKey } from '../read-note-key.js';

/** `--resources FILE`: a map that cannot be used is the caller's mistake (exit 2). */
function readResources(path: string): Map<string, unknown> {
  try {
    return readResourceMap({ path });
  } catch (error) {
    if (error instanceof ResourceMapError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}

export interface VerifyCommandOptions {
  readonly json?: boolean;
  readonly now?: Date;
  /** Status list credentials to use for their `id` instead of fetching them. */
  readonly statusList?: readonly string[];
  /** A resource map (URL or DID → file): contexts, DID and key documents, status and revocation lists. */
  readonly resources?: string;
  /** Peer conventions accepted beyond the specifications (default `strict`). */
  readonly compat?: VerifierCompat;
  /** `--trust-registry`: registry files, most authoritative first; without any, no `issuer-trust` check. */
  readonly trustRegistries?: readonly string[];
  /**
   * `--fetch`: what the files and maps do not hold is fetched through the guarded fetcher; `allow` is
   * `MICROCRED_FETCH_ALLOW` as written (hosts reached although not public, over http too).
   */
  readonly fetch?: { readonly allow: string };
  /** `--log-key`: the transparency log's verifier keys (text or files); with `logProof`, a `transparency-log` check. */
  readonly logKeys?: readonly string[];
  /** `--log-proof FILE`: the log proof of the one credential file (`GET /api/v1/credentials/{id}/log-proof`). */
  readonly logProof?: string;
  /** `--witness-key`: cosigner keys of witnesses trusted to date a checkpoint (a key revoked later still verifies). */
  readonly witnessKeys?: readonly string[];
}

/** `--log-key`, `--witness-key` and `--log-proof` as verifier options; they only make sense together. */
function transparencyLogOptions(
  files: readonly string[],
  options: VerifyCommandOptions,
): TransparencyLogOptions | undefined {
  const logKeys = options.logKeys ?? [];
  const witnessKeys = options.witnessKeys ?? [];
  if (options.logProof === undefined && logKeys.length === 0 && witnessKeys.length === 0) return undefined;
  if (options.logProof === undefined || logKeys.length === 0)
    throw new UsageError('--log-key and --log-proof go together (--witness-key needs both)');
  if (files.length !== 1) throw new UsageError('--log-proof is the proof of one credential: give one FILE');
  return {
    logKeys: logKeys.map((key) => readNoteKey(key, '--log-key', parseNoteVerifierKey)),
    witnessKeys: witnessKeys.map((key) => readNoteKey(key, '--witness-key', parseCosignerVerifierKey)),
    proof: readJsonFile(options.logProof),
  };
}

function guardedFallback(fetch: NonNullable<VerifyCommandOptions['fetch']>) {
  const allow = parseFetchAllowList(fetch.allow);
  if (allow === undefined)
    throw new UsageError(
      `MICROCRED_FETCH_ALLOW must be host names or IP addresses, each with an optional :port, separated by commas`,
    );
  // It caches as each answer's Cache-Control says, so the map adds no cache of its own.
  return { fallback: createGuardedFetcher({ allow }).fetchJson, cache: { maxEntries: 0 } };
}

/**
 * What the registry files say of an issuer. The command has no database and no domain check of its own:
 * an issuer none of them lists is unknown (the server's verifier also checks domain linkage).
 */
function registryTrust(paths: readonly string[]): IssuerTrustResolver | undefined {
  if (paths.length === 0) return undefined;
  let registries: ReturnType<typeof readTrustRegistries>;
  try {
    registries = readTrustRegistries(paths);
  } catch (error) {
    if (isMicrocredError(error)) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  return async ({ id }) => findInTrustRegistries(registries, id) ?? { level: 'unknown' };
}

function statusListDocuments(paths: readonly string[]): Map<string, unknown> {
  const documents = new Map<string, unknown>();
  for (const path of paths) {
    const document = readJsonFile(path);
    if (typeof document.id !== 'string')
      throw new UsageError(`${path} has no "id": it cannot stand in for a status list URL`);
    documents.set(document.id, document);
  }
  return documents;
}

function formatReport(file: string, report: VerificationReport): string {
  const verdict = !report.verified
    ? 'NOT VERIFIED'
    : report.authorship === 'unproven'
      ? 'SIGNATURE VALID, AUTHORSHIP UNPROVEN (compatibility mode)'
      : 'VERIFIED';
  const lines = [`${file}: ${verdict}${report.format ? ` (${report.format})` : ''}`];
  if (report.authorshipReason !== undefined) lines.push(`  authorship unproven: ${report.authorshipReason}`);
  for (const check of report.checks) {
    const mark = !check.ok ? 'FAIL' : check.warning ? 'WARN' : ' ok ';
    lines.push(
      `  [${mark}] ${check.id.padEnd(18)} ${check.code && !check.ok ? `${check.code}: ` : ''}${check.message}`,
    );
  }
  for (const nested of report.nested ?? []) {
    lines.push(`  ${nested.path}: ${nested.report.verified ? 'verified' : 'NOT verified'}`);
    for (const check of nested.report.checks.filter((item) => !item.ok || item.warning)) {
      lines.push(`      [${check.ok ? 'WARN' : 'FAIL'}] ${check.id} ${check.message}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `microcred verify FILE...`: JSON, JWT, PNG or SVG. Exit 0 when every file verifies, 1 when any does not;
 * unreadable files or a bad resource map are usage errors (2), raised before any verification output.
 * Remote documents come from `--resources` and `--status-list`, and are fetched only with `--fetch`.
 */
export async function verifyFiles(
  files: readonly string[],
  options: VerifyCommandOptions,
  stdout: (text: string) => void,
): Promise<number> {
  if (files.length === 0) throw new UsageError('verify needs at least one FILE');
  const inputs = files.map((file) => ({ file, bytes: readBytes(file) }));
  const transparencyLog = transparencyLogOptions(files, options);
  const documents =
    options.resources === undefined ? new Map<string, unknown>() : readResources(options.resources);
  for (const [url, document] of statusListDocuments(options.statusList ?? [])) documents.set(url, document);
  const issuerTrust = registryTrust(options.trustRegistries ?? []);
  // One map for the whole run: its document loader lets jsonld.js reuse the contexts it resolved.
  const { fetcher, documentLoader } = createResourceMap({
    documents,
    ...(options.fetch === undefined ? {} : guardedFallback(options.fetch)),
  });
  let allVerified = true;
  for (const { file, bytes } of inputs) {
    const report = await verifyCredential(bytes, {
      fetcher,
      documentLoader,
      ...(options.now === undefined ? {} : { now: options.now }),
      ...(options.compat === undefined ? {} : { compat: options.compat }),
      ...(issuerTrust === undefined ? {} : { issuerTrust }),
      ...(transparencyLog === undefined ? {} : { transparencyLog }),
    });
    allVerified &&= report.verified;
    stdout(
      options.json
        ? `${JSON.stringify({
            file,
            verified: report.verified,
            ...(report.authorship === undefined
              ? {}
              : { authorship: report.authorship, authorshipReason: report.authorshipReason }),
            checks: report.checks,
            ...(report.issuerTrust === undefined ? {} : { issuerTrust: report.issuerTrust }),
          })}\n`
        : formatReport(file, report),
    );
  }
  return allVerified ? 0 : 1;
}
