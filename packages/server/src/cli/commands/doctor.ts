import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { MicrocredError } from '@microcred/vc';
import { type Config, decodeMasterKey, loadConfig, MASTER_KEY_BYTES, MASTER_KEY_FILE } from '../../config.js';
import { IN_MEMORY, openDatabase } from '../../db/open-database.js';
import { UsageError } from '../cli-io.js';
import { checkDataDir, type FolderProbe } from '../doctor/check-data-dir.js';
import { checkClockSkew, checkDatabaseServer, checkMigrations } from '../doctor/check-database.js';
import { checkMasterKey } from '../doctor/check-master-key.js';
import { checkIssuedDids, checkPublicUrl } from '../doctor/check-public-url.js';
import { checkSealedKeys } from '../doctor/check-sealed-keys.js';
import { checkSmtp } from '../doctor/check-smtp.js';
import { type DatabaseProbe, databaseProbe } from '../doctor/database-probe.js';
import { type DoctorFinding, ok, problem, warning } from '../doctor/doctor-finding.js';
import { greetSmtp, type SmtpGreeting } from '../doctor/greet-smtp.js';

type Io = { stdout: (text: string) => void; stderr: (text: string) => void };

/** What the doctor reaches outside itself; tests replace some of it. */
export interface DoctorProbes {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly greetSmtp?: (url: string) => Promise<SmtpGreeting>;
  readonly folder?: FolderProbe;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A check that throws (a query refused, a lost connection) is a problem of its own, not a crash. */
async function guarded(check: string, run: () => Promise<DoctorFinding>): Promise<DoctorFinding> {
  try {
    return await run();
  } catch (error) {
    return problem(
      check,
      `could not be checked: ${describe(error)}`,
      'see the message; run the doctor again',
    );
  }
}

function readEnvFile(path: string): Record<string, string> {
  try {
    return parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
  } catch (cause) {
    throw new UsageError(`cannot read ${path}: ${describe(cause)}`);
  }
}

/** The master key as `serve` would find it (MASTER_KEY, else the development key file), without creating one. */
function readMasterKey(env: Readonly<Record<string, string | undefined>>): {
  readonly finding: DoctorFinding;
  /** The key `serve` would use; undefined when it would generate a new one (or MASTER_KEY is invalid). */
  readonly key: Uint8Array | undefined;
} {
  const configured = env.MASTER_KEY === '' ? undefined : env.MASTER_KEY;
  const dataDir = env.DATA_DIR === undefined || env.DATA_DIR === '' ? '.data' : env.DATA_DIR;
  const path = dataDir === IN_MEMORY ? undefined : join(resolve(dataDir), MASTER_KEY_FILE);
  const content = path !== undefined && existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const finding = checkMasterKey({
    configured,
    keyFile: path === undefined ? undefined : { path, content },
  });
  if (configured !== undefined) return { finding, key: decodeMasterKey(configured) };
  return { finding, key: content === undefined ? undefined : decodeMasterKey(content) };
}

/** What the configuration keeps in DATA_DIR (what makes its permissions matter). */
function dataDirHolds(config: Config, env: Readonly<Record<string, string | undefined>>): string[] {
  return [
    ...(config.databaseUrl === undefined ? ['the embedded database'] : []),
    ...(env.MASTER_KEY === undefined || env.MASTER_KEY === '' ? ['the development master key'] : []),
    ...(config.smtpUrl === undefined ? ['the mail outbox'] : []),
  ];
}

async function databaseFindings(config: Config, masterKey: Uint8Array | undefined): Promise<DoctorFinding[]> {
  if (config.databaseUrl === undefined) {
    if (config.dataDir === IN_MEMORY)
      return [ok('database', 'embedded PGlite in memory: created empty at each start')];
    // Opening would create the folder; a doctor only looks.
    if (!existsSync(join(config.dataDir, 'pgdata')))
      return [
        warning(
          'database',
          `no embedded database in ${join(config.dataDir, 'pgdata')} yet: the first start creates it`,
          'for production, prefer a PostgreSQL server (DATABASE_URL): it is backed up and shared by several processes',
        ),
      ];
  }
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  try {
    handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  } catch (error) {
    return [
      problem(
        'database',
        `not reachable: ${describe(error)}`,
        config.databaseUrl === undefined
          ? 'stop the server using this DATA_DIR, or run the doctor before starting it'
          : 'check DATABASE_URL (host, port, user, password, database name) and that the server accepts this machine (pg_hba.conf)',
      ),
    ];
  }
  try {
    return await checkOpenDatabase(databaseProbe(handle), { publicUrl: config.publicUrl, masterKey });
  } finally {
    await handle.close();
  }
}

/** The checks that need a database, on any probe (the real one, or a test's). */
async function checkOpenDatabase(
  probe: DatabaseProbe,
  options: { readonly publicUrl: string; readonly masterKey: Uint8Array | undefined },
): Promise<DoctorFinding[]> {
  return [
    await guarded('database', () => checkDatabaseServer(probe)),
    await guarded('migrations', () => checkMigrations(probe)),
    await guarded('clock', () => checkClockSkew(probe)),
    await guarded('issuer-dids', async () =>
      checkIssuedDids({ publicUrl: options.publicUrl, issued: await probe.issuedDids() }),
    ),
    await guarded('sealed-keys', async () =>
      checkSealedKeys({ masterKey: options.masterKey, sample: await probe.sealedKey() }),
    ),
  ];
}

/**
 * Every check of `microcred doctor`, in the order printed. Reads the configuration as `serve` does, but
 * never writes: no development master key is generated, no database folder created, no migration run.
 */
export async function diagnose(probes: DoctorProbes = {}): Promise<DoctorFinding[]> {
  const env = probes.env ?? process.env;
  const masterKey = readMasterKey(env);
  // The master key is judged above from the environment as it is; a stand-in keeps `loadConfig` from
  // generating DATA_DIR/master.key or refusing on a key the finding already names.
  const configured = env.MASTER_KEY === undefined ? undefined : decodeMasterKey(env.MASTER_KEY);
  let config: Config;
  try {
    config = loadConfig({
      ...env,
      MASTER_KEY:
        configured === undefined ? randomBytes(MASTER_KEY_BYTES).toString('base64') : env.MASTER_KEY,
    });
  } catch (error) {
    const problems =
      error instanceof MicrocredError && Array.isArray(error.details?.problems)
        ? (error.details.problems as string[])
        : [describe(error)];
    return [
      problem(
        'configuration',
        `\`microcred serve\` would refuse to start: ${problems.join('; ')}`,
        'fix these settings (see .env.example), then run the doctor again',
      ),
      masterKey.finding,
    ];
  }
  return [
    ok('configuration', `loads (NODE_ENV=${config.nodeEnv})`),
    checkPublicUrl({ publicUrl: config.publicUrl }),
    masterKey.finding,
    await checkSmtp({ smtpUrl: config.smtpUrl, greet: probes.greetSmtp ?? ((url) => greetSmtp(url)) }),
    ...(await databaseFindings(config, masterKey.key)),
    await checkDataDir({
      dataDir: config.dataDir,
      holds: dataDirHolds(config, env),
      ...(probes.folder === undefined ? {} : { probe: probes.folder }),
    }),
  ];
}

const LABEL: Readonly<Record<DoctorFinding['status'], string>> = {
  ok: 'ok',
  warning: 'warning',
  problem: 'PROBLEM',
};

/** `microcred doctor`: one line per check, each problem with its fix; exit 1 when any problem is found. */
export async function doctor(
  options: { readonly json?: boolean; readonly envFile?: string },
  io: Io,
  probes: DoctorProbes = {},
): Promise<number> {
  const env =
    options.envFile === undefined
      ? (probes.env ?? process.env)
      : { ...(probes.env ?? process.env), ...readEnvFile(options.envFile) };
  const findings = await diagnose({ ...probes, env });
  const problems = findings.filter((finding) => finding.status === 'problem').length;
  const warnings = findings.filter((finding) => finding.status === 'warning').length;
  if (options.json === true) {
    io.stdout(`${JSON.stringify({ ok: problems === 0, problems, warnings, findings })}\n`);
  } else {
    for (const finding of findings) {
      io.stdout(`${LABEL[finding.status].padEnd(8)} ${finding.check.padEnd(13)} ${finding.message}\n`);
      if (finding.fix !== undefined) io.stdout(`${' '.repeat(23)}fix: ${finding.fix}\n`);
    }
    io.stdout(
      problems === 0
        ? `\nno problem found${warnings === 0 ? '' : ` (${warnings} warning${warnings === 1 ? '' : 's'})`}\n`
        : `\n${problems} problem${problems === 1 ? '' : 's'}${warnings === 0 ? '' : `, ${warnings} warning${warnings === 1 ? '' : 's'}`}: fix them before going to production\n`,
    );
  }
  return problems === 0 ? 0 : 1;
}
